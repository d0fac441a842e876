package dev.flaxj.transform.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.backend.Backend;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.EvalJaxpr;
import java.util.List;
import java.util.SplittableRandom;

/** Runs staged programs both ways, through a plan and equation by equation, and compares bits. */
public final class PlanTesting {
  private PlanTesting() {}

  /**
   * Asserts that the plan of {@code jaxpr} on {@code backend} gives exactly what
   * {@link EvalJaxpr} gives on {@code args}: same types (weak type included) and the same bits,
   * or the same exception when evaluation raises; returns the plan.
   */
  public static ExecutionPlan assertPlanExact(String what, ClosedJaxpr jaxpr, List<? extends Value> args,
      Backend backend) {
    ExecutionPlan plan = ExecutionPlan.of(jaxpr, backend);
    List<Value> expected;
    try {
      expected = EvalJaxpr.eval(jaxpr, args);
    } catch (RuntimeException raised) {
      RuntimeException again = assertThrows(RuntimeException.class, () -> plan.run(args), what);
      assertEquals(raised.getClass(), again.getClass(), what);
      assertEquals(raised.getMessage(), again.getMessage(), what);
      return plan;
    }
    List<Value> actual = plan.run(args);
    assertEquals(expected.size(), actual.size(), what + ": number of outputs");
    for (int i = 0; i < expected.size(); i++) {
      assertSameBits(what + ", output " + i + ", plan " + plan, expected.get(i), actual.get(i));
    }
    return plan;
  }

  /**
   * Same aval (shape, dtype, weak type) and the same storage bits, except that all NaNs are equal:
   * the JVM does not fix the sign and payload of a NaN that arithmetic produces (the same reference
   * kernel, run on the same NaN input, returns 0x7fc00000 while interpreted and 0xffc00000 once
   * compiled by C2), so no two runs can promise NaN bits. Zeros' signs and subnormals are compared
   * exactly.
   */
  public static void assertSameBits(String what, Value expected, Value actual) {
    Array e = assertInstanceOf(Array.class, expected, what);
    Array a = assertInstanceOf(Array.class, actual, what);
    assertEquals(e.aval(), a.aval(), what + ": type");
    Object es = e.rawStorage();
    Object as = a.rawStorage();
    if (es instanceof float[] ef) {
      assertArrayEquals(floatBits(ef), floatBits((float[]) as), what + ": float32 bits");
    } else if (es instanceof double[] ed) {
      assertArrayEquals(doubleBits(ed), doubleBits((double[]) as), what + ": float64 bits");
    } else if (es instanceof int[] ei) {
      assertArrayEquals(ei, (int[]) as, what);
    } else {
      assertArrayEquals((boolean[]) es, (boolean[]) as, what);
    }
  }

  private static int[] floatBits(float[] v) {
    int[] out = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Float.floatToIntBits(v[i]);
    }
    return out;
  }

  private static long[] doubleBits(double[] v) {
    long[] out = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Double.doubleToLongBits(v[i]);
    }
    return out;
  }

  /** Reproducible float32 values uniform in [-scale, scale). */
  public static Array uniform(long seed, double scale, int... shape) {
    int size = 1;
    for (int d : shape) {
      size *= d;
    }
    SplittableRandom random = new SplittableRandom(seed);
    float[] v = new float[size];
    for (int i = 0; i < size; i++) {
      v[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
    }
    return Array.of(v, shape);
  }
}
