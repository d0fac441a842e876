package dev.flaxj.lax;

import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import java.util.List;

/**
 * Abstract evaluation of {@code scatter} and {@code scatter-add}: XLA's well-formedness checks;
 * the output has the operand's type.
 */
final class ScatterRule {
  private ScatterRule() {}

  /** The rule for {@code scatter-add}: numeric dtypes only. */
  static ShapedArray add(Primitive p, List<ShapedArray> in, Params params) {
    DType dtype = in.get(0).dtype();
    if (!dtype.isInteger() && !dtype.isFloating()) {
      throw p.error("cannot add elements of dtype " + dtype + " (integer or floating only)");
    }
    return apply(p, in, params);
  }

  /** The rule for {@code scatter}: any dtype. */
  static ShapedArray apply(Primitive p, List<ShapedArray> in, Params params) {
    ShapedArray x = in.get(0);
    ShapedArray indices = in.get(1);
    ShapedArray updates = in.get(2);
    ScatterDimensionNumbers dn = (ScatterDimensionNumbers) params.get("dimension_numbers");
    if (params.get("mode") == null) {
      throw p.error("mode must be given");
    }
    String ctx = "operand shape " + x.shape() + ", indices shape " + indices.shape()
        + ", updates shape " + updates.shape() + ", " + dn;
    if (!indices.dtype().isInteger()) {
      throw p.error("indices must have an integer dtype, got " + indices.dtype() + "; " + ctx);
    }
    if (updates.dtype() != x.dtype()) {
      throw p.error("operand and updates must have the same dtype, got " + x.dtype() + " and "
          + updates.dtype() + "; " + ctx);
    }
    if (indices.rank() < 1) {
      throw p.error("indices must have rank >= 1 (index vectors lie along the last dimension); "
          + ctx);
    }
    int batchRank = indices.rank() - 1;
    int[] windowDims = dn.updateWindowDims();
    int[] inserted = dn.insertedWindowDims();
    int[] toOperand = dn.scatterDimsToOperandDims();
    int[] operandBatching = dn.operandBatchingDims();
    int[] indicesBatching = dn.scatterIndicesBatchingDims();
    if (updates.rank() != batchRank + windowDims.length) {
      throw p.error("updates must have rank " + (batchRank + windowDims.length)
          + " (batch dimensions of indices plus update_window_dims); " + ctx);
    }
    Dims.sorted(p, "update_window_dims", windowDims);
    Dims.unique(p, "update_window_dims", windowDims, ctx);
    Dims.inRange(p, "update_window_dims", windowDims, updates.rank(), ctx);
    Dims.sorted(p, "inserted_window_dims", inserted);
    Dims.unique(p, "inserted_window_dims", inserted, ctx);
    Dims.inRange(p, "inserted_window_dims", inserted, x.rank(), ctx);
    Dims.sorted(p, "operand_batching_dims", operandBatching);
    Dims.unique(p, "operand_batching_dims", operandBatching, ctx);
    Dims.inRange(p, "operand_batching_dims", operandBatching, x.rank(), ctx);
    Dims.disjoint(p, "inserted_window_dims", inserted, "operand_batching_dims", operandBatching);
    Dims.disjoint(p, "scatter_dims_to_operand_dims", toOperand, "operand_batching_dims",
        operandBatching);
    Dims.unique(p, "scatter_indices_batching_dims", indicesBatching, ctx);
    Dims.inRange(p, "scatter_indices_batching_dims", indicesBatching, batchRank,
        "the batch dimensions of indices; " + ctx);
    GatherRule.checkBatchingShapes(p, x, operandBatching, indices, indicesBatching, ctx);
    if (windowDims.length + inserted.length + operandBatching.length != x.rank()) {
      throw p.error("every operand dimension must be a window, inserted or batching dimension; "
          + ctx);
    }
    if (toOperand.length != indices.shape().dim(batchRank)) {
      throw p.error("scatter_dims_to_operand_dims has " + toOperand.length
          + " entries but the index vectors (last dimension of indices) have "
          + indices.shape().dim(batchRank) + "; " + ctx);
    }
    Dims.inRange(p, "scatter_dims_to_operand_dims", toOperand, x.rank(), ctx);
    Dims.unique(p, "scatter_dims_to_operand_dims", toOperand, ctx);
    int[] window = dn.windowOperandDims(x.rank());
    for (int j = 0; j < windowDims.length; j++) {
      int u = updates.shape().dim(windowDims[j]);
      if (u > x.shape().dim(window[j])) {
        throw p.error("updates window dimension " + windowDims[j] + " of size " + u
            + " exceeds operand dimension " + window[j] + " of size " + x.shape().dim(window[j])
            + "; " + ctx);
      }
    }
    int[] scatterDims = dn.updateScatterDims(updates.rank());
    for (int i = 0; i < scatterDims.length; i++) {
      if (updates.shape().dim(scatterDims[i]) != indices.shape().dim(i)) {
        throw p.error("updates scatter dimension " + scatterDims[i] + " has size "
            + updates.shape().dim(scatterDims[i]) + " but indices dimension " + i + " has size "
            + indices.shape().dim(i) + "; " + ctx);
      }
    }
    return x;
  }
}
