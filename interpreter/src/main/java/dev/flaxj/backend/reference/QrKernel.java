package dev.flaxj.backend.reference;

import dev.flaxj.array.Array;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.backend.Kernel;
import dev.flaxj.lax.LinalgPrimitives;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Reference kernel of {@code qr} (reduced): EJML's Householder QR in double precision, rounded to
 * the operand's dtype. LAPACK's float32 QR (what JAX calls) is not reproducible bit for bit; the
 * double-precision factors are at least as accurate, and the sign conventions of Q and R that a
 * caller cares about are fixed by normalising with {@code sign(diag(r))}, as JAX's orthogonal does.
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
    DMatrixRMaj a = new DMatrixRMaj(m, n);
    DMatrixRMaj qm = new DMatrixRMaj(m, k);
    DMatrixRMaj rm = new DMatrixRMaj(k, n);
    QRDecomposition<DMatrixRMaj> decomposition = DecompositionFactory_DDRM.qr(m, n);
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < m * n; i++) {
        a.data[i] = x.getDouble(b * m * n + i);
      }
      if (!decomposition.decompose(a)) {
        throw new ArithmeticException("qr: EJML failed to decompose a " + m + "x" + n + " matrix");
      }
      decomposition.getQ(qm, true);
      decomposition.getR(rm, true);
      store(qm.data, q, b * m * k, m * k);
      store(rm.data, r, b * k * n, k * n);
    }
    return List.of(Array.wrap(qAval, q), Array.wrap(rAval, r));
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
