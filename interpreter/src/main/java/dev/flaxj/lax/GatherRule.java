package dev.flaxj.lax;

import static dev.flaxj.lax.Dims.tuple;

import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import java.util.List;

/** Abstract evaluation of {@code gather}: XLA's well-formedness checks and output shape. */
final class GatherRule {
  private GatherRule() {}

  static ShapedArray apply(Primitive p, List<ShapedArray> in, Params params) {
    ShapedArray x = in.get(0);
    ShapedArray indices = in.get(1);
    GatherDimensionNumbers dn = (GatherDimensionNumbers) params.get("dimension_numbers");
    int[] sizes = params.getInts("slice_sizes");
    GatherScatterMode mode = (GatherScatterMode) params.get("mode");
    Object fill = params.get("fill_value");
    String ctx = "operand shape " + x.shape() + ", indices shape " + indices.shape() + ", " + dn
        + ", slice_sizes " + tuple(sizes);
    if (mode == null) {
      throw p.error("mode must be given; " + ctx);
    }
    if (fill != null && !(fill instanceof Number)) {
      throw p.error("fill_value must be a number or absent, got " + fill);
    }
    if (!indices.dtype().isInteger()) {
      throw p.error("indices must have an integer dtype, got " + indices.dtype() + "; " + ctx);
    }
    if (indices.rank() < 1) {
      throw p.error("indices must have rank >= 1 (index vectors lie along the last dimension); "
          + ctx);
    }
    int batchRank = indices.rank() - 1;
    int[] offsetDims = dn.offsetDims();
    int[] collapsed = dn.collapsedSliceDims();
    int[] startIndexMap = dn.startIndexMap();
    int[] operandBatching = dn.operandBatchingDims();
    int[] indicesBatching = dn.startIndicesBatchingDims();
    int outRank = offsetDims.length + batchRank;

    Dims.sorted(p, "offset_dims", offsetDims);
    Dims.unique(p, "offset_dims", offsetDims, ctx);
    Dims.inRange(p, "offset_dims", offsetDims, outRank, "an output of rank " + outRank + "; " + ctx);
    if (startIndexMap.length != indices.shape().dim(batchRank)) {
      throw p.error("start_index_map has " + startIndexMap.length
          + " entries but the index vectors (last dimension of indices) have "
          + indices.shape().dim(batchRank) + "; " + ctx);
    }
    Dims.inRange(p, "start_index_map", startIndexMap, x.rank(), ctx);
    Dims.unique(p, "start_index_map", startIndexMap, ctx);
    Dims.sorted(p, "collapsed_slice_dims", collapsed);
    Dims.inRange(p, "collapsed_slice_dims", collapsed, x.rank(), ctx);
    Dims.unique(p, "collapsed_slice_dims", collapsed, ctx);
    Dims.unique(p, "operand_batching_dims", operandBatching, ctx);
    Dims.sorted(p, "operand_batching_dims", operandBatching);
    Dims.inRange(p, "operand_batching_dims", operandBatching, x.rank(), ctx);
    Dims.disjoint(p, "collapsed_slice_dims", collapsed, "operand_batching_dims", operandBatching);
    Dims.disjoint(p, "start_index_map", startIndexMap, "operand_batching_dims", operandBatching);
    Dims.unique(p, "start_indices_batching_dims", indicesBatching, ctx);
    Dims.inRange(p, "start_indices_batching_dims", indicesBatching, batchRank,
        "the batch dimensions of indices; " + ctx);
    checkBatchingShapes(p, x, operandBatching, indices, indicesBatching, ctx);

    if (sizes.length != x.rank()) {
      throw p.error("slice_sizes needs one entry per operand dimension; " + ctx);
    }
    if (sizes.length != offsetDims.length + collapsed.length + operandBatching.length) {
      throw p.error("every operand dimension must be an offset, collapsed or batching dimension; "
          + ctx);
    }
    if (indices.shape().size() != 0) {
      for (int d = 0; d < sizes.length; d++) {
        if (sizes[d] < 0 || sizes[d] > x.shape().dim(d)) {
          throw p.error("slice size " + sizes[d] + " of dimension " + d + " is out of range [0, "
              + x.shape().dim(d) + "]; " + ctx);
        }
      }
    }
    for (int d : collapsed) {
      if (sizes[d] != 1) {
        throw p.error("collapsed dimension " + d + " must have slice size 1, got " + sizes[d]
            + "; " + ctx);
      }
    }
    for (int d : operandBatching) {
      if (sizes[d] > 1) {
        throw p.error("operand batching dimension " + d + " must have slice size 0 or 1, got "
            + sizes[d] + "; " + ctx);
      }
    }

    int[] window = dn.windowOperandDims(x.rank());
    int[] out = new int[outRank];
    for (int i = 0, w = 0, b = 0; i < outRank; i++) {
      out[i] = Dims.contains(offsetDims, i) ? sizes[window[w++]] : indices.shape().dim(b++);
    }
    return x.withShape(Shape.of(out));
  }

  /** Operand batching dimensions and their paired indices dimensions have equal sizes. */
  static void checkBatchingShapes(Primitive p, ShapedArray x, int[] operandBatching,
      ShapedArray indices, int[] indicesBatching, String ctx) {
    if (operandBatching.length != indicesBatching.length) {
      throw p.error("operand and indices need equally many batching dimensions; " + ctx);
    }
    for (int i = 0; i < operandBatching.length; i++) {
      if (x.shape().dim(operandBatching[i]) != indices.shape().dim(indicesBatching[i])) {
        throw p.error("operand batching dimension " + operandBatching[i] + " and indices batching "
            + "dimension " + indicesBatching[i] + " differ in size; " + ctx);
      }
    }
  }
}
