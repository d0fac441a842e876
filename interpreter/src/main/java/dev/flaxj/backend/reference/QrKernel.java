package dev.flaxj.backend.reference;

import dev.flaxj.array.Array;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.backend.Kernel;
import dev.flaxj.lax.LinalgPrimitives;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import java.util.List;
import java.util.Map;

/**
 * Reference kernel of {@code qr} (reduced). A float32 matrix with {@code min(m, n) <= 128} goes
 * through {@link LapackSingleQr}, which repeats JAX's CPU computation bit for bit; anything else
 * through {@link HouseholderQr} in double precision, rounded to the operand's dtype (LAPACK's
 * blocked float32 path is not reproduced; the double-precision factors are at least as accurate).
 * Both follow LAPACK's Householder sign conventions, so the signs of q's columns and r's rows
 * match JAX's for tall, square and wide inputs.
 */
final class QrKernel {
  private QrKernel() {}

  static void register(Map<Primitive, Kernel> table) {
    table.put(LinalgPrimitives.QR, QrKernel::qr);
  }

  private static List<Array> qr(List<Array> in, Params params, List<ShapedArray> outAvals) {
    Array x = in.get(0);
    int[] dims = x.shape().dims();
    int m = dims[dims.length - 2];
    int n = dims[dims.length - 1];
    int k = Math.min(m, n);
    ShapedArray qAval = outAvals.get(0);
    ShapedArray rAval = outAvals.get(1);
    Object q = Array.allocate(qAval);
    Object r = Array.allocate(rAval);
    // With m or n zero, k is zero and both factors are empty: nothing to compute.
    int batch = k == 0 ? 0 : x.size() / (m * n);
    if (q instanceof float[] && k <= LapackSingleQr.UNBLOCKED_LIMIT) {
      singleQr(x, m, n, batch, (float[]) q, (float[]) r);
      return List.of(Array.wrap(qAval, q), Array.wrap(rAval, r));
    }
    double[] a = new double[m * n];
    double[] qm = new double[m * k];
    double[] rm = new double[k * n];
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < m * n; i++) {
        a[i] = x.getDouble(b * m * n + i);
      }
      HouseholderQr.factor(a, m, n, qm, rm);
      store(qm, q, b * m * k, m * k);
      store(rm, r, b * k * n, k * n);
    }
    return List.of(Array.wrap(qAval, q), Array.wrap(rAval, r));
  }

  private static void singleQr(Array x, int m, int n, int batch, float[] q, float[] r) {
    int k = Math.min(m, n);
    float[] a = new float[m * n];
    float[] qm = new float[m * k];
    float[] rm = new float[k * n];
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < m * n; i++) {
        a[i] = (float) x.getDouble(b * m * n + i);
      }
      LapackSingleQr.factor(a, m, n, qm, rm);
      System.arraycopy(qm, 0, q, b * m * k, m * k);
      System.arraycopy(rm, 0, r, b * k * n, k * n);
    }
  }

  /** Copies {@code count} doubles to {@code out} at {@code offset}, rounding if it holds floats. */
  private static void store(double[] values, Object out, int offset, int count) {
    if (out instanceof float[]) {
      float[] f = (float[]) out;
      for (int i = 0; i < count; i++) {
        f[offset + i] = (float) values[i];
      }
    } else {
      System.arraycopy(values, 0, out, offset, count);
    }
  }
}
