package dev.flaxj.backend.reference;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.backend.Kernel;
import dev.flaxj.lax.GatherDimensionNumbers;
import dev.flaxj.lax.GatherScatterMode;
import dev.flaxj.lax.IndexingPrimitives;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.lax.ScatterDimensionNumbers;
import java.util.List;
import java.util.Map;

/**
 * Reference kernels of the slicing and indexing primitives. Each computes where elements come
 * from or go to and lets {@link ElementCopy} move them, so they work on every dtype, keys
 * included; {@code scatter-add} adds instead of copying.
 */
final class IndexingKernels {
  private IndexingKernels() {}

  static void register(Map<Primitive, Kernel> table) {
    table.put(IndexingPrimitives.SLICE, IndexingKernels::slice);
    table.put(IndexingPrimitives.DYNAMIC_SLICE, IndexingKernels::dynamicSlice);
    table.put(IndexingPrimitives.DYNAMIC_UPDATE_SLICE, IndexingKernels::dynamicUpdateSlice);
    table.put(IndexingPrimitives.GATHER, IndexingKernels::gather);
    table.put(IndexingPrimitives.SCATTER, (in, params, outs) -> scatter(in, params, outs, false));
    table.put(IndexingPrimitives.SCATTER_ADD, (in, params, outs) -> scatter(in, params, outs, true));
  }

  private static List<Array> slice(List<Array> in, Params params, List<ShapedArray> outs) {
    Array x = in.get(0);
    int[] start = params.getInts("start_indices");
    int[] steps = params.get("strides") == null ? null : params.getInts("strides");
    int[] strides = x.shape().strides();
    int base = 0;
    for (int d = 0; d < start.length; d++) {
      base += start[d] * strides[d];
      strides[d] *= steps == null ? 1 : steps[d];
    }
    int[] source = IndexMaps.strided(base, outs.get(0).shape().dims(), strides);
    return List.of(ElementCopy.take(x, source, outs.get(0)));
  }

  private static List<Array> dynamicSlice(List<Array> in, Params params, List<ShapedArray> outs) {
    Array x = in.get(0);
    int[] sizes = params.getInts("slice_sizes");
    int base = clampedOffset(x, in.subList(1, in.size()), sizes);
    int[] source = IndexMaps.strided(base, sizes, x.shape().strides());
    return List.of(ElementCopy.take(x, source, outs.get(0)));
  }

  private static List<Array> dynamicUpdateSlice(List<Array> in, Params params,
      List<ShapedArray> outs) {
    Array x = in.get(0);
    Array update = in.get(1);
    int[] sizes = update.shape().dims();
    int base = clampedOffset(x, in.subList(2, in.size()), sizes);
    Object dst = ElementCopy.copyOf(x);
    ElementCopy.place(dst, update, IndexMaps.strided(base, sizes, x.shape().strides()));
    return List.of(Array.wrap(outs.get(0), dst));
  }

  private static List<Array> gather(List<Array> in, Params params, List<ShapedArray> outs) {
    Array x = in.get(0);
    Array indices = in.get(1);
    ShapedArray out = outs.get(0);
    GatherDimensionNumbers dn = (GatherDimensionNumbers) params.get("dimension_numbers");
    int[] sizes = params.getInts("slice_sizes");
    boolean fill = params.get("mode") == GatherScatterMode.FILL_OR_DROP;
    int[] window = dn.windowOperandDims(x.rank());
    int[] windowShape = IndexMaps.pick(sizes, window);
    int[] outStrides = out.shape().strides();
    int[] starts = Windows.starts(x, indices, dn.startIndexMap(), dn.operandBatchingDims(),
        dn.startIndicesBatchingDims(), sizes, !fill);
    int[] source = Windows.pair(out.shape().size(), starts,
        IndexMaps.strided(0, windowShape, IndexMaps.pick(x.shape().strides(), window)),
        IndexMaps.strided(0, Windows.batchShape(indices),
            IndexMaps.pick(outStrides, dn.outputBatchDims(out.rank()))),
        IndexMaps.strided(0, windowShape, IndexMaps.pick(outStrides, dn.offsetDims())));
    Array fillElement = fill ? fillElement(x.dtype(), (Number) params.get("fill_value")) : null;
    return List.of(ElementCopy.take(x, source, fillElement, out));
  }

  /** Scatter (last write wins) or scatter-add ({@code add}: colliding updates accumulate). */
  private static List<Array> scatter(List<Array> in, Params params, List<ShapedArray> outs,
      boolean add) {
    Array x = in.get(0);
    Array indices = in.get(1);
    Array updates = in.get(2);
    ScatterDimensionNumbers dn = (ScatterDimensionNumbers) params.get("dimension_numbers");
    boolean clip = params.get("mode") == GatherScatterMode.CLIP;
    int[] window = dn.windowOperandDims(x.rank());
    int[] windowDims = dn.updateWindowDims();
    int[] windowShape = IndexMaps.pick(updates.shape().dims(), windowDims);
    int[] windowSizes = new int[x.rank()];
    java.util.Arrays.fill(windowSizes, 1);
    for (int j = 0; j < window.length; j++) {
      windowSizes[window[j]] = windowShape[j];
    }
    int[] updateStrides = updates.shape().strides();
    int[] starts = Windows.starts(x, indices, dn.scatterDimsToOperandDims(),
        dn.operandBatchingDims(), dn.scatterIndicesBatchingDims(), windowSizes, clip);
    int[] target = Windows.pair(updates.size(), starts,
        IndexMaps.strided(0, windowShape, IndexMaps.pick(x.shape().strides(), window)),
        IndexMaps.strided(0, Windows.batchShape(indices),
            IndexMaps.pick(updateStrides, dn.updateScatterDims(updates.rank()))),
        IndexMaps.strided(0, windowShape, IndexMaps.pick(updateStrides, windowDims)));
    Object dst = ElementCopy.copyOf(x);
    if (add) {
      ElementCopy.accumulate(dst, updates, target);
    } else {
      ElementCopy.place(dst, updates, target);
    }
    return List.of(Array.wrap(outs.get(0), dst));
  }

  /** A scalar of {@code dtype} holding {@code value}, or JAX's default fill when it is null. */
  private static Array fillElement(DType dtype, Number value) {
    ShapedArray aval = new ShapedArray(Shape.SCALAR, dtype, false);
    double v = value == null ? IndexingPrimitives.defaultGatherFill(dtype) : value.doubleValue();
    Object data = Array.allocate(aval);
    switch (dtype.storage()) {
      case FLOAT: ((float[]) data)[0] = (float) v; break;
      case DOUBLE: ((double[]) data)[0] = v; break;
      case BOOLEAN: ((boolean[]) data)[0] = v != 0; break;
      default: java.util.Arrays.fill((int[]) data, (int) (long) v); break;
    }
    return Array.wrap(aval, data);
  }

  /**
   * The flat position in {@code x} of a window of {@code sizes} whose start indices are clamped
   * into {@code [0, dim - size]}, as XLA clamps dynamic slices.
   */
  private static int clampedOffset(Array x, List<Array> starts, int[] sizes) {
    int[] strides = x.shape().strides();
    int base = 0;
    for (int d = 0; d < sizes.length; d++) {
      base += IndexMaps.clamp(starts.get(d).getLong(0), x.shape().dim(d) - sizes[d]) * strides[d];
    }
    return base;
  }
}
