package dev.flaxj.accelerator.nd4j;

import static dev.flaxj.lax.IndexingPrimitives.DYNAMIC_SLICE;
import static dev.flaxj.lax.IndexingPrimitives.DYNAMIC_UPDATE_SLICE;
import static dev.flaxj.lax.IndexingPrimitives.SLICE;
import static dev.flaxj.lax.ShapePrimitives.BROADCAST_IN_DIM;
import static dev.flaxj.lax.ShapePrimitives.CONCATENATE;
import static dev.flaxj.lax.ShapePrimitives.RESHAPE;
import static dev.flaxj.lax.ShapePrimitives.SQUEEZE;
import static dev.flaxj.lax.ShapePrimitives.TRANSPOSE;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * ND4J kernels of the shape and slicing primitives: pure data movement, exact for every dtype
 * ND4J stores (float32, float64, int32, bool). Delegated to the reference: {@code rev}, {@code pad}
 * (negative and interior padding), {@code iota}, {@code gather}, {@code scatter}, and anything on
 * uint32 or keys.
 */
final class ShapeNd4j {
  private ShapeNd4j() {}

  static void register(Map<Primitive, Nd4jKernel> t) {
    put(t, RESHAPE, (in, p, out) -> List.of(reshape(in.get(0), out.get(0))));
    put(t, SQUEEZE, (in, p, out) -> List.of(reshape(in.get(0), out.get(0))));
    put(t, TRANSPOSE, (in, p, out) -> List.of(in.get(0).permute(p.getInts("permutation"))));
    put(t, BROADCAST_IN_DIM, ShapeNd4j::broadcastInDim);
    t.put(CONCATENATE, new Nd4jKernel(ShapeNd4j::concatenable, false,
        (in, p, out) -> List.of(Nd4j.concat(p.getInt("dimension"), in.toArray(new INDArray[0])))));
    put(t, SLICE, ShapeNd4j::slice);
    t.put(DYNAMIC_SLICE, new Nd4jKernel(ShapeNd4j::int32Starts, false, ShapeNd4j::dynamicSlice));
    t.put(DYNAMIC_UPDATE_SLICE,
        new Nd4jKernel(ShapeNd4j::int32Starts, false, ShapeNd4j::dynamicUpdateSlice));
  }

  private static void put(Map<Primitive, Nd4jKernel> t, Primitive p, Nd4jKernel.Body body) {
    t.put(p, new Nd4jKernel(Nd4jKernel.STORED, false, body));
  }

  private static INDArray reshape(INDArray x, ShapedArray out) {
    return x.reshape('c', NdArrays.longs(out.shape().dims()));
  }

  /**
   * Operand dimension {@code i} goes to output dimension {@code broadcast_dimensions[i]}: the
   * operand's dimensions are put in that order, size-1 dimensions inserted for the others, and
   * the result tiled to the output shape.
   */
  private static List<INDArray> broadcastInDim(List<INDArray> in, Params p, List<ShapedArray> out) {
    INDArray x = in.get(0);
    int[] dims = p.getInts("broadcast_dimensions");
    int[] target = out.get(0).shape().dims();
    Integer[] order = new Integer[dims.length];
    for (int i = 0; i < dims.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(dims[a], dims[b]));
    int[] perm = new int[dims.length];
    boolean sorted = true;
    for (int i = 0; i < dims.length; i++) {
      perm[i] = order[i];
      sorted &= perm[i] == i;
    }
    if (!sorted) {
      x = x.permute(perm);
    }
    long[] expanded = new long[target.length];
    Arrays.fill(expanded, 1);
    long[] xShape = x.shape();
    for (int i = 0; i < dims.length; i++) {
      expanded[dims[perm[i]]] = xShape[i];
    }
    x = x.reshape('c', expanded);
    return List.of(Arrays.equals(expanded, NdArrays.longs(target)) ? x
        : x.broadcast(NdArrays.longs(target)));
  }

  private static List<INDArray> slice(List<INDArray> in, Params p, List<ShapedArray> out) {
    int[] start = p.getInts("start_indices");
    int[] limit = p.getInts("limit_indices");
    int[] strides = p.has("strides") && p.get("strides") != null ? p.getInts("strides") : null;
    INDArrayIndex[] index = new INDArrayIndex[start.length];
    for (int i = 0; i < start.length; i++) {
      index[i] = NDArrayIndex.interval(start[i], strides == null ? 1 : strides[i], limit[i]);
    }
    return List.of(get(in.get(0), index, out.get(0)));
  }

  /** The clamped start indices of dynamic_slice/dynamic_update_slice, read from {@code in[first:]}. */
  private static long[] starts(List<INDArray> in, int first, long[] operand, int[] sizes) {
    long[] s = new long[operand.length];
    for (int i = 0; i < s.length; i++) {
      long v = in.get(first + i).getInt(0);
      s[i] = Math.max(0, Math.min(v, operand[i] - sizes[i]));
    }
    return s;
  }

  private static INDArrayIndex[] window(long[] start, int[] sizes) {
    INDArrayIndex[] index = new INDArrayIndex[start.length];
    for (int i = 0; i < start.length; i++) {
      index[i] = NDArrayIndex.interval(start[i], start[i] + sizes[i]);
    }
    return index;
  }

  private static List<INDArray> dynamicSlice(List<INDArray> in, Params p, List<ShapedArray> out) {
    INDArray x = in.get(0);
    int[] sizes = p.getInts("slice_sizes");
    return List.of(get(x, window(starts(in, 1, x.shape(), sizes), sizes), out.get(0)));
  }

  private static List<INDArray> dynamicUpdateSlice(List<INDArray> in, Params p,
      List<ShapedArray> out) {
    INDArray x = in.get(0);
    INDArray update = in.get(1);
    int[] sizes = Arrays.stream(update.shape()).mapToInt(d -> (int) d).toArray();
    if (x.rank() == 0) {
      return List.of(update);
    }
    x.get(window(starts(in, 2, x.shape(), sizes), sizes)).assign(update);
    return List.of(x);
  }

  /** {@code x.get(index)} with ND4J's index results brought back to the exact output shape. */
  private static INDArray get(INDArray x, INDArrayIndex[] index, ShapedArray out) {
    if (x.rank() == 0) {
      return x;
    }
    return x.get(index).dup('c').reshape('c', NdArrays.longs(out.shape().dims()));
  }

  private static boolean concatenable(List<Array> in, Params p, List<ShapedArray> out) {
    return Nd4jKernel.STORED.test(in, p, out) && in.get(0).rank() > 0;
  }

  private static boolean int32Starts(List<Array> in, Params p, List<ShapedArray> out) {
    if (!Nd4jKernel.STORED.test(in, p, out)) {
      return false;
    }
    int first = in.size() - in.get(0).rank();
    for (int i = first; i < in.size(); i++) {
      if (in.get(i).dtype() != DType.INT32) {
        return false;
      }
    }
    return true;
  }
}
