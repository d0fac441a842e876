package dev.flaxj.transform.partial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.transform.jvp.Zero;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The dot-product test of a transpose rule: for a primitive linear in some inputs,
 * {@code <ct, f(x) - f(0)> == sum_i <transpose(ct)_i, x_i>} for random {@code x} and
 * {@code ct} (subtracting {@code f(0)} removes what the known inputs add, as in
 * {@code add(known, x)}).
 */
final class Adjoint {
  private Adjoint() {}

  /** Marks an argument as a linear input. */
  record Lin(Array value) {}

  static Lin lin(Array a) {
    return new Lin(a);
  }

  /** Random float64 values of the given shape, deterministic per seed. */
  static Array randn(long seed, int... shape) {
    return randn(seed, DType.FLOAT64, shape);
  }

  static Array randn(long seed, DType dtype, int... shape) {
    Random r = new Random(seed);
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextGaussian();
    }
    if (dtype == DType.FLOAT32) {
      float[] f = new float[n];
      for (int i = 0; i < n; i++) {
        f[i] = (float) v[i];
      }
      return Array.of(f, shape);
    }
    return Array.of(v, shape);
  }

  static double dot(Value a, Value b) {
    double[] x = ((Array) a).toDoubleArray();
    double[] y = ((Array) b).toDoubleArray();
    assertEquals(x.length, y.length, "sizes of the dot product's operands");
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }

  /**
   * Checks the rule of {@code p} on {@code args} (arrays, or {@link Lin} for linear inputs) and
   * returns the cotangents, one per argument (null for known ones).
   */
  static List<Value> check(Primitive p, Params params, Object... args) {
    Value[] forward = new Value[args.length];
    Value[] atZero = new Value[args.length];
    List<Object> ruleArgs = new ArrayList<>();
    boolean single = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof Lin) {
        forward[i] = ((Lin) args[i]).value();
        atZero[i] = LinearArgs.zeros(forward[i].aval());
        ruleArgs.add(new UndefinedPrimal(forward[i].aval()));
      } else {
        forward[i] = (Value) args[i];
        atZero[i] = forward[i];
        ruleArgs.add(args[i]);
      }
      single |= forward[i].dtype() == DType.FLOAT32;
    }
    Value y = Lax.sub(Bind.bind1(p, params, forward), Bind.bind1(p, params, atZero));
    Array ct = randn(99, y.dtype(), y.shape().dims());
    List<Value> cts = TransposeRules.get(p).apply(List.of(ct), ruleArgs, params);
    assertEquals(args.length, cts.size(), "one cotangent per input of " + p);
    double lhs = dot(ct, y);
    double rhs = 0;
    for (int i = 0; i < args.length; i++) {
      Value c = cts.get(i);
      if (args[i] instanceof Lin) {
        assertEquals(forward[i].shape(), c.shape(), "cotangent shape of input " + i + " of " + p);
        assertEquals(forward[i].dtype(), c.dtype(), "cotangent dtype of input " + i + " of " + p);
        rhs += c instanceof Zero ? 0 : dot(c, forward[i]);
      } else {
        assertEquals(null, c, "cotangent of known input " + i + " of " + p);
      }
    }
    double tol = (single || y.dtype() == DType.FLOAT32 ? 1e-5 : 1e-12) * (1 + Math.abs(lhs));
    assertEquals(lhs, rhs, tol, "<ct, f(x)> vs <f^T(ct), x> for " + p + " " + params);
    return cts;
  }
}
