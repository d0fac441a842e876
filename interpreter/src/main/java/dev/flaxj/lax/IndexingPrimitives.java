package dev.flaxj.lax;

import static dev.flaxj.lax.Dims.tuple;

import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import java.util.List;

/**
 * The slicing and indexing primitives of {@code jax.lax}, with their abstract-evaluation rules.
 * Dynamic start indices are clamped so that the slice lies inside the operand, as XLA does.
 */
public final class IndexingPrimitives {
  private IndexingPrimitives() {}

  /**
   * {@code slice[start_indices, limit_indices, strides]}: elements {@code start, start + stride,
   * ...} below {@code limit} in each dimension; {@code strides} may be absent (all 1).
   */
  public static final Primitive SLICE = new StructuralPrimitive("slice", 1, 1,
      IndexingPrimitives::slice);

  /**
   * {@code dynamic_slice[slice_sizes]} on {@code (operand, *start_indices)}: one integer scalar
   * start per dimension, clamped to {@code [0, dim - size]}.
   */
  public static final Primitive DYNAMIC_SLICE = new StructuralPrimitive("dynamic_slice", 1,
      StructuralPrimitive.VARIADIC, IndexingPrimitives::dynamicSlice);

  /**
   * {@code dynamic_update_slice} on {@code (operand, update, *start_indices)}: the operand with
   * {@code update} written at the clamped start indices.
   */
  public static final Primitive DYNAMIC_UPDATE_SLICE = new StructuralPrimitive(
      "dynamic_update_slice", 2, StructuralPrimitive.VARIADIC,
      IndexingPrimitives::dynamicUpdateSlice);

  /**
   * {@code gather[dimension_numbers, slice_sizes, indices_are_sorted, unique_indices, mode,
   * fill_value]} on {@code (operand, indices)}: XLA's gather with the index vector in the last
   * dimension of {@code indices}. {@code fill_value} (a number, or absent for JAX's default) is
   * used in mode {@link GatherScatterMode#FILL_OR_DROP} only.
   */
  public static final Primitive GATHER = new StructuralPrimitive("gather", 2, 2, GatherRule::apply);

  /**
   * {@code scatter[dimension_numbers, indices_are_sorted, unique_indices, mode]} on
   * {@code (operand, indices, updates)}: the operand with the update windows written over it;
   * where windows overlap the later one (in the order of the indices) wins.
   */
  public static final Primitive SCATTER = new StructuralPrimitive("scatter", 3, 3,
      ScatterRule::apply);

  /** {@code scatter-add}: as {@link #SCATTER}, but updates are added; colliding updates accumulate. */
  public static final Primitive SCATTER_ADD = new StructuralPrimitive("scatter-add", 3, 3,
      ScatterRule::add);

  /**
   * The fill value JAX's {@code lax.gather} uses in {@link GatherScatterMode#FILL_OR_DROP} mode
   * when none is given: NaN for floats, the least int32, the largest uint32 (also for both words
   * of a key), 1 ({@code True}) for bool.
   */
  public static double defaultGatherFill(DType dtype) {
    switch (dtype) {
      case FLOAT32: case FLOAT64: return Double.NaN;
      case INT32: return Integer.MIN_VALUE;
      case BOOL: return 1;
      default: return 0xFFFFFFFFL;
    }
  }

  private static ShapedArray slice(Primitive p, List<ShapedArray> in, Params params) {
    ShapedArray x = in.get(0);
    int[] start = params.getInts("start_indices");
    int[] limit = params.getInts("limit_indices");
    int[] strides = params.get("strides") == null ? null : params.getInts("strides");
    String ctx = "start_indices " + tuple(start) + ", limit_indices " + tuple(limit)
        + (strides == null ? "" : ", strides " + tuple(strides)) + " for operand shape " + x.shape();
    if (start.length != x.rank() || limit.length != x.rank()
        || (strides != null && strides.length != x.rank())) {
      throw p.error("indices and strides need one entry per operand dimension; got " + ctx);
    }
    int[] out = new int[x.rank()];
    for (int d = 0; d < out.length; d++) {
      int stride = strides == null ? 1 : strides[d];
      if (start[d] < 0 || start[d] > limit[d] || limit[d] > x.shape().dim(d)) {
        throw p.error("need 0 <= start <= limit <= size in every dimension; got " + ctx);
      }
      if (stride < 1) {
        throw p.error("strides must be positive; got " + ctx);
      }
      out[d] = (int) (((long) limit[d] - start[d] + stride - 1) / stride);
    }
    return x.withShape(Shape.of(out));
  }

  private static ShapedArray dynamicSlice(Primitive p, List<ShapedArray> in, Params params) {
    ShapedArray x = in.get(0);
    int[] sizes = params.getInts("slice_sizes");
    String ctx = "operand shape " + x.shape() + ", slice_sizes " + tuple(sizes);
    checkStartIndices(p, in.subList(1, in.size()), x, ctx);
    if (sizes.length != x.rank()) {
      throw p.error("slice_sizes needs one entry per operand dimension; got " + ctx);
    }
    for (int d = 0; d < sizes.length; d++) {
      if (sizes[d] < 0 || sizes[d] > x.shape().dim(d)) {
        throw p.error("slice sizes must lie in [0, size] of each operand dimension; got " + ctx);
      }
    }
    return x.withShape(Shape.of(sizes));
  }

  private static ShapedArray dynamicUpdateSlice(Primitive p, List<ShapedArray> in, Params params) {
    ShapedArray x = in.get(0);
    ShapedArray update = in.get(1);
    String ctx = "update shape " + update.shape() + ", operand shape " + x.shape();
    if (update.dtype() != x.dtype()) {
      throw p.error("operand and update must have the same dtype, got " + x.dtype() + " and "
          + update.dtype());
    }
    if (update.rank() != x.rank()) {
      throw p.error("update must have the operand's rank; got " + ctx);
    }
    for (int d = 0; d < x.rank(); d++) {
      if (update.shape().dim(d) > x.shape().dim(d)) {
        throw p.error("update must not be larger than the operand in any dimension; got " + ctx);
      }
    }
    List<ShapedArray> starts = in.subList(2, in.size());
    checkStartIndices(p, starts, x, ctx);
    boolean weak = true;
    for (ShapedArray a : in) {
      weak &= a.weakType();
    }
    return new ShapedArray(x.shape(), x.dtype(), weak);
  }

  /** One integer scalar per operand dimension, all of one dtype. */
  private static void checkStartIndices(Primitive p, List<ShapedArray> starts, ShapedArray x,
      String ctx) {
    if (starts.size() != x.rank()) {
      throw p.error("needs one start index per operand dimension, got " + starts.size() + "; "
          + ctx);
    }
    for (ShapedArray s : starts) {
      if (s.rank() != 0) {
        throw p.error("start indices must be scalars, got shape " + s.shape() + "; " + ctx);
      }
      if (!s.dtype().isInteger() || s.dtype() != starts.get(0).dtype()) {
        throw p.error("start indices must be integers of one dtype, got " + Dims.dtypes(starts)
            + "; " + ctx);
      }
    }
  }
}
