package dev.flaxj.transform.batching;

import static dev.flaxj.transform.batching.BatchRules.NOT_MAPPED;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.GatherDimensionNumbers;
import dev.flaxj.lax.GatherScatterMode;
import dev.flaxj.lax.IndexingPrimitives;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.lax.ScatterDimensionNumbers;
import java.util.ArrayList;
import java.util.List;

/**
 * Batching of slicing and indexing, as modern JAX does it. Gather and scatter put the batch of
 * each mapped operand in front: a mapped operand alone gains a full-size window dimension, mapped
 * indices alone gain a batch dimension, and both mapped are paired through
 * {@code operand_batching_dims} / {@code start_indices_batching_dims}. A dynamic slice or update
 * with mapped start indices becomes a gather or scatter in {@code CLIP} mode (which clamps the
 * starts exactly as the dynamic primitives do); with unmapped starts the batch dimension is
 * sliced whole from start 0.
 */
final class IndexingBatching {
  private IndexingBatching() {}

  static void register() {
    BatchRules.register(IndexingPrimitives.SLICE, IndexingBatching::slice);
    BatchRules.register(IndexingPrimitives.DYNAMIC_SLICE, IndexingBatching::dynamicSlice);
    BatchRules.register(IndexingPrimitives.DYNAMIC_UPDATE_SLICE,
        IndexingBatching::dynamicUpdateSlice);
    BatchRules.register(IndexingPrimitives.GATHER, IndexingBatching::gather);
    BatchRules.register(IndexingPrimitives.SCATTER, scatter(IndexingPrimitives.SCATTER));
    BatchRules.register(IndexingPrimitives.SCATTER_ADD, scatter(IndexingPrimitives.SCATTER_ADD));
  }

  private static BatchResult slice(List<Value> args, int[] dims, Params params, AxisData axis) {
    int d = dims[0];
    int[] start = BatchDims.inserted(params.getInts("start_indices"), d, 0);
    int[] limit = BatchDims.inserted(params.getInts("limit_indices"), d, axis.size());
    Value y = params.get("strides") == null ? Lax.slice(args.get(0), start, limit)
        : Lax.slice(args.get(0), start, limit,
            BatchDims.inserted(params.getInts("strides"), d, 1));
    return BatchDims.one(y, d);
  }

  private static BatchResult dynamicSlice(List<Value> args, int[] dims, Params params,
      AxisData axis) {
    int[] sizes = params.getInts("slice_sizes");
    List<Value> starts = args.subList(1, args.size());
    int[] startDims = java.util.Arrays.copyOfRange(dims, 1, dims.length);
    if (BatchDims.firstMapped(startDims) < 0) {
      int d = dims[0];
      Value[] operands = withStarts(List.of(args.get(0)), starts, d);
      Params p = params.with("slice_sizes", BatchDims.inserted(sizes, d, axis.size()));
      return BatchDims.one(Bind.bind1(IndexingPrimitives.DYNAMIC_SLICE, p, operands), d);
    }
    int rank = sizes.length;
    Params gatherParams = Params.of(
        "dimension_numbers", new GatherDimensionNumbers(BatchDims.identity(rank), new int[0],
            BatchDims.identity(rank)),
        "slice_sizes", sizes, "indices_are_sorted", true, "unique_indices", true,
        "mode", GatherScatterMode.CLIP, "fill_value", null);
    return gather(List.of(args.get(0), startIndex(starts, startDims, axis.size())),
        new int[] {dims[0], 0}, gatherParams, axis);
  }

  private static BatchResult dynamicUpdateSlice(List<Value> args, int[] dims, Params params,
      AxisData axis) {
    List<Value> starts = args.subList(2, args.size());
    int[] startDims = java.util.Arrays.copyOfRange(dims, 2, dims.length);
    if (BatchDims.firstMapped(startDims) < 0) {
      BatchDims.Aligned a = BatchDims.alignAll(args.subList(0, 2),
          new int[] {dims[0], dims[1]}, axis.size());
      Value[] operands = withStarts(a.values(), starts, a.dim());
      return BatchDims.one(
          Bind.bind1(IndexingPrimitives.DYNAMIC_UPDATE_SLICE, params, operands), a.dim());
    }
    int rank = starts.size();
    Params scatterParams = Params.of(
        "dimension_numbers", new ScatterDimensionNumbers(BatchDims.identity(rank), new int[0],
            BatchDims.identity(rank)),
        "indices_are_sorted", true, "unique_indices", true, "mode", GatherScatterMode.CLIP);
    return scatter(IndexingPrimitives.SCATTER).apply(
        List.of(args.get(0), startIndex(starts, startDims, axis.size()), args.get(1)),
        new int[] {dims[0], 0, dims[1]}, scatterParams, axis);
  }

  /** {@code leading}, then the start indices with a start of 0 for the batch at {@code bdim}. */
  private static Value[] withStarts(List<Value> leading, List<Value> starts, int bdim) {
    DType dtype = starts.isEmpty() ? DType.INT32 : starts.get(0).dtype();
    List<Value> out = new ArrayList<>(leading);
    List<Value> newStarts = new ArrayList<>(starts);
    newStarts.add(bdim, BatchDims.scalar(0, dtype, false));
    out.addAll(newStarts);
    return out.toArray(new Value[0]);
  }

  /** The scalar start indices as one batch of index vectors, shape {@code (size, rank)}. */
  private static Value startIndex(List<Value> starts, int[] dims, int size) {
    List<Value> columns = new ArrayList<>(starts.size());
    for (int i = 0; i < starts.size(); i++) {
      columns.add(Lax.broadcastInDim(starts.get(i), new int[] {size, 1},
          dims[i] == NOT_MAPPED ? new int[0] : new int[] {0}));
    }
    return Lax.concatenate(columns, 1);
  }

  static BatchResult gather(List<Value> args, int[] dims, Params params, AxisData axis) {
    Value x = args.get(0);
    Value indices = args.get(1);
    GatherDimensionNumbers dn = (GatherDimensionNumbers) params.get("dimension_numbers");
    int[] sizes = params.getInts("slice_sizes");
    GatherDimensionNumbers batched;
    Params p = params;
    if (dims[1] == NOT_MAPPED) {
      x = BatchDims.moveaxis(x, dims[0], 0);
      sizes = BatchDims.inserted(sizes, 0, axis.size());
      batched = new GatherDimensionNumbers(
          BatchDims.inserted(plus1(dn.offsetDims()), 0, 0), plus1(dn.collapsedSliceDims()),
          plus1(dn.startIndexMap()), plus1(dn.operandBatchingDims()),
          dn.startIndicesBatchingDims());
    } else if (dims[0] == NOT_MAPPED) {
      indices = BatchDims.moveaxis(indices, dims[1], 0);
      batched = new GatherDimensionNumbers(plus1(dn.offsetDims()), dn.collapsedSliceDims(),
          dn.startIndexMap(), dn.operandBatchingDims(), plus1(dn.startIndicesBatchingDims()));
      // Indices of different examples may repeat or interleave.
      p = p.with("indices_are_sorted", false).with("unique_indices", false);
    } else {
      x = BatchDims.moveaxis(x, dims[0], 0);
      indices = BatchDims.moveaxis(indices, dims[1], 0);
      sizes = BatchDims.inserted(sizes, 0, 1);
      batched = new GatherDimensionNumbers(plus1(dn.offsetDims()),
          plus1(dn.collapsedSliceDims()), plus1(dn.startIndexMap()),
          BatchDims.inserted(plus1(dn.operandBatchingDims()), 0, 0),
          BatchDims.inserted(plus1(dn.startIndicesBatchingDims()), 0, 0));
    }
    p = p.with("dimension_numbers", batched).with("slice_sizes", sizes);
    return BatchDims.one(Bind.bind1(IndexingPrimitives.GATHER, p, x, indices), 0);
  }

  /** The rule of scatter or scatter-add: the operand and updates always get a batch in front. */
  static BatchRule scatter(Primitive scatter) {
    return (args, dims, params, axis) -> {
      Value x = BatchDims.atFront(args.get(0), dims[0], axis.size());
      Value indices = args.get(1);
      Value updates = BatchDims.atFront(args.get(2), dims[2], axis.size());
      ScatterDimensionNumbers dn = (ScatterDimensionNumbers) params.get("dimension_numbers");
      ScatterDimensionNumbers batched;
      if (dims[1] == NOT_MAPPED) {
        batched = new ScatterDimensionNumbers(
            BatchDims.inserted(plus1(dn.updateWindowDims()), 0, 0),
            plus1(dn.insertedWindowDims()), plus1(dn.scatterDimsToOperandDims()),
            plus1(dn.operandBatchingDims()), dn.scatterIndicesBatchingDims());
      } else {
        indices = BatchDims.moveaxis(indices, dims[1], 0);
        batched = new ScatterDimensionNumbers(plus1(dn.updateWindowDims()),
            plus1(dn.insertedWindowDims()), plus1(dn.scatterDimsToOperandDims()),
            BatchDims.inserted(plus1(dn.operandBatchingDims()), 0, 0),
            BatchDims.inserted(plus1(dn.scatterIndicesBatchingDims()), 0, 0));
      }
      Value y = Bind.bind1(scatter, params.with("dimension_numbers", batched), x, indices,
          updates);
      return BatchDims.one(y, 0);
    };
  }

  private static int[] plus1(int[] dims) {
    return BatchDims.shift(dims, 0);
  }
}
