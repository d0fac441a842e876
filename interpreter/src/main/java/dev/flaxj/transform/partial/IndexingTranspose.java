package dev.flaxj.transform.partial;

import static dev.flaxj.transform.partial.LinearArgs.isLinear;
import static dev.flaxj.transform.partial.LinearArgs.known;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.GatherDimensionNumbers;
import dev.flaxj.lax.GatherScatterMode;
import dev.flaxj.lax.IndexingPrimitives;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.lax.ScatterDimensionNumbers;
import java.util.Arrays;
import java.util.List;

/**
 * Transposes of the indexing primitives: {@code slice} pads with zeros, {@code dynamic_slice}
 * writes into zeros, {@code dynamic_update_slice} splits its cotangent between the operand (with
 * the window zeroed) and the update (the window), {@code gather} scatter-adds into zeros and
 * {@code scatter-add} / {@code scatter} gather their updates' cotangents back. Start indices
 * and scatter/gather indices are always known.
 */
final class IndexingTranspose {
  private IndexingTranspose() {}

  static void register() {
    TransposeRules.register(IndexingPrimitives.SLICE, IndexingTranspose::slice);
    TransposeRules.register(IndexingPrimitives.DYNAMIC_SLICE, IndexingTranspose::dynamicSlice);
    TransposeRules.register(IndexingPrimitives.DYNAMIC_UPDATE_SLICE,
        IndexingTranspose::dynamicUpdateSlice);
    TransposeRules.register(IndexingPrimitives.GATHER, IndexingTranspose::gather);
    TransposeRules.register(IndexingPrimitives.SCATTER_ADD, IndexingTranspose::scatterAdd);
    TransposeRules.register(IndexingPrimitives.SCATTER, IndexingTranspose::scatter);
  }

  /** Zeros around the slice and, for strides above 1, between its elements. */
  private static List<Value> slice(List<Value> cts, List<Object> args, Params params) {
    Value ct = cts.get(0);
    ShapedArray operand = LinearArgs.aval(args.get(0));
    int[] start = params.getInts("start_indices");
    int[] strides = params.get("strides") == null ? null : params.getInts("strides");
    int[][] config = new int[start.length][];
    for (int d = 0; d < start.length; d++) {
      int stride = strides == null ? 1 : strides[d];
      int n = ct.shape().dim(d);
      int end = start[d] + (n == 0 ? 0 : 1 + (n - 1) * stride);
      config[d] = new int[] {start[d], operand.shape().dim(d) - end, stride - 1};
    }
    return LinearArgs.list(Lax.pad(ct, LinearArgs.zero(ct.dtype()), config));
  }

  private static List<Value> dynamicSlice(List<Value> cts, List<Object> args, Params params) {
    Value[] out = LinearArgs.none(args.size());
    Value[] operands = withStarts(IndexingPrimitives.DYNAMIC_SLICE, args, 1,
        LinearArgs.zeros(LinearArgs.aval(args.get(0))), cts.get(0));
    out[0] = Bind.bind1(IndexingPrimitives.DYNAMIC_UPDATE_SLICE, Params.EMPTY, operands);
    return LinearArgs.list(out);
  }

  private static List<Value> dynamicUpdateSlice(List<Value> cts, List<Object> args,
      Params params) {
    Value ct = cts.get(0);
    ShapedArray update = LinearArgs.aval(args.get(1));
    Value[] out = LinearArgs.none(args.size());
    Primitive p = IndexingPrimitives.DYNAMIC_UPDATE_SLICE;
    if (isLinear(args.get(0))) {
      out[0] = Bind.bind1(p, Params.EMPTY, withStarts(p, args, 2, ct, LinearArgs.zeros(update)));
    }
    if (isLinear(args.get(1))) {
      out[1] = Bind.bind1(IndexingPrimitives.DYNAMIC_SLICE,
          Params.of("slice_sizes", update.shape().dims()), withStarts(p, args, 2, ct));
    }
    return LinearArgs.list(out);
  }

  /** {@code leading} followed by the known start indices {@code args[from:]}. */
  private static Value[] withStarts(Primitive p, List<Object> args, int from, Value... leading) {
    Value[] operands = new Value[leading.length + args.size() - from];
    System.arraycopy(leading, 0, operands, 0, leading.length);
    for (int i = from; i < args.size(); i++) {
      operands[leading.length + i - from] = known(p, args.get(i), "start index");
    }
    return operands;
  }

  private static List<Value> gather(List<Value> cts, List<Object> args, Params params) {
    Value indices = known(IndexingPrimitives.GATHER, args.get(1), "indices");
    GatherDimensionNumbers g = (GatherDimensionNumbers) params.get("dimension_numbers");
    ScatterDimensionNumbers s = new ScatterDimensionNumbers(g.offsetDims(),
        g.collapsedSliceDims(), g.startIndexMap(), g.operandBatchingDims(),
        g.startIndicesBatchingDims());
    Value out = Lax.scatterAdd(LinearArgs.zeros(LinearArgs.aval(args.get(0))), indices,
        cts.get(0), s, (GatherScatterMode) params.get("mode"),
        params.getBoolean("indices_are_sorted"), params.getBoolean("unique_indices"));
    return LinearArgs.list(out, null);
  }

  private static List<Value> scatterAdd(List<Value> cts, List<Object> args, Params params) {
    Value ct = cts.get(0);
    return LinearArgs.list(isLinear(args.get(0)) ? ct : null, null,
        isLinear(args.get(2)) ? gatherUpdates(IndexingPrimitives.SCATTER_ADD, ct, args, params)
            : null);
  }

  /**
   * With unique indices (as JAX requires): the operand's cotangent is zero where updates were
   * written, the updates' cotangent is gathered from there.
   */
  private static List<Value> scatter(List<Value> cts, List<Object> args, Params params) {
    Primitive p = IndexingPrimitives.SCATTER;
    if (!params.getBoolean("unique_indices")) {
      throw new UnsupportedOperationException(
          "scatter transpose is only implemented where unique_indices=True");
    }
    Value ct = cts.get(0);
    Value operandCt = null;
    if (isLinear(args.get(0))) {
      operandCt = Bind.bind1(p, params, ct, known(p, args.get(1), "indices"),
          LinearArgs.zeros(LinearArgs.aval(args.get(2))));
    }
    return LinearArgs.list(operandCt, null,
        isLinear(args.get(2)) ? gatherUpdates(p, ct, args, params) : null);
  }

  /** The cotangent of scattered updates: the windows they were written to, 0 where dropped. */
  private static Value gatherUpdates(Primitive p, Value ct, List<Object> args, Params params) {
    Value indices = known(p, args.get(1), "indices");
    ShapedArray updates = LinearArgs.aval(args.get(2));
    ScatterDimensionNumbers s = (ScatterDimensionNumbers) params.get("dimension_numbers");
    GatherDimensionNumbers g = new GatherDimensionNumbers(s.updateWindowDims(),
        s.insertedWindowDims(), s.scatterDimsToOperandDims(), s.operandBatchingDims(),
        s.scatterIndicesBatchingDims());
    int[] window = s.windowOperandDims(ct.rank());
    int[] windowDims = s.updateWindowDims();
    int[] sizes = new int[ct.rank()];
    Arrays.fill(sizes, 1);
    for (int j = 0; j < window.length; j++) {
      sizes[window[j]] = updates.shape().dim(windowDims[j]);
    }
    return Lax.gather(ct, indices, g, sizes, (GatherScatterMode) params.get("mode"), 0,
        params.getBoolean("indices_are_sorted"), params.getBoolean("unique_indices"));
  }
}
