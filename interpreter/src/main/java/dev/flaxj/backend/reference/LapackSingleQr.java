package dev.flaxj.backend.reference;

/**
 * The reduced float32 QR factorisation of one row-major {@code m x n} matrix, computed the way JAX
 * computes it on the CPU, so that the results are the same bit for bit: LAPACK's unblocked
 * {@code sgeqr2} then {@code sorg2r} (what {@code sgeqrf}/{@code sorgqr} run when
 * {@code min(m, n) <= 128}), over the float32 operation order of the OpenBLAS (0.3.30, Haswell
 * kernels) that JAX's CPU LAPACK calls: {@code snrm2} summing squares in double precision,
 * {@code sgemv} transposed with eight fused lanes per column in groups of four columns (four
 * unfused lanes for the two or one columns left over) and the last {@code m mod 4} rows added
 * apart, and {@code sger} fused on the first {@code m - m mod 32} rows only. Checked bit for bit
 * against jax 0.10.2 for square, tall and wide shapes up to 128 x 128.
 */
final class LapackSingleQr {
  /** The largest {@code min(m, n)} for which LAPACK takes the unblocked path reproduced here. */
  static final int UNBLOCKED_LIMIT = 128;
  /** Rows per pass of OpenBLAS's transposed {@code sgemv}. */
  private static final int GEMV_BLOCK = 4096;
  /** LAPACK's {@code slamch('S') / slamch('E')}: below it {@code slarfg} rescales. */
  private static final float SAFE_MIN = 0x1p-102f;

  private LapackSingleQr() {}

  /**
   * Factors {@code a} (overwritten with {@code sgeqrf}'s output) into {@code q} ({@code m x k})
   * and {@code r} ({@code k x n}), {@code k = min(m, n) <= UNBLOCKED_LIMIT}.
   */
  static void factor(float[] a, int m, int n, float[] q, float[] r) {
    int k = Math.min(m, n);
    float[] tau = new float[k];
    float[] work = new float[n];
    for (int i = 0; i < k; i++) {
      tau[i] = reflect(a, m, n, i);
      if (i < n - 1) {
        float diagonal = a[i * n + i];
        a[i * n + i] = 1;
        applyLeft(a, n, i, m, tau[i], a, n, i + 1, work);
        a[i * n + i] = diagonal;
      }
    }
    for (int i = 0; i < k; i++) {
      for (int c = 0; c < n; c++) {
        r[i * n + c] = c >= i ? a[i * n + c] : 0;
      }
    }
    for (int i = 0; i < m; i++) {
      System.arraycopy(a, i * n, q, i * k, k);
    }
    // sorg2r: accumulate the reflectors backwards into q.
    for (int i = k - 1; i >= 0; i--) {
      if (i < k - 1) {
        q[i * k + i] = 1;
        applyLeft(q, k, i, m, tau[i], q, k, i + 1, work);
      }
      for (int row = i + 1; row < m; row++) {
        q[row * k + i] *= -tau[i];
      }
      q[i * k + i] = 1 - tau[i];
      for (int row = 0; row < i; row++) {
        q[row * k + i] = 0;
      }
    }
  }

  /**
   * LAPACK's {@code slarfg} on column {@code j} of {@code a} from the diagonal down: stores beta
   * on the diagonal and the reflector's vector (leading 1 implicit) below it; returns tau.
   */
  private static float reflect(float[] a, int m, int n, int j) {
    float alpha = a[j * n + j];
    float xnorm = norm(a, m, n, j);
    if (xnorm == 0) {
      return 0;
    }
    float beta = -Math.copySign(lapy2(alpha, xnorm), alpha);
    int rescaled = 0;
    if (Math.abs(beta) < SAFE_MIN) {
      do {
        rescaled++;
        scaleBelow(a, m, n, j, 1 / SAFE_MIN);
        beta *= 1 / SAFE_MIN;
        alpha *= 1 / SAFE_MIN;
      } while (Math.abs(beta) < SAFE_MIN && rescaled < 20);
      beta = -Math.copySign(lapy2(alpha, norm(a, m, n, j)), alpha);
    }
    float tau = (beta - alpha) / beta;
    scaleBelow(a, m, n, j, 1 / (alpha - beta));
    for (int t = 0; t < rescaled; t++) {
      beta *= SAFE_MIN;
    }
    a[j * n + j] = beta;
    return tau;
  }

  /** OpenBLAS's {@code snrm2} of column {@code j} below the diagonal: squares summed in double. */
  private static float norm(float[] a, int m, int n, int j) {
    double sum = 0;
    for (int i = j + 1; i < m; i++) {
      double x = a[i * n + j];
      sum += x * x;
    }
    return (float) Math.sqrt(sum);
  }

  private static void scaleBelow(float[] a, int m, int n, int j, float factor) {
    for (int i = j + 1; i < m; i++) {
      a[i * n + j] *= factor;
    }
  }

  /** LAPACK's {@code slapy2}: {@code sqrt(x^2 + y^2)} without needless overflow. */
  private static float lapy2(float x, float y) {
    float w = Math.max(Math.abs(x), Math.abs(y));
    float z = Math.min(Math.abs(x), Math.abs(y));
    if (z == 0 || w > Float.MAX_VALUE) {
      return w;
    }
    float ratio = z / w;
    return w * (float) Math.sqrt(1 + ratio * ratio);
  }

  /**
   * LAPACK's {@code slarf} from the left: applies {@code I - tau v v^T} to rows {@code j..m-1}
   * and columns {@code from..} of {@code c} (row-major, {@code cCols} columns), where v is column
   * {@code j} of {@code v} (row-major, {@code vCols} columns) from row j down, its leading 1
   * stored. As LAPACK, trailing zeros of v and trailing zero columns of c are left out.
   */
  private static void applyLeft(float[] v, int vCols, int j, int m, float tau, float[] c,
      int cCols, int from, float[] work) {
    if (tau == 0) {
      return;
    }
    int rows = m - j;
    while (rows > 0 && v[(j + rows - 1) * vCols + j] == 0) {
      rows--;
    }
    int cols = lastNonzeroColumn(c, cCols, j, rows, from);
    if (rows == 0 || cols == 0) {
      return;
    }
    gemvTransposed(c, cCols, j, from, rows, cols, v, vCols, j, work);
    ger(c, cCols, j, from, rows, cols, -tau, v, vCols, j, work);
  }

  /** LAPACK's {@code ilaslc}: how many leading columns of the {@code rows x ...} block matter. */
  private static int lastNonzeroColumn(float[] c, int cCols, int row0, int rows, int from) {
    int cols = cCols - from;
    if (cols == 0 || rows == 0) {
      return cols;
    }
    int last = from + cols - 1;
    if (c[row0 * cCols + last] != 0 || c[(row0 + rows - 1) * cCols + last] != 0) {
      return cols;
    }
    for (int col = cols - 1; col >= 0; col--) {
      for (int i = 0; i < rows; i++) {
        if (c[(row0 + i) * cCols + from + col] != 0) {
          return col + 1;
        }
      }
    }
    return 0;
  }

  /**
   * OpenBLAS's {@code sgemv('T')} with alpha 1 and beta 0: {@code w[col] = sum_i c[i][col] *
   * x[i]} over the block at ({@code row0}, {@code col0}) with {@code x} column {@code xCol}.
   */
  private static void gemvTransposed(float[] c, int cCols, int row0, int col0, int rows,
      int cols, float[] x, int xCols, int xCol, float[] w) {
    int tail = rows & 3;
    int body = rows - tail;
    int grouped = cols & -4;
    for (int col = 0; col < cols; col++) {
      w[col] = 0;
    }
    for (int start = 0; start < body; start += GEMV_BLOCK) {
      int length = Math.min(GEMV_BLOCK, body - start);
      for (int col = 0; col < cols; col++) {
        int at = (row0 + start) * cCols + col0 + col;
        int xAt = (row0 + start) * xCols + xCol;
        float sum;
        if (col < grouped) {
          sum = fusedLanes(c, at, cCols, x, xAt, xCols, length);
        } else if (col < grouped + (cols & 2)) {
          sum = fourLanes(c, at, cCols, x, xAt, xCols, length);
        } else {
          sum = pairedFourLanes(c, at, cCols, x, xAt, xCols, length);
        }
        w[col] += sum;
      }
    }
    if (tail == 0) {
      return;
    }
    for (int col = 0; col < cols; col++) {
      int at = (row0 + body) * cCols + col0 + col;
      int xAt = (row0 + body) * xCols + xCol;
      float sum = c[at] * x[xAt];
      for (int i = 1; i < tail; i++) {
        sum += c[at + i * cCols] * x[xAt + i * xCols];
      }
      w[col] += sum;
    }
  }

  /**
   * The AVX2 4-column kernel, per column: eight fused accumulators (the first four rows go to
   * lanes 0..3 when the length is not a multiple of eight), halves added, then pairs.
   */
  private static float fusedLanes(float[] c, int at, int cStride, float[] x, int xAt,
      int xStride, int length) {
    float[] lanes = new float[8];
    int offset = (length & 4) != 0 ? 4 : 0;
    for (int i = 0; i < length; i++) {
      int lane = i < offset ? i : (i - offset) & 7;
      lanes[lane] = Math.fma(c[at + i * cStride], x[xAt + i * xStride], lanes[lane]);
    }
    return pairSum(lanes[0] + lanes[4], lanes[1] + lanes[5], lanes[2] + lanes[6],
        lanes[3] + lanes[7]);
  }

  /** The SSE 2-column kernel, per column: four unfused accumulators, then pairs. */
  private static float fourLanes(float[] c, int at, int cStride, float[] x, int xAt,
      int xStride, int length) {
    float[] lanes = new float[4];
    for (int i = 0; i < length; i++) {
      lanes[i & 3] += c[at + i * cStride] * x[xAt + i * xStride];
    }
    return pairSum(lanes[0], lanes[1], lanes[2], lanes[3]);
  }

  /**
   * The SSE 1-column kernel: four unfused accumulators for the first four rows of every eight
   * (and a leading four), four more for the second four, added lane by lane, then pairs.
   */
  private static float pairedFourLanes(float[] c, int at, int cStride, float[] x, int xAt,
      int xStride, int length) {
    float[] first = new float[4];
    float[] second = new float[4];
    int offset = (length & 4) != 0 ? 4 : 0;
    for (int i = 0; i < length; i++) {
      float product = c[at + i * cStride] * x[xAt + i * xStride];
      if (i < offset || ((i - offset) & 4) == 0) {
        first[i & 3] += product;
      } else {
        second[i & 3] += product;
      }
    }
    return pairSum(first[0] + second[0], first[1] + second[1], first[2] + second[2],
        first[3] + second[3]);
  }

  private static float pairSum(float a, float b, float c, float d) {
    return (a + b) + (c + d);
  }

  /**
   * OpenBLAS's {@code sger}: {@code c[i][col] += x[i] * (alpha * y[col])}, fused on the first
   * {@code rows - rows mod 32} rows (its vector kernel), unfused on the rest.
   */
  private static void ger(float[] c, int cCols, int row0, int col0, int rows, int cols,
      float alpha, float[] x, int xCols, int xCol, float[] y) {
    int fused = rows & -32;
    for (int col = 0; col < cols; col++) {
      float factor = alpha * y[col];
      for (int i = 0; i < rows; i++) {
        int at = (row0 + i) * cCols + col0 + col;
        float xi = x[(row0 + i) * xCols + xCol];
        c[at] = i < fused ? Math.fma(xi, factor, c[at]) : c[at] + xi * factor;
      }
    }
  }
}
