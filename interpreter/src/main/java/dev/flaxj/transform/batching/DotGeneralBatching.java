package dev.flaxj.transform.batching;

import static dev.flaxj.transform.batching.BatchRules.NOT_MAPPED;

import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.DotDimensionNumbers;
import dev.flaxj.lax.DotGeneralPrimitive;
import dev.flaxj.lax.Params;
import java.util.List;

/**
 * Batching of {@code dot_general} without moving data: when both operands are mapped their batch
 * dimensions become a leading pair of dot batch dimensions (the output's batch is dimension 0);
 * when one is mapped its batch dimension is one more free dimension of that operand, and the
 * output's batch is where that free dimension lands.
 */
final class DotGeneralBatching {
  private DotGeneralBatching() {}

  static void register() {
    BatchRules.register(DotGeneralPrimitive.DOT_GENERAL, DotGeneralBatching::dotGeneral);
  }

  private static BatchResult dotGeneral(List<Value> args, int[] dims, Params params,
      AxisData axis) {
    DotDimensionNumbers dn = (DotDimensionNumbers) params.get("dimension_numbers");
    int ld = dims[0];
    int rd = dims[1];
    int[] lc = dn.lhsContracting();
    int[] rc = dn.rhsContracting();
    int[] lb = dn.lhsBatch();
    int[] rb = dn.rhsBatch();
    DotDimensionNumbers batched;
    int out;
    if (ld != NOT_MAPPED && rd != NOT_MAPPED) {
      batched = DotDimensionNumbers.of(BatchDims.shift(lc, ld), BatchDims.shift(rc, rd),
          BatchDims.inserted(BatchDims.shift(lb, ld), 0, ld),
          BatchDims.inserted(BatchDims.shift(rb, rd), 0, rd));
      out = 0;
    } else if (ld != NOT_MAPPED) {
      batched = DotDimensionNumbers.of(BatchDims.shift(lc, ld), rc, BatchDims.shift(lb, ld), rb);
      int lhsRank = args.get(0).rank() - 1;
      out = lb.length + freeBelow(lhsRank, lc, lb, ld);
    } else {
      batched = DotDimensionNumbers.of(lc, BatchDims.shift(rc, rd), lb, BatchDims.shift(rb, rd));
      int lhsRank = args.get(0).rank();
      int rhsRank = args.get(1).rank() - 1;
      out = lb.length + (lhsRank - lc.length - lb.length) + freeBelow(rhsRank, rc, rb, rd);
    }
    Value y = Bind.bind1(DotGeneralPrimitive.DOT_GENERAL,
        params.with("dimension_numbers", batched), args.get(0), args.get(1));
    return BatchDims.one(y, out);
  }

  /** How many free (neither contracting nor batch) example dimensions lie below {@code bdim}. */
  private static int freeBelow(int rank, int[] contracting, int[] batch, int bdim) {
    int n = 0;
    for (int k = 0; k < Math.min(rank, bdim); k++) {
      if (!contains(contracting, k) && !contains(batch, k)) {
        n++;
      }
    }
    return n;
  }

  private static boolean contains(int[] dims, int d) {
    for (int x : dims) {
      if (x == d) {
        return true;
      }
    }
    return false;
  }
}
