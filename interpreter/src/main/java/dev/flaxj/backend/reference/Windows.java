package dev.flaxj.backend.reference;

import dev.flaxj.array.Array;

/**
 * Index arithmetic shared by the gather and scatter kernels: where in the operand the window
 * that each index vector selects starts, and the element map that pairs window elements with
 * their positions in the output (gather) or the updates (scatter).
 */
final class Windows {
  private Windows() {}

  /**
   * For every batch position of {@code indices} (all dimensions but the last, which holds the
   * index vectors), the flat position in {@code x} where its window starts. Entry {@code k} of an
   * index vector starts operand dimension {@code indexMap[k]}; operand dimension
   * {@code operandBatching[i]} starts at the batch position's coordinate along indices dimension
   * {@code indicesBatching[i]}. A start outside {@code [0, dim - windowSizes[dim]]} is clamped
   * into it when {@code clamp} is set; otherwise the window is {@link IndexMaps#NONE}.
   */
  static int[] starts(Array x, Array indices, int[] indexMap, int[] operandBatching,
      int[] indicesBatching, int[] windowSizes, boolean clamp) {
    int[] dims = x.shape().dims();
    int[] strides = x.shape().strides();
    int batchRank = indices.rank() - 1;
    int n = indices.shape().dim(batchRank);
    int[] batchStrides = new int[batchRank];
    for (int i = 0; i < operandBatching.length; i++) {
      batchStrides[indicesBatching[i]] = strides[operandBatching[i]];
    }
    int[] starts = IndexMaps.strided(0, batchShape(indices), batchStrides);
    for (int b = 0; b < starts.length; b++) {
      for (int k = 0; k < n && starts[b] != IndexMaps.NONE; k++) {
        int d = indexMap[k];
        int max = dims[d] - windowSizes[d];
        long s = indices.getLong(b * n + k);
        if (clamp) {
          s = IndexMaps.clamp(s, max);
        } else if (s < 0 || s > max) {
          starts[b] = IndexMaps.NONE;
          break;
        }
        starts[b] += (int) s * strides[d];
      }
    }
    return starts;
  }

  /** The shape of the batch positions of {@code indices}: all its dimensions but the last. */
  static int[] batchShape(Array indices) {
    return java.util.Arrays.copyOf(indices.shape().dims(), indices.rank() - 1);
  }

  /**
   * A map of {@code size} entries pairing both sides of every (batch position {@code b}, window
   * element {@code e}): entry {@code batchPos[b] + windowPos[e]} is {@code starts[b] +
   * startWindow[e]}, or {@link IndexMaps#NONE} where {@code starts[b]} is.
   */
  static int[] pair(int size, int[] starts, int[] startWindow, int[] batchPos, int[] windowPos) {
    int[] map = new int[size];
    for (int b = 0; b < starts.length; b++) {
      for (int e = 0; e < windowPos.length; e++) {
        map[batchPos[b] + windowPos[e]] =
            starts[b] == IndexMaps.NONE ? IndexMaps.NONE : starts[b] + startWindow[e];
      }
    }
    return map;
  }
}
