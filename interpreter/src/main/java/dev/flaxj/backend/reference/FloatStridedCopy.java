package dev.flaxj.backend.reference;

/**
 * The float32 strided gathers (transpose, broadcast_in_dim) without an index map: the output is
 * walked in row-major order, its last two dimensions in square tiles so that the strided reads
 * of one tile stay in cache. Moves the same elements to the same places as the index-map copy
 * that every other dtype takes; {@link ElementCopy#strided} chooses.
 */
final class FloatStridedCopy {
  private static final int TILE = 32;

  private FloatStridedCopy() {}

  /**
   * A new array whose element at output index {@code (i_0, ..., i_{r-1})} (row-major over
   * {@code outDims}) is {@code src[sum_d i_d * srcStrides[d]]} (a stride of 0 repeats an element).
   */
  static float[] gather(float[] src, int[] outDims, int[] srcStrides) {
    int rank = outDims.length;
    int size = 1;
    for (int d : outDims) {
      size *= d;
    }
    float[] dst = new float[size];
    if (size == 0) {
      return dst;
    }
    if (rank < 2) {
      int stride = rank == 0 ? 0 : srcStrides[0];
      for (int i = 0; i < size; i++) {
        dst[i] = src[i * stride];
      }
      return dst;
    }
    int rows = outDims[rank - 2];
    int cols = outDims[rank - 1];
    int rowStride = srcStrides[rank - 2];
    int colStride = srcStrides[rank - 1];
    int[] index = new int[rank - 2];
    int base = 0;
    for (int o = 0; o < size; o += rows * cols) {
      for (int r0 = 0; r0 < rows; r0 += TILE) {
        int r1 = Math.min(rows, r0 + TILE);
        for (int c0 = 0; c0 < cols; c0 += TILE) {
          int c1 = Math.min(cols, c0 + TILE);
          for (int r = r0; r < r1; r++) {
            int from = base + r * rowStride;
            int to = o + r * cols;
            for (int c = c0; c < c1; c++) {
              dst[to + c] = src[from + c * colStride];
            }
          }
        }
      }
      // next index of the leading dimensions (odometer), and its source offset
      for (int d = rank - 3; d >= 0; d--) {
        base += srcStrides[d];
        if (++index[d] < outDims[d]) {
          break;
        }
        base -= index[d] * srcStrides[d];
        index[d] = 0;
      }
    }
    return dst;
  }
}
