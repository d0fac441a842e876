package dev.flaxj.transform.partial;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.numpy.Index;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.staging.Jit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Functions of one float64 array of shape (2, 3) covering the differentiable primitive families,
 * for the property tests of reverse mode.
 */
final class TestFunctions {
  private TestFunctions() {}

  static final int[] SHAPE = {2, 3};

  private static final Value W = Jnp.astype(Jnp.subtract(Jnp.multiply(Jnp.reshape(
      Jnp.arange(12.0), 3, 4), 0.2), 1.0), DType.FLOAT64);

  static final Map<String, TreeFunction> ALL = new LinkedHashMap<>();

  private static void add(String name, java.util.function.Function<Value, Value> f) {
    ALL.put(name, a -> f.apply((Value) a[0]));
  }

  static {
    add("tanh * sin", x -> Jnp.multiply(Jnp.tanh(x), Jnp.sin(x)));
    add("exp(x @ W)", x -> Jnp.exp(Jnp.matmul(x, W)));
    add("cumsum / (1 + x^2)", x -> Jnp.divide(Jnp.cumsum(x, 1), Jnp.add(1, Jnp.square(x))));
    add("gather with repeats", x -> Jnp.multiply(
        Jnp.index(x, Index.slice(null, null), Index.array(2, 0, 0)), x));
    add("concatenate, transpose, pad", x -> Lax.pad(
        Jnp.transpose(Jnp.concatenate(List.of(x, Jnp.multiply(x, 2)), 0)),
        Array.of(new double[] {0.5}), new int[][] {{-1, 2, 1}, {1, 0, 0}}));
    add("where", x -> Jnp.where(Jnp.greater(x, 0), x, Jnp.multiply(x, 0.1)));
    add("logistic, log1p, sqrt", x -> Jnp.multiply(Jnp.add(Lax.logistic(x),
        Jnp.log1p(Jnp.square(x))), Jnp.sqrt(Jnp.add(1, Jnp.square(x)))));
    add("dynamic_update_slice", x -> Lax.dynamicUpdateSlice(Jnp.sin(x),
        Jnp.multiply(Lax.dynamicSlice(x, new Value[] {Array.scalar(1), Array.scalar(1)},
            new int[] {1, 2}), 3), new Value[] {Array.scalar(0), Array.scalar(-2)}));
    add("softmax", x -> {
      Value e = Jnp.exp(Jnp.subtract(x, Jnp.max(x, new int[] {1}, true)));
      return Jnp.divide(e, Jnp.sum(e, new int[] {1}, true));
    });
    add("var, prod", x -> Jnp.add(Jnp.var(x, 0), Jnp.prod(x, 0)));
    add("rev, reshape, broadcast", x -> Jnp.multiply(Jnp.reshape(Lax.rev(x, 1), 3, 2),
        Jnp.expandDims(Jnp.sum(x, 0), 1)));
    add("power", x -> Jnp.power(Jnp.add(Jnp.abs(x), 1), 1.5));
    add("sort", x -> Jnp.multiply(Lax.sort(1, true, 1, x).get(0), Jnp.cos(x)));
    add("cummax, cumprod, reduce_max", x -> Jnp.add(Jnp.add(Lax.cummax(x, 1, false),
        Lax.cumprod(x, 0, true)), Jnp.max(x, new int[] {1}, true)));
    add("clamp, min, max, rem", x -> Jnp.add(Jnp.add(Lax.clamp(Array.of(new double[] {-0.5}),
        x, Array.of(new double[] {0.7})), Jnp.minimum(x, Jnp.cos(x))),
        Jnp.add(Jnp.maximum(x, 0.1), Lax.rem(x, Jnp.add(Jnp.abs(x), 0.3)))));
    add("integer_pow, expm1, rsqrt", x -> Jnp.multiply(Jnp.add(Lax.cos(x),
        Lax.integerPow(x, 3)), Jnp.add(Lax.expm1(x), Lax.rsqrt(Jnp.add(Jnp.square(x), 1)))));
    add("qr", x -> Lax.qr(Jnp.transpose(x)).get(1));
    add("jit", x -> (Value) Jit.jit(a -> Jnp.multiply(Jnp.tanh((Value) a[0]), a[0])).apply(x));
  }

  /** Random float64 values of {@code shape}. */
  static Array random(long seed, int... shape) {
    return Adjoint.randn(seed, shape);
  }
}
