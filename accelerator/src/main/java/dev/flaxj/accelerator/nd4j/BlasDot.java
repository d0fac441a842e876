package dev.flaxj.accelerator.nd4j;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.backend.reference.ReferenceBackend;
import dev.flaxj.lax.DotDimensionNumbers;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.ShapePrimitives;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;

/**
 * {@code dot_general} on the CPU through the OpenBLAS that nd4j-native bundles, called on the
 * Java arrays ({@code cblas_sgemm} through JavaCPP's array overload): no INDArray, no ND4J op
 * dispatch, so a small product costs about a microsecond. JavaCPP still hands each array to the
 * native call through JNI, which copies it (for a 1 MB operand about a quarter of a 512x512
 * GEMM's time). Operands stored in product order or transposed
 * ({@link DotDimensionNumbers#lhsTransposed}) are passed as they are; other axis orders are
 * transposed first. With batch dimensions the operands are copied off heap once and a GEMM runs
 * per batch element (the array overload cannot start in the middle of an array).
 *
 * <p>float32 only (float64 dots go to {@link DotGeneralNd4j}), subnormal operands and
 * results flushed to zero (XLA on CPU), not bit-exact with the reference (BLAS blocks the
 * contraction). On nd4j-cuda ({@code -Pcuda}) dots go to {@link DotGeneralNd4j} instead.
 */
final class BlasDot {
  private BlasDot() {}

  static boolean accepts(List<Array> in, List<ShapedArray> out) {
    return out.get(0).dtype() == DType.FLOAT32 && in.get(0).dtype() == DType.FLOAT32
        && in.get(1).dtype() == DType.FLOAT32;
  }

  static Array apply(List<Array> in, Params p, ShapedArray out) {
    DotDimensionNumbers dn = (DotDimensionNumbers) p.get("dimension_numbers");
    Array lhs = in.get(0);
    Array rhs = in.get(1);
    int batch = size(lhs, dn.lhsBatch());
    int m = size(lhs, dn.lhsFree(lhs.rank()));
    int k = size(lhs, dn.lhsContracting());
    int n = size(rhs, dn.rhsFree(rhs.rank()));
    boolean transA = dn.lhsTransposed(lhs.rank());
    boolean transB = dn.rhsTransposed(rhs.rank());
    Array a = transA ? lhs : arranged(lhs, dn.lhsProductOrder(lhs.rank()));
    Array b = transB ? rhs : arranged(rhs, dn.rhsProductOrder(rhs.rank()));
    int lda = transA ? m : k;
    int ldb = transB ? k : n;
    int ta = transA ? openblas.CblasTrans : openblas.CblasNoTrans;
    int tb = transB ? openblas.CblasTrans : openblas.CblasNoTrans;
    float[] x = NdArrays.flushed(a.rawFloats());
    float[] y = NdArrays.flushed(b.rawFloats());
    float[] c = new float[batch * m * n];
    if (batch == 1) {
      openblas.cblas_sgemm(openblas.CblasRowMajor, ta, tb, m, n, k, 1f, x, lda, y, ldb, 0f, c, n);
      return Array.wrap(out, NdArrays.flushInPlace(c));
    }
    // one off-heap copy per operand, a GEMM per batch element at its offset
    try (FloatPointer px = new FloatPointer(x); FloatPointer py = new FloatPointer(y);
        FloatPointer pc = new FloatPointer((long) c.length)) {
      for (int i = 0; i < batch; i++) {
        openblas.cblas_sgemm(openblas.CblasRowMajor, ta, tb, m, n, k, 1f,
            px.position((long) i * m * k), lda, py.position((long) i * k * n), ldb, 0f,
            pc.position((long) i * m * n), n);
      }
      pc.position(0).get(c);
    }
    return Array.wrap(out, NdArrays.flushInPlace(c));
  }

  /** {@code x} with its axes in order {@code perm} (itself if that is its order). */
  private static Array arranged(Array x, int[] perm) {
    if (ShapePrimitives.isIdentityPermutation(perm)) {
      return x;
    }
    ShapedArray moved = x.aval().withShape(Shape.of(pick(x.shape().dims(), perm)));
    return ReferenceBackend.INSTANCE.execute(ShapePrimitives.TRANSPOSE, List.of(x),
        Params.of("permutation", perm), List.of(moved)).get(0);
  }

  private static int[] pick(int[] dims, int[] perm) {
    int[] out = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      out[i] = dims[perm[i]];
    }
    return out;
  }

  private static int size(Array x, int[] axes) {
    int s = 1;
    for (int a : axes) {
      s *= x.shape().dim(a);
    }
    return s;
  }
}
