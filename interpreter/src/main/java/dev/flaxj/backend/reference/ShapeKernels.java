package dev.flaxj.backend.reference;

import dev.flaxj.array.Array;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.backend.Kernel;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.lax.ShapePrimitives;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reference kernels of the shape primitives. Except {@code iota}, each computes where every
 * output element comes from and lets {@link ElementCopy} move the elements, so they work on
 * every dtype, keys included.
 */
final class ShapeKernels {
  private ShapeKernels() {}

  static void register(Map<Primitive, Kernel> table) {
    table.put(ShapePrimitives.BROADCAST_IN_DIM, ShapeKernels::broadcastInDim);
    table.put(ShapePrimitives.RESHAPE, ShapeKernels::sameElements);
    table.put(ShapePrimitives.SQUEEZE, ShapeKernels::sameElements);
    table.put(ShapePrimitives.TRANSPOSE, ShapeKernels::transpose);
    table.put(ShapePrimitives.REV, ShapeKernels::rev);
    table.put(ShapePrimitives.CONCATENATE, ShapeKernels::concatenate);
    table.put(ShapePrimitives.PAD, ShapeKernels::pad);
    table.put(ShapePrimitives.IOTA, ShapeKernels::iota);
  }

  private static List<Array> broadcastInDim(List<Array> in, Params params, List<ShapedArray> outs) {
    Array x = in.get(0);
    int[] dims = params.getInts("broadcast_dimensions");
    int[] xStrides = x.shape().strides();
    int[] strides = new int[outs.get(0).rank()];
    for (int i = 0; i < dims.length; i++) {
      strides[dims[i]] = x.shape().dim(i) == 1 ? 0 : xStrides[i];
    }
    if (x.size() == 1 && x.dtype().wordsPerElement() == 1) {
      return List.of(Array.wrap(outs.get(0), filled(x.rawStorage(), outs.get(0))));
    }
    return List.of(ElementCopy.strided(x, strides, outs.get(0)));
  }

  /** Storage of type {@code out} with the one element of {@code element} everywhere. */
  private static Object filled(Object element, ShapedArray out) {
    Object dst = Array.allocate(out);
    if (dst instanceof float[] f) {
      Arrays.fill(f, ((float[]) element)[0]);
    } else if (dst instanceof int[] i) {
      Arrays.fill(i, ((int[]) element)[0]);
    } else if (dst instanceof double[] d) {
      Arrays.fill(d, ((double[]) element)[0]);
    } else {
      Arrays.fill((boolean[]) dst, ((boolean[]) element)[0]);
    }
    return dst;
  }

  /**
   * Reshape and squeeze: the same elements in the same order, so the result shares the operand's
   * storage (arrays are immutable).
   */
  private static List<Array> sameElements(List<Array> in, Params params, List<ShapedArray> outs) {
    return List.of(Array.wrap(outs.get(0), in.get(0).rawStorage()));
  }

  private static List<Array> transpose(List<Array> in, Params params, List<ShapedArray> outs) {
    Array x = in.get(0);
    int[] permutation = params.getInts("permutation");
    if (ShapePrimitives.isIdentityPermutation(permutation) && x.aval().equals(outs.get(0))) {
      return List.of(x); // arrays are immutable: the operand is the result
    }
    int[] strides = IndexMaps.pick(x.shape().strides(), permutation);
    return List.of(ElementCopy.strided(x, strides, outs.get(0)));
  }

  private static List<Array> rev(List<Array> in, Params params, List<ShapedArray> outs) {
    Array x = in.get(0);
    int[] shape = x.shape().dims();
    int[][] tables = IndexMaps.stridedTables(shape, x.shape().strides());
    for (int d : params.getInts("dimensions")) {
      int[] t = tables[d];
      for (int i = 0, j = t.length - 1; i < j; i++, j--) {
        int tmp = t[i];
        t[i] = t[j];
        t[j] = tmp;
      }
    }
    return List.of(ElementCopy.take(x, IndexMaps.flat(0, shape, tables), outs.get(0)));
  }

  private static List<Array> concatenate(List<Array> in, Params params, List<ShapedArray> outs) {
    ShapedArray out = outs.get(0);
    int dim = params.getInt("dimension");
    int[] outStrides = out.shape().strides();
    Object dst = Array.allocate(out);
    int offset = 0;
    for (Array x : in) {
      int[] target = IndexMaps.strided(offset * outStrides[dim], x.shape().dims(), outStrides);
      ElementCopy.place(dst, x, target);
      offset += x.shape().dim(dim);
    }
    return List.of(Array.wrap(out, dst));
  }

  private static List<Array> pad(List<Array> in, Params params, List<ShapedArray> outs) {
    Array x = in.get(0);
    int[][] config = params.getIntMatrix("padding_config");
    int[] shape = dims(outs);
    int[] xStrides = x.shape().strides();
    int[][] tables = new int[shape.length][];
    for (int d = 0; d < shape.length; d++) {
      int step = config[d][2] + 1;
      tables[d] = new int[shape[d]];
      for (int o = 0; o < shape[d]; o++) {
        int i = o - config[d][0];
        boolean hit = i >= 0 && i % step == 0 && i / step < x.shape().dim(d);
        tables[d][o] = hit ? i / step * xStrides[d] : IndexMaps.NONE;
      }
    }
    return List.of(ElementCopy.take(x, IndexMaps.flat(0, shape, tables), in.get(1), outs.get(0)));
  }

  private static List<Array> iota(List<Array> in, Params params, List<ShapedArray> outs) {
    ShapedArray out = outs.get(0);
    int dim = params.getInt("dimension");
    int stride = out.shape().strides()[dim];
    int size = out.shape().dim(dim);
    Object data = Array.allocate(out);
    int n = out.shape().size();
    for (int i = 0; i < n; i++) {
      int v = i / stride % size;
      switch (out.dtype().storage()) {
        case INT: ((int[]) data)[i] = v; break;
        case FLOAT: ((float[]) data)[i] = v; break;
        case DOUBLE: ((double[]) data)[i] = v; break;
        default: throw new IllegalArgumentException("iota of dtype " + out.dtype());
      }
    }
    return List.of(Array.wrap(out, data));
  }

  private static int[] dims(List<ShapedArray> outs) {
    return outs.get(0).shape().dims();
  }
}
