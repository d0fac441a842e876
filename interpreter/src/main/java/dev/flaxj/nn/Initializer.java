package dev.flaxj.nn;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;

/**
 * A parameter initialiser, as {@code jax.nn.initializers.Initializer}: a function of a PRNG key, a
 * shape and a dtype. Keys may be typed ({@code key<fry>}) or raw uint32 {@code (2,)} data.
 */
@FunctionalInterface
public interface Initializer {
  Value init(Value key, int[] shape, DType dtype);

  /** Initialises with JAX's default dtype, float32. */
  default Value init(Value key, int... shape) {
    return init(key, shape, DType.FLOAT32);
  }
}
