package dev.flaxj.transform.jvp;

import static dev.flaxj.lax.LinalgPrimitives.QR;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.DotDimensionNumbers;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.Params;
import java.util.ArrayList;
import java.util.List;

/**
 * Forward-mode rule of the reduced {@code qr}, as JAX's {@code qr_jvp_rule} (real matrices,
 * see j-towns.github.io/papers/qr-derivative.pdf): for {@code m >= n}, with
 * {@code C = Q^T dX R^-1} and {@code dO} the skew-symmetric part built from its strictly lower
 * triangle, {@code dQ = Q (dO - C) + dX R^-1} and {@code dR = (C - dO) R}; a wide matrix
 * {@code [X1 X2]} differentiates {@code X1 = Q R1} so, and {@code dR2 = dQ^T X2 + Q^T dX2}.
 * flaxj has no {@code triangular_solve} primitive, so {@code dX R^-1} is solved column by column
 * with lax operations (which keeps the rule differentiable again).
 */
final class LinalgJvp {
  private LinalgJvp() {}

  static void register() {
    JvpRules.register(QR, LinalgJvp::qr);
  }

  private static JvpResult qr(List<Value> primals, List<Value> tangents, Params params) {
    Value x = primals.get(0);
    Value dx = tangents.get(0);
    List<Value> qr = Bind.bind(QR, params, x);
    Value q = qr.get(0);
    Value r = qr.get(1);
    int rank = x.rank();
    int m = x.shape().dim(rank - 2);
    int n = x.shape().dim(rank - 1);
    if (m >= n) {
      Value[] d = thin(q, r, dx);
      return new JvpResult(qr, List.of(d[0], d[1]));
    }
    Value x2 = columns(x, m, n);
    Value[] d = thin(q, columns(r, 0, m), columns(dx, 0, m));
    Value dr2 = Lax.add(matmul(transposeLast(d[0]), x2), matmul(transposeLast(q), columns(dx, m, n)));
    return new JvpResult(qr, List.of(d[0], Lax.concatenate(rank - 1, d[1], dr2)));
  }

  /** {@code [dQ, dR]} for {@code X = Q R} with square upper-triangular {@code R}. */
  private static Value[] thin(Value q, Value r, Value dx) {
    Value dxRinv = solveUpperRight(r, dx);
    Value c = matmul(transposeLast(q), dxRinv);
    Value lower = strictlyLower(c);
    Value dOmega = Lax.sub(lower, transposeLast(lower));
    Value dq = Lax.add(matmul(q, Lax.sub(dOmega, c)), dxRinv);
    Value dr = matmul(Lax.sub(c, dOmega), r);
    return new Value[] {dq, dr};
  }

  /**
   * {@code B R^-1} for upper-triangular {@code R (..., n, n)} and {@code B (..., m, n)}: column
   * {@code j} of the solution is {@code (b_j - sum_{k<j} x_k R[k, j]) / R[j, j]}.
   */
  private static Value solveUpperRight(Value r, Value b) {
    int rank = b.rank();
    int n = b.shape().dim(rank - 1);
    List<Value> cols = new ArrayList<>(n);
    for (int j = 0; j < n; j++) {
      Value bj = columns(b, j, j + 1);
      if (j > 0) {
        Value solved = Lax.concatenate(cols, rank - 1);
        bj = Lax.sub(bj, matmul(solved, rows(columns(r, j, j + 1), 0, j)));
      }
      Value diagonal = rows(columns(r, j, j + 1), j, j + 1);
      int[] all = new int[rank];
      for (int d = 0; d < rank; d++) {
        all[d] = d;
      }
      cols.add(Lax.div(bj, Lax.broadcastInDim(diagonal, bj.shape().dims(), all)));
    }
    return n == 0 ? b : Lax.concatenate(cols, rank - 1);
  }

  /** Entries strictly below the diagonal of the trailing matrices, zeros elsewhere. */
  private static Value strictlyLower(Value a) {
    int rank = a.rank();
    int[] shape = a.shape().dims();
    Value below = Lax.gt(Lax.iota(DType.INT32, shape, rank - 2),
        Lax.iota(DType.INT32, shape, rank - 1));
    return Lax.selectN(below, Fill.like(a, 0), a);
  }

  /** Batched matrix product over the trailing two dimensions. */
  private static Value matmul(Value a, Value b) {
    int rank = a.rank();
    int[] batch = new int[rank - 2];
    for (int d = 0; d < batch.length; d++) {
      batch[d] = d;
    }
    return Lax.dotGeneral(a, b, DotDimensionNumbers.of(new int[] {rank - 1},
        new int[] {rank - 2}, batch, batch));
  }

  private static Value transposeLast(Value a) {
    int rank = a.rank();
    int[] perm = new int[rank];
    for (int d = 0; d < rank; d++) {
      perm[d] = d;
    }
    perm[rank - 2] = rank - 1;
    perm[rank - 1] = rank - 2;
    return Lax.transpose(a, perm);
  }

  private static Value columns(Value a, int from, int to) {
    return sliceDim(a, a.rank() - 1, from, to);
  }

  private static Value rows(Value a, int from, int to) {
    return sliceDim(a, a.rank() - 2, from, to);
  }

  private static Value sliceDim(Value a, int dim, int from, int to) {
    int[] start = new int[a.rank()];
    int[] limit = a.shape().dims();
    start[dim] = from;
    limit[dim] = to;
    return Lax.slice(a, start, limit);
  }
}
