package dev.flaxj.backend.reference;

/**
 * The reduced QR factorisation of one row-major {@code m x n} matrix by Householder reflections,
 * with LAPACK's conventions ({@code geqrf}, then {@code orgqr} for q), so that the signs of q's
 * columns and r's rows are those JAX returns. Reflection {@code j} maps column {@code j} below
 * the diagonal to {@code beta = -sign(alpha) * norm} where {@code alpha} is the current diagonal
 * entry ({@code dlarfg}); when nothing below the diagonal is nonzero (always so for the last row
 * of a wide or square matrix) there is no reflection and the diagonal keeps its sign.
 */
final class HouseholderQr {
  private HouseholderQr() {}

  /**
   * Factors {@code a} (overwritten: it ends up holding the reflected matrix) into {@code q}
   * ({@code m x k}) and {@code r} ({@code k x n}), {@code k = min(m, n)}.
   */
  static void factor(double[] a, int m, int n, double[] q, double[] r) {
    int k = Math.min(m, n);
    double[] tau = new double[k];
    for (int j = 0; j < k; j++) {
      tau[j] = reflect(a, m, n, j);
      applyReflector(a, m, n, j, tau[j], a, n, j + 1, n);
    }
    for (int i = 0; i < k; i++) {
      for (int c = 0; c < n; c++) {
        r[i * n + c] = c >= i ? a[i * n + c] : 0;
      }
    }
    for (int i = 0; i < m; i++) {
      for (int c = 0; c < k; c++) {
        q[i * k + c] = i == c ? 1 : 0;
      }
    }
    for (int j = k - 1; j >= 0; j--) {
      applyReflector(a, m, n, j, tau[j], q, k, j, k);
    }
  }

  /**
   * LAPACK's {@code dlarfg} on column {@code j}: stores beta on the diagonal and the reflector's
   * vector (whose leading 1 is implicit) below it; returns tau (0: no reflection).
   */
  private static double reflect(double[] a, int m, int n, int j) {
    double alpha = a[j * n + j];
    double tail = 0;
    for (int i = j + 1; i < m; i++) {
      tail = Math.hypot(tail, a[i * n + j]);
    }
    if (tail == 0) {
      return 0;
    }
    double beta = -Math.copySign(Math.hypot(alpha, tail), alpha);
    double scale = 1 / (alpha - beta);
    for (int i = j + 1; i < m; i++) {
      a[i * n + j] *= scale;
    }
    a[j * n + j] = beta;
    return (beta - alpha) / beta;
  }

  /**
   * Applies {@code I - tau v v^T} (v: column {@code j} of {@code a} below the diagonal, with a
   * leading 1 at row j) to rows {@code j..m-1} and columns {@code from..to-1} of {@code x}, a
   * row-major matrix with {@code cols} columns.
   */
  private static void applyReflector(double[] a, int m, int n, int j, double tau, double[] x,
      int cols, int from, int to) {
    if (tau == 0) {
      return;
    }
    for (int c = from; c < to; c++) {
      double w = x[j * cols + c];
      for (int i = j + 1; i < m; i++) {
        w += a[i * n + j] * x[i * cols + c];
      }
      w *= tau;
      x[j * cols + c] -= w;
      for (int i = j + 1; i < m; i++) {
        x[i * cols + c] -= w * a[i * n + j];
      }
    }
  }
}
