package dev.flaxj.backend.reference;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;

/**
 * The one routine that moves elements for every shape and indexing kernel, whatever the dtype:
 * an element is {@code wordsPerElement} consecutive storage slots (two ints for a key), copied
 * with {@link System#arraycopy}; runs of consecutive positions are copied at once.
 */
final class ElementCopy {
  private ElementCopy() {}

  /**
   * A new array of type {@code out} whose element {@code i} is element {@code source[i]} of
   * {@code src}, or element 0 of {@code fill} where {@code source[i]} is {@link IndexMaps#NONE}.
   */
  static Array take(Array src, int[] source, Array fill, ShapedArray out) {
    Object dst = Array.allocate(out);
    int w = out.dtype().wordsPerElement();
    Object from = src.rawStorage();
    int i = 0;
    while (i < source.length) {
      if (source[i] == IndexMaps.NONE) {
        System.arraycopy(fill.rawStorage(), 0, dst, i * w, w);
        i++;
        continue;
      }
      int j = run(source, i);
      System.arraycopy(from, source[i] * w, dst, i * w, (j - i) * w);
      i = j;
    }
    return Array.wrap(out, dst);
  }

  /**
   * A new array of type {@code out} whose element at row-major index {@code (i_0, ..., i_{r-1})}
   * over {@code out}'s dims is {@code src}'s element {@code sum_d i_d * strides[d]} (a stride of
   * 0 repeats an element): transposes, broadcasts, operands moved into product order. float32
   * goes through {@link FloatStridedCopy} (tiles, no index map); other dtypes through an index map.
   */
  static Array strided(Array src, int[] strides, ShapedArray out) {
    int[] dims = out.shape().dims();
    return src.dtype() == DType.FLOAT32
        ? Array.wrap(out, FloatStridedCopy.gather(src.rawFloats(), dims, strides))
        : take(src, IndexMaps.strided(0, dims, strides), out);
  }

  /** {@link #take} where every element has a source. */
  static Array take(Array src, int[] source, ShapedArray out) {
    return take(src, source, null, out);
  }

  /** A fresh copy of {@code a}'s storage, for a kernel to write into. */
  static Object copyOf(Array a) {
    Object dst = Array.allocate(a.aval());
    System.arraycopy(a.rawStorage(), 0, dst, 0, java.lang.reflect.Array.getLength(dst));
    return dst;
  }

  /**
   * Writes element {@code i} of {@code src} to position {@code target[i]} of {@code dst} (skipping
   * {@link IndexMaps#NONE}), in increasing {@code i}: where targets repeat, the last write wins.
   */
  static void place(Object dst, Array src, int[] target) {
    int w = src.dtype().wordsPerElement();
    Object from = src.rawStorage();
    int i = 0;
    while (i < target.length) {
      if (target[i] == IndexMaps.NONE) {
        i++;
        continue;
      }
      int j = run(target, i);
      System.arraycopy(from, i * w, dst, target[i] * w, (j - i) * w);
      i = j;
    }
  }

  /**
   * Adds element {@code i} of numeric {@code src} to position {@code target[i]} of {@code dst}
   * (skipping {@link IndexMaps#NONE}), in increasing {@code i}, in the dtype's own arithmetic
   * (float32 in float, int32 and uint32 wrapping).
   */
  static void accumulate(Object dst, Array src, int[] target) {
    switch (src.dtype().storage()) {
      case FLOAT: {
        float[] d = (float[]) dst;
        float[] s = src.rawFloats();
        for (int i = 0; i < target.length; i++) {
          if (target[i] != IndexMaps.NONE) {
            d[target[i]] += s[i];
          }
        }
        break;
      }
      case DOUBLE: {
        double[] d = (double[]) dst;
        double[] s = src.rawDoubles();
        for (int i = 0; i < target.length; i++) {
          if (target[i] != IndexMaps.NONE) {
            d[target[i]] += s[i];
          }
        }
        break;
      }
      case INT: {
        int[] d = (int[]) dst;
        int[] s = src.rawInts();
        for (int i = 0; i < target.length; i++) {
          if (target[i] != IndexMaps.NONE) {
            d[target[i]] += s[i];
          }
        }
        break;
      }
      default:
        throw new IllegalArgumentException("cannot add elements of dtype " + src.dtype());
    }
  }

  /** The end of the run of consecutive positions that starts at {@code i}. */
  private static int run(int[] positions, int i) {
    int j = i + 1;
    while (j < positions.length && positions[j] == positions[j - 1] + 1) {
      j++;
    }
    return j;
  }
}
