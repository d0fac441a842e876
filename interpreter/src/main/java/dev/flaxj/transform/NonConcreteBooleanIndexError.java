package dev.flaxj.transform;

import dev.flaxj.array.ShapedArray;

/**
 * JAX's {@code NonConcreteBooleanIndexError}: indexing with a boolean mask whose value is not
 * known (under {@code jit}), so the result's shape cannot be known either. A kind of
 * {@link ConcretizationTypeError} here (in JAX it is an {@code IndexError}).
 */
public class NonConcreteBooleanIndexError extends ConcretizationTypeError {
  public NonConcreteBooleanIndexError(ShapedArray mask) {
    super("Array boolean indices must be concrete; got " + mask.withDType(mask.dtype(), false).str()
        + "\n\nSee https://docs.jax.dev/en/latest/errors.html#jax.errors.NonConcreteBooleanIndexError");
  }
}
