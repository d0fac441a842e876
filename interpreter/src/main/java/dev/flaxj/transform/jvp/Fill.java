package dev.flaxj.transform.jvp;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;

/**
 * Constants for JVP rules (JAX's {@code _const}, {@code _zeros}, {@code _ones}): a scalar of the
 * needed dtype, broadcast by {@code broadcast_in_dim} so that it stages like any other operation.
 */
final class Fill {
  private Fill() {}

  /** A scalar of {@code dtype} holding {@code v} (truncated toward zero for integers). */
  static Array scalar(double v, DType dtype) {
    return Array.scalarOf(v, dtype, false);
  }

  /** An array of {@code shape} and {@code dtype} filled with {@code v}. */
  static Value full(int[] shape, double v, DType dtype) {
    return Lax.broadcastInDim(scalar(v, dtype), shape, new int[0]);
  }

  /** An array of {@code x}'s shape and dtype filled with {@code v}. */
  static Value like(Value x, double v) {
    return full(x.shape().dims(), v, x.dtype());
  }

  /** {@code v} broadcast to {@code x}'s shape when it is a scalar and {@code x} is not. */
  static Value broadcastScalar(Value v, Value x) {
    return v.rank() == 0 && x.rank() > 0
        ? Lax.broadcastInDim(v, x.shape().dims(), new int[0]) : v;
  }
}
