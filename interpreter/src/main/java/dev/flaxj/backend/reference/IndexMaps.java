package dev.flaxj.backend.reference;

/**
 * Index arithmetic for the element-moving kernels: flat (row-major) element positions of every
 * element of a shape, computed as a base plus one offset per dimension read from a per-axis
 * table. An offset of {@link #NONE} marks a position with no counterpart (padding, dropped
 * windows); the whole element then maps to {@code NONE}.
 */
final class IndexMaps {
  /** Marks an element with no source or target. */
  static final int NONE = -1;

  private IndexMaps() {}

  /**
   * For every element of {@code shape} in row-major order: {@code base + sum_d tables[d][i_d]},
   * or {@link #NONE} if any {@code tables[d][i_d]} is {@code NONE}. Table entries are otherwise
   * non-negative.
   */
  static int[] flat(int base, int[] shape, int[][] tables) {
    int size = 1;
    for (int s : shape) {
      size *= s;
    }
    int[] out = new int[size];
    int rank = shape.length;
    if (rank == 0 || size == 0) {
      java.util.Arrays.fill(out, base);
      return out;
    }
    int last = rank - 1;
    int[] inner = tables[last];
    int n = shape[last];
    int[] coord = new int[last];
    for (int row = 0; row < size; row += n) {
      int pos = base;
      for (int d = 0; d < last && pos != NONE; d++) {
        int t = tables[d][coord[d]];
        pos = t == NONE ? NONE : pos + t;
      }
      for (int i = 0; i < n; i++) {
        out[row + i] = pos == NONE || inner[i] == NONE ? NONE : pos + inner[i];
      }
      for (int d = last - 1; d >= 0 && ++coord[d] == shape[d]; d--) {
        coord[d] = 0;
      }
    }
    return out;
  }

  /** {@link #flat} with {@code tables[d][i] = i * strides[d]} (strides non-negative). */
  static int[] strided(int base, int[] shape, int[] strides) {
    return flat(base, shape, stridedTables(shape, strides));
  }

  /** Per-axis tables {@code tables[d][i] = i * strides[d]}. */
  static int[][] stridedTables(int[] shape, int[] strides) {
    int[][] tables = new int[shape.length][];
    for (int d = 0; d < shape.length; d++) {
      tables[d] = new int[shape[d]];
      for (int i = 0; i < shape[d]; i++) {
        tables[d][i] = i * strides[d];
      }
    }
    return tables;
  }

  /** {@code values[dims[i]]} for each {@code i}. */
  static int[] pick(int[] values, int[] dims) {
    int[] out = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      out[i] = values[dims[i]];
    }
    return out;
  }

  /** {@code index} clamped to {@code [0, max]}, with {@code max >= 0}. */
  static int clamp(long index, int max) {
    return (int) Math.max(0, Math.min(index, max));
  }
}
