package dev.flaxj.numpy;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;

/** Constant arrays: a scalar literal, broadcast by {@code broadcast_in_dim} to a shape. */
final class Constants {
  private Constants() {}

  /** A scalar of {@code dtype} holding {@code v} (truncated toward zero for integers). */
  static Array scalar(double v, DType dtype, boolean weak) {
    return Array.scalarOf(v, dtype, weak);
  }

  /** An array of {@code shape} filled with {@code v}. */
  static Value full(int[] shape, double v, DType dtype, boolean weak) {
    return Lax.broadcastInDim(scalar(v, dtype, weak), shape, new int[0]);
  }

  /** An array like {@code x} (shape, dtype, weak flag) filled with {@code v}. */
  static Value fullLike(Value x, double v) {
    return full(x.shape().dims(), v, x.dtype(), x.aval().weakType());
  }
}
