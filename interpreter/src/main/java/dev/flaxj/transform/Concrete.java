package dev.flaxj.transform;

import dev.flaxj.array.Array;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;

/**
 * Reading a concrete value where an operation needs one (JAX's {@code concrete_or_error}): under
 * {@code jit} and other staging transformations values are abstract, and such operations raise
 * {@link ConcretizationTypeError} with JAX's message instead.
 */
public final class Concrete {
  private Concrete() {}

  /**
   * {@code v} as a concrete array, or a {@link ConcretizationTypeError} whose message names the
   * abstract value and says where a concrete one was needed ({@code context}, for example
   * {@code "argument x of jax.random.permutation()"}).
   */
  public static Array arrayOrError(Value v, String context) {
    if (v instanceof Array a) {
      return a;
    }
    throw new ConcretizationTypeError("Abstract tracer value encountered where concrete value is "
        + "expected: traced array with shape " + longStr(v.aval()) + "\n" + context
        + "\n\nSee https://docs.jax.dev/en/latest/errors.html#jax.errors.ConcretizationTypeError");
  }

  /** JAX's {@code float32[2,3]}: the dtype's full name, no weak type. */
  static String longStr(ShapedArray aval) {
    StringBuilder s = new StringBuilder(aval.dtype().jaxName()).append('[');
    int[] dims = aval.shape().dims();
    for (int i = 0; i < dims.length; i++) {
      s.append(i == 0 ? "" : ",").append(dims[i]);
    }
    return s.append(']').toString();
  }
}
