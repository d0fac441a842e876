package dev.flaxj.backend.reference;

/**
 * The float32 matrix products of {@link DotGeneralKernel}: {@code batch} products of an
 * {@code (m, k)} lhs and a {@code (k, n)} rhs, each output accumulated over {@code k}
 * in order with a fused multiply-add from zero (from -0.0 when {@code k == 1}), subnormal
 * operands and partial sums flushed to zero.
 *
 * <p>Both operands are read through strides, so that one stored transposed needs no copy. Each
 * output's partial sum stays in a register, eight (or four) outputs at a time. Flushing partial
 * sums costs a compare per multiply-add, so it is skipped when it cannot change anything: if
 * every nonzero finite lhs element has exponent {@code >= ea} and every rhs one {@code >= eb},
 * each product is a multiple of {@code 2^(ea + eb - 46)}, and when that is at least
 * {@code 2^-126} (the smallest normal) so is every partial sum (a sum of multiples of a power of
 * two that is not below the smallest normal rounds to such a multiple again): none is ever
 * subnormal.
 */
final class Float32Product {
  /** The least {@code ea + eb} for which no partial sum can be subnormal (see above). */
  private static final int NO_SUBNORMAL_EXPONENT_SUM = Float.MIN_EXPONENT + 2 * 23;

  private Float32Product() {}

  /** The product (see below) with the operands' exponent bounds found here. */
  static float[] multiply(float[] x, int xm, int xk, float[] y, int yk, int yn, int batch, int m,
      int k, int n) {
    return multiply(x, LeastExponents.of(x), xm, xk, y, LeastExponents.of(y), yk, yn, batch, m, k,
        n);
  }

  /**
   * The row-major {@code (batch, m, n)} product; lhs element {@code (b, i, p)} is
   * {@code x[b * m * k + i * xm + p * xk]}, rhs element {@code (b, p, j)} is
   * {@code y[b * k * n + p * yk + j * yn]}; {@code ex} and {@code ey} bound the operands'
   * exponents ({@link LeastExponents}).
   */
  static float[] multiply(float[] x, int ex, int xm, int xk, float[] y, int ey, int yk, int yn,
      int batch, int m, int k, int n) {
    if (ex < Float.MIN_EXPONENT) {
      x = flushed(x);
      ex = LeastExponents.of(x);
    }
    if (ey < Float.MIN_EXPONENT) {
      y = flushed(y);
      ey = LeastExponents.of(y);
    }
    float init = k == 1 ? -0.0f : 0.0f;
    float[] c = new float[batch * m * n];
    boolean unflushed = ex + ey >= NO_SUBNORMAL_EXPONENT_SUM;
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < m; i++) {
        int xRow = b * m * k + i * xm;
        int cRow = (b * m + i) * n;
        int yBase = b * k * n;
        int j = 0;
        if (unflushed) {
          for (; j + 8 <= n; j += 8) {
            dot8(x, xRow, xk, y, yBase + j * yn, yk, yn, k, init, c, cRow + j);
          }
          if (j + 4 <= n) {
            dot4(x, xRow, xk, y, yBase + j * yn, yk, yn, k, init, c, cRow + j);
            j += 4;
          }
        }
        for (; j < n; j++) {
          c[cRow + j] = dot(x, xRow, xk, y, yBase + j * yn, yk, k, init, unflushed);
        }
      }
    }
    return c;
  }

  /**
   * Eight neighbouring outputs at once, as {@link #dot4}: eight independent chains of
   * multiply-adds keep both FMA units of a core busy.
   */
  private static void dot8(float[] x, int xFrom, int xk, float[] y, int yFrom, int yk, int yn,
      int k, float init, float[] c, int cFrom) {
    float acc0 = init;
    float acc1 = init;
    float acc2 = init;
    float acc3 = init;
    float acc4 = init;
    float acc5 = init;
    float acc6 = init;
    float acc7 = init;
    for (int p = 0; p < k; p++) {
      float xv = x[xFrom + p * xk];
      int at = yFrom + p * yk;
      acc0 = Math.fma(xv, y[at], acc0);
      acc1 = Math.fma(xv, y[at + yn], acc1);
      acc2 = Math.fma(xv, y[at + 2 * yn], acc2);
      acc3 = Math.fma(xv, y[at + 3 * yn], acc3);
      acc4 = Math.fma(xv, y[at + 4 * yn], acc4);
      acc5 = Math.fma(xv, y[at + 5 * yn], acc5);
      acc6 = Math.fma(xv, y[at + 6 * yn], acc6);
      acc7 = Math.fma(xv, y[at + 7 * yn], acc7);
    }
    c[cFrom] = acc0;
    c[cFrom + 1] = acc1;
    c[cFrom + 2] = acc2;
    c[cFrom + 3] = acc3;
    c[cFrom + 4] = acc4;
    c[cFrom + 5] = acc5;
    c[cFrom + 6] = acc6;
    c[cFrom + 7] = acc7;
  }

  /**
   * Four neighbouring outputs at once (columns {@code yFrom + t * yn}, {@code t < 4}), each
   * accumulated over {@code p} in order in its own register, without flushing.
   */
  private static void dot4(float[] x, int xFrom, int xk, float[] y, int yFrom, int yk, int yn,
      int k, float init, float[] c, int cFrom) {
    float acc0 = init;
    float acc1 = init;
    float acc2 = init;
    float acc3 = init;
    for (int p = 0; p < k; p++) {
      float xv = x[xFrom + p * xk];
      int at = yFrom + p * yk;
      acc0 = Math.fma(xv, y[at], acc0);
      acc1 = Math.fma(xv, y[at + yn], acc1);
      acc2 = Math.fma(xv, y[at + 2 * yn], acc2);
      acc3 = Math.fma(xv, y[at + 3 * yn], acc3);
    }
    c[cFrom] = acc0;
    c[cFrom + 1] = acc1;
    c[cFrom + 2] = acc2;
    c[cFrom + 3] = acc3;
  }

  /** One output accumulated over {@code p} in order, each sum flushed unless {@code unflushed}. */
  private static float dot(float[] x, int xFrom, int xk, float[] y, int yFrom, int yk, int k,
      float init, boolean unflushed) {
    float acc = init;
    for (int p = 0; p < k; p++) {
      acc = Math.fma(x[xFrom + p * xk], y[yFrom + p * yk], acc);
      if (!unflushed) {
        acc = Denormals.flush(acc);
      }
    }
    return acc;
  }

  private static float[] flushed(float[] f) {
    float[] copy = new float[f.length];
    for (int j = 0; j < f.length; j++) {
      copy[j] = Denormals.flush(f[j]);
    }
    return copy;
  }
}
