package dev.flaxj.lax;

import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import java.util.Arrays;
import java.util.List;

/**
 * The primitives under {@code jax.random}: the threefry-2x32 block hash and the casts between
 * typed keys ({@code key<fry>}) and their raw {@code uint32} data.
 */
public final class RandomPrimitives {
  private RandomPrimitives() {}

  /**
   * {@code threefry2x32(k1, k2, x1, x2) -> (y1, y2)}: 20 rounds of Threefry-2x32 on key words
   * {@code (k1, k2)} and counter words {@code (x1, x2)}, elementwise. All operands are uint32; the
   * non-scalar ones must share one shape, scalars broadcast (JAX binds scalar key words with
   * shaped counters).
   */
  public static final Primitive THREEFRY2X32 = new Primitive("threefry2x32") {
    @Override
    public List<ShapedArray> abstractEval(List<ShapedArray> in, Params params) {
      if (in.size() != 4) {
        throw error("expected 4 operands (k1, k2, x1, x2), got " + in.size());
      }
      Shape shape = Shape.SCALAR;
      for (ShapedArray a : in) {
        if (a.dtype() != DType.UINT32) {
          throw error("arguments must have uint32 type, got " + describe(in));
        }
        if (a.rank() > 0) {
          if (shape.rank() > 0 && !shape.equals(a.shape())) {
            throw error("non-scalar operands must have equal shapes, got " + describe(in));
          }
          shape = a.shape();
        }
      }
      ShapedArray out = new ShapedArray(shape, DType.UINT32, false);
      return List.of(out, out);
    }
  };

  /** {@code random_wrap}: uint32 key data {@code (..., 2)} to keys of shape {@code (...)}. */
  public static final Primitive RANDOM_WRAP = new Primitive("random_wrap") {
    @Override
    public List<ShapedArray> abstractEval(List<ShapedArray> in, Params params) {
      ShapedArray data = in.get(0);
      int rank = data.rank();
      if (data.dtype() != DType.UINT32 || rank < 1 || data.shape().dim(rank - 1) != 2) {
        throw error("expected uint32 key data whose shape ends with (2,), got " + data.str());
      }
      int[] dims = Arrays.copyOf(data.shape().dims(), rank - 1);
      return List.of(new ShapedArray(Shape.of(dims), DType.KEY, false));
    }
  };

  /** {@code random_unwrap}: keys of shape {@code (...)} to their data, shape {@code (..., 2)}. */
  public static final Primitive RANDOM_UNWRAP = new Primitive("random_unwrap") {
    @Override
    public List<ShapedArray> abstractEval(List<ShapedArray> in, Params params) {
      ShapedArray keys = in.get(0);
      if (keys.dtype() != DType.KEY) {
        throw error("expected a key array operand, got " + keys.str());
      }
      int[] dims = Arrays.copyOf(keys.shape().dims(), keys.rank() + 1);
      dims[keys.rank()] = 2;
      return List.of(new ShapedArray(Shape.of(dims), DType.UINT32, false));
    }
  };

  private static String describe(List<ShapedArray> avals) {
    StringBuilder sb = new StringBuilder();
    for (ShapedArray a : avals) {
      sb.append(sb.length() == 0 ? "" : ", ").append(a.str());
    }
    return sb.toString();
  }
}
