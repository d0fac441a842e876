package dev.flaxj.backend.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Float32Product} against the plain schedule it must reproduce: every operand and every
 * partial sum flushed, whichever loop the product takes.
 */
class Float32ProductTest {

  /**
   * The product accumulated from zero over {@code k} in order, lhs row-major {@code (batch, m, k)};
   * with {@code flush}, operands and every partial sum flushed to zero when subnormal.
   */
  private static float[] product(float[] x, float[] y, int batch, int m, int k, int n,
      boolean flush) {
    float[] c = new float[batch * m * n];
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          float acc = k == 1 ? -0.0f : 0.0f;
          for (int p = 0; p < k; p++) {
            float xv = x[(b * m + i) * k + p];
            float yv = y[(b * k + p) * n + j];
            acc = flush
                ? Denormals.flush(Math.fma(Denormals.flush(xv), Denormals.flush(yv), acc))
                : Math.fma(xv, yv, acc);
          }
          c[(b * m + i) * n + j] = acc;
        }
      }
    }
    return c;
  }

  /** Random floats with exponents in {@code [lo, hi]}, some zeros, random signs. */
  private static float[] floats(Random r, int size, int lo, int hi) {
    float[] f = new float[size];
    for (int i = 0; i < size; i++) {
      f[i] = r.nextInt(8) == 0 ? 0f
          : Math.scalb(1 + r.nextFloat(), lo + r.nextInt(hi - lo + 1)) * (r.nextBoolean() ? 1 : -1);
    }
    return f;
  }

  /** A row-major {@code (batch, m, k)} array stored as {@code (batch, k, m)}. */
  private static float[] transposed(float[] x, int batch, int m, int k) {
    float[] t = new float[x.length];
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < m; i++) {
        for (int p = 0; p < k; p++) {
          t[(b * k + p) * m + i] = x[(b * m + i) * k + p];
        }
      }
    }
    return t;
  }

  @Test
  void matchesTheFlushedScheduleAcrossTheSubnormalBoundary() {
    Random r = new Random(7);
    int flushingMattered = 0;
    for (int trial = 0; trial < 400; trial++) {
      int batch = 1 + r.nextInt(2);
      int m = 1 + r.nextInt(5);
      int k = 1 + r.nextInt(6);
      int n = 1 + r.nextInt(11);
      // exponent sums near -80 (the fast loop's bound) and far below it (partial sums underflow)
      int lo = trial % 2 == 0 ? -45 : -75;
      float[] x = floats(r, batch * m * k, lo, lo + 10);
      float[] y = floats(r, batch * k * n, lo, lo + 10);
      if (trial % 5 == 0) {
        x[0] = Float.MIN_VALUE * 3; // a subnormal operand
      }
      float[] expected = product(x, y, batch, m, k, n, true);
      float[] xt = transposed(x, batch, m, k);
      float[] yt = transposed(y, batch, k, n);
      assertArrayEquals(expected, Float32Product.multiply(x, k, 1, y, n, 1, batch, m, k, n),
          "trial " + trial);
      assertArrayEquals(expected, Float32Product.multiply(xt, 1, m, y, n, 1, batch, m, k, n),
          "trial " + trial + " (lhs stored transposed)");
      assertArrayEquals(expected, Float32Product.multiply(x, k, 1, yt, 1, k, batch, m, k, n),
          "trial " + trial + " (rhs stored transposed)");
      if (!Arrays.equals(expected, product(x, y, batch, m, k, n, false))) {
        flushingMattered++;
      }
    }
    assertTrue(flushingMattered > 50, "flushing changed only " + flushingMattered + " products");
  }

  @Test
  void keepsTheSignOfASingleZeroProductAndPropagatesInfinities() {
    float[] c = Float32Product.multiply(new float[] {-0.0f, Float.POSITIVE_INFINITY}, 1, 1,
        new float[] {2f}, 1, 1, 1, 2, 1, 1);
    assertArrayEquals(new float[] {-0.0f, Float.POSITIVE_INFINITY}, c);
  }
}
