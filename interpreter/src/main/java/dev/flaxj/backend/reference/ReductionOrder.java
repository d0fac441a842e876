package dev.flaxj.backend.reference;

import dev.flaxj.array.Shape;

/**
 * The association order in which XLA on CPU combines the elements of reductions and scans,
 * as {@link FoldPlan}s. Floating-point sums and products depend on it; reproducing XLA's HLO
 * rewrites makes most results bit-identical to JAX's.
 *
 * <p><b>Reductions</b> follow XLA's {@code TreeReductionRewriter} (window 32): while some reduced
 * dimension is longer than 32, each reduced dimension of length {@code d} is cut into
 * {@code ceil(d / w)} windows of {@code w = min(d, 32)} elements, with "same" padding split
 * {@code floor(p / 2)} before and the rest after; each window folds its in-bounds elements in
 * row-major order. When every reduced dimension is at most 32, one plain reduction folds the
 * remaining elements of each output in row-major order. A reduction of exactly one element per
 * output is a reshape (it keeps -0.0).
 *
 * <p>Not reproduced: XLA marks reduction adds {@code reassoc}, so LLVM may vectorise a plain
 * reduction over several axes into lane-wise partial sums, and float sums over 4096 or more
 * elements run in YNNPACK with its own blocking. There results differ by a few ulp.
 *
 * <p><b>Scans</b> ({@code cumsum} and friends, lowered by JAX to a reduce-window) follow XLA's
 * {@code ReduceWindowRewriter} (base 16): a lane of length {@code L <= 16} is folded directly
 * (output {@code i} folds elements {@code 0..i}, or {@code i..L-1} in increasing order when
 * reversed); a longer lane is padded with the identity to a multiple of 16, each tile of 16 is
 * scanned that way, the tile totals are scanned recursively, and each output combines its
 * in-tile value with the exclusive scan of the totals of the tiles before it (after it when
 * reversed). A lane of length 1 is returned unchanged.
 */
final class ReductionOrder {
  private static final int REDUCE_WINDOW = 32;
  private static final int SCAN_BASE = 16;

  private ReductionOrder() {}

  /** The plan of a reduction of {@code shape} over {@code axes} (distinct, in range). */
  static FoldPlan reduce(Shape shape, int[] axes) {
    int rank = shape.rank();
    int[] dims = shape.dims();
    boolean[] reduced = new boolean[rank];
    long reducedCount = 1;
    for (int a : axes) {
      reduced[a] = true;
      reducedCount *= dims[a];
    }
    FoldPlan.Builder b = new FoldPlan.Builder(shape.size());
    int[] ids = iota(shape.size());
    if (reducedCount == 1) {
      return b.build(ids);
    }
    if (reducedCount == 0) {
      int outputs = 1;
      for (int a = 0; a < rank; a++) {
        outputs *= reduced[a] ? 1 : dims[a];
      }
      int[] out = new int[outputs];
      for (int j = 0; j < outputs; j++) {
        out[j] = b.endNode();
      }
      return b.build(out);
    }
    while (anyLongerThan(dims, reduced, REDUCE_WINDOW)) {
      int[] window = new int[rank];
      for (int a = 0; a < rank; a++) {
        window[a] = reduced[a] ? Math.min(dims[a], REDUCE_WINDOW) : 1;
      }
      ids = foldWindows(b, ids, dims, window);
    }
    int[] whole = new int[rank];
    for (int a = 0; a < rank; a++) {
      whole[a] = reduced[a] ? dims[a] : 1;
    }
    return b.build(foldWindows(b, ids, dims, whole));
  }

  private static boolean anyLongerThan(int[] dims, boolean[] reduced, int limit) {
    for (int a = 0; a < dims.length; a++) {
      if (reduced[a] && dims[a] > limit) {
        return true;
      }
    }
    return false;
  }

  /**
   * One non-overlapping reduce-window with "same" padding: one node per window, folding the
   * window's in-bounds elements in row-major order. Updates {@code dims} to the windowed shape
   * and returns the slots of the new elements, row-major.
   */
  private static int[] foldWindows(FoldPlan.Builder b, int[] ids, int[] dims, int[] window) {
    int rank = dims.length;
    int[] strides = Shape.of(dims).strides();
    int[] outDims = new int[rank];
    int[] low = new int[rank];
    int outSize = 1;
    for (int a = 0; a < rank; a++) {
      outDims[a] = (dims[a] + window[a] - 1) / window[a];
      low[a] = (outDims[a] * window[a] - dims[a]) / 2;
      outSize *= outDims[a];
    }
    int[] out = new int[outSize];
    int[] o = new int[rank];
    int[] k = new int[rank];
    for (int j = 0; j < outSize; j++, next(o, outDims)) {
      do {
        int flat = 0;
        boolean inBounds = true;
        for (int a = 0; a < rank && inBounds; a++) {
          int p = o[a] * window[a] - low[a] + k[a];
          inBounds = p >= 0 && p < dims[a];
          flat += p * strides[a];
        }
        if (inBounds) {
          b.arg(ids[flat]);
        }
      } while (next(k, window));
      out[j] = b.endNode();
    }
    System.arraycopy(outDims, 0, dims, 0, rank);
    return out;
  }

  /** The plan of an inclusive scan of {@code shape} along {@code axis}. */
  static FoldPlan scan(Shape shape, int axis, boolean reverse) {
    FoldPlan.Builder b = new FoldPlan.Builder(shape.size());
    int[] out = iota(shape.size());
    int len = shape.dim(axis);
    if (len <= 1) {
      return b.build(out);
    }
    int stride = shape.strides()[axis];
    int identity = len > SCAN_BASE ? b.endNode() : -1;
    int[] lane = new int[len];
    for (int start : Lanes.starts(shape, axis)) {
      for (int i = 0; i < len; i++) {
        lane[i] = start + i * stride;
      }
      int[] scanned = scanLane(b, lane, reverse, identity);
      for (int i = 0; i < len; i++) {
        out[start + i * stride] = scanned[i];
      }
    }
    return b.build(out);
  }

  private static int[] scanLane(FoldPlan.Builder b, int[] ids, boolean reverse, int identity) {
    int len = ids.length;
    if (len <= SCAN_BASE) {
      return scanDirect(b, ids, reverse);
    }
    int tiles = (len + SCAN_BASE - 1) / SCAN_BASE;
    int[][] inTile = new int[tiles][];
    int[] totals = new int[tiles];
    for (int t = 0; t < tiles; t++) {
      int[] tile = new int[SCAN_BASE];
      for (int i = 0; i < SCAN_BASE; i++) {
        int p = t * SCAN_BASE + i;
        tile[i] = p < len ? ids[p] : identity;
      }
      inTile[t] = scanDirect(b, tile, reverse);
      totals[t] = inTile[t][reverse ? 0 : SCAN_BASE - 1];
    }
    int[] scannedTotals = scanLane(b, totals, reverse, identity);
    int[] out = new int[len];
    for (int p = 0; p < len; p++) {
      int t = p / SCAN_BASE;
      int before = reverse
          ? (t == tiles - 1 ? identity : scannedTotals[t + 1])
          : (t == 0 ? identity : scannedTotals[t - 1]);
      out[p] = b.node(inTile[t][p % SCAN_BASE], before);
    }
    return out;
  }

  /**
   * A reduce-window scan of a short lane: output {@code i} folds {@code ids[0..i]}, or
   * {@code ids[i..]} when reversed, always in increasing index order. (A forward output reuses
   * the previous one: folding the identity into a fold result leaves it unchanged.)
   */
  private static int[] scanDirect(FoldPlan.Builder b, int[] ids, boolean reverse) {
    int len = ids.length;
    int[] out = new int[len];
    if (!reverse) {
      out[0] = b.node(ids[0]);
      for (int i = 1; i < len; i++) {
        out[i] = b.node(out[i - 1], ids[i]);
      }
      return out;
    }
    for (int i = 0; i < len; i++) {
      for (int p = i; p < len; p++) {
        b.arg(ids[p]);
      }
      out[i] = b.endNode();
    }
    return out;
  }

  private static int[] iota(int n) {
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = i;
    }
    return ids;
  }

  /** Advances a row-major multi-index below {@code limits}; false when it wraps to zero. */
  private static boolean next(int[] index, int[] limits) {
    for (int a = index.length - 1; a >= 0; a--) {
      if (++index[a] < limits[a]) {
        return true;
      }
      index[a] = 0;
    }
    return false;
  }
}
