package dev.flaxj.numpy;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;

/** Constant arrays: a scalar literal, broadcast by {@code broadcast_in_dim} to a shape. */
final class Constants {
  private Constants() {}

  /** A scalar of {@code dtype} holding {@code v} (truncated toward zero for integers). */
  static Array scalar(double v, DType dtype, boolean weak) {
    ShapedArray aval = new ShapedArray(Shape.SCALAR, dtype, weak);
    Object storage = Array.allocate(aval);
    switch (dtype) {
      case BOOL: ((boolean[]) storage)[0] = v != 0; break;
      case INT32: ((int[]) storage)[0] = (int) v; break;
      case UINT32: ((int[]) storage)[0] = (int) (long) v; break;
      case FLOAT32: ((float[]) storage)[0] = (float) v; break;
      case FLOAT64: ((double[]) storage)[0] = v; break;
      default: throw new IllegalArgumentException("no scalar constant of dtype " + dtype);
    }
    return Array.wrap(aval, storage);
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
