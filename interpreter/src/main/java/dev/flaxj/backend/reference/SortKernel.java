package dev.flaxj.backend.reference;

import dev.flaxj.array.Array;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.backend.Kernel;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.lax.SortPrimitive;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reference kernel of {@code sort}: a stable sort of each lane along {@code dimension}, ordered
 * lexicographically by the first {@code num_keys} operands, applying the same permutation to
 * every operand. Keys are first mapped to longs whose signed order is JAX's sort order.
 */
final class SortKernel {
  private SortKernel() {}

  static void register(Map<Primitive, Kernel> table) {
    table.put(SortPrimitive.SORT, SortKernel::apply);
  }

  private static List<Array> apply(List<Array> inputs, Params params, List<ShapedArray> outAvals) {
    int dimension = params.getInt("dimension");
    int numKeys = params.getInt("num_keys");
    long[][] keys = new long[numKeys][];
    for (int q = 0; q < numKeys; q++) {
      keys[q] = sortKeys(inputs.get(q));
    }
    int len = inputs.get(0).shape().dim(dimension);
    int stride = inputs.get(0).shape().strides()[dimension];
    int[] source = new int[inputs.get(0).size()];
    Integer[] order = new Integer[len];
    Comparator<Integer> byKeys = lexicographic(keys);
    for (int start : Lanes.starts(inputs.get(0).shape(), dimension)) {
      for (int i = 0; i < len; i++) {
        order[i] = start + i * stride;
      }
      Arrays.sort(order, byKeys);
      for (int i = 0; i < len; i++) {
        source[start + i * stride] = order[i];
      }
    }
    List<Array> result = new ArrayList<>(inputs.size());
    for (int q = 0; q < inputs.size(); q++) {
      result.add(ElementCopy.take(inputs.get(q), source, outAvals.get(q)));
    }
    return result;
  }

  private static Comparator<Integer> lexicographic(long[][] keys) {
    return (x, y) -> {
      for (long[] k : keys) {
        int c = Long.compare(k[x], k[y]);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }

  /**
   * Per element, a long whose signed order is JAX's sort order. Floats: subnormals and -0.0
   * are taken as 0.0 (XLA on CPU compares with subnormals read as zeros), every NaN as the
   * canonical NaN, and the IEEE bits are mapped monotonically so that
   * -inf &lt; ... &lt; inf &lt; NaN. uint32 compares unsigned; bool false &lt; true.
   */
  private static long[] sortKeys(Array a) {
    long[] k = new long[a.size()];
    for (int i = 0; i < k.length; i++) {
      switch (a.dtype()) {
        case FLOAT32: {
          float f = Denormals.flush(a.rawFloats()[i]);
          int bits = Float.floatToIntBits(f == 0 ? 0f : f);
          k[i] = bits ^ ((bits >> 31) & 0x7fffffff);
          break;
        }
        case FLOAT64: {
          double d = Denormals.flush(a.rawDoubles()[i]);
          long bits = Double.doubleToLongBits(d == 0 ? 0d : d);
          k[i] = bits ^ ((bits >> 63) & 0x7fffffffffffffffL);
          break;
        }
        default:
          k[i] = a.getLong(i);
      }
    }
    return k;
  }
}
