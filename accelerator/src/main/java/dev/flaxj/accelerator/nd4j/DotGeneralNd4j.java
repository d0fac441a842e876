package dev.flaxj.accelerator.nd4j;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.lax.DotDimensionNumbers;
import dev.flaxj.lax.DotGeneralPrimitive;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.lax.ShapePrimitives;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code dot_general} on BLAS: the operands are viewed as {@code (batch, M, K)} and
 * {@code (batch, K, N)} matrices, multiplied by ND4J's matmul (gemm, batched when there are batch
 * dimensions) and reshaped to the output. An operand stored with its contracting axes before
 * its free axes is read transposed by gemm; only other axis orders are copied into place first. Only float operands and results of one dtype run
 * here; integer, bool and mixed-precision dots go to the reference kernel.
 *
 * <p>Not bit-exact: BLAS blocks the contraction and accumulates in another order than the
 * reference's sequential fused multiply-add, so results differ by rounding (a few ulp times
 * the contraction length relative to the sum of |products|).
 */
final class DotGeneralNd4j {
  private DotGeneralNd4j() {}

  static void register(Map<Primitive, Nd4jKernel> t) {
    t.put(DotGeneralPrimitive.DOT_GENERAL,
        new Nd4jKernel(DotGeneralNd4j::sameFloat, true, DotGeneralNd4j::apply));
  }

  /** The multiply-adds of this call: output elements times the contracted size. */
  static long multiplyAdds(List<Array> in, Params p, List<ShapedArray> out) {
    DotDimensionNumbers dn = (DotDimensionNumbers) p.get("dimension_numbers");
    long k = 1;
    for (int a : dn.lhsContracting()) {
      k *= in.get(0).shape().dim(a);
    }
    return k * out.get(0).shape().size();
  }

  private static boolean sameFloat(List<Array> in, Params p, List<ShapedArray> out) {
    DType d = out.get(0).dtype();
    return d.isFloating() && in.get(0).dtype() == d && in.get(1).dtype() == d;
  }

  private static List<INDArray> apply(List<INDArray> in, Params p, List<ShapedArray> outAvals) {
    DotDimensionNumbers dn = (DotDimensionNumbers) p.get("dimension_numbers");
    INDArray lhs = in.get(0);
    INDArray rhs = in.get(1);
    int[] lhsFree = dn.lhsFree(lhs.rank());
    int[] rhsFree = dn.rhsFree(rhs.rank());
    long batch = size(lhs, dn.lhsBatch());
    long m = size(lhs, lhsFree);
    long k = size(lhs, dn.lhsContracting());
    long n = size(rhs, rhsFree);
    // (batch, m, k) as stored, or stored as (batch, k, m) and read transposed by gemm
    boolean transA = dn.lhsTransposed(lhs.rank());
    boolean transB = dn.rhsTransposed(rhs.rank());
    INDArray a = transA ? matrices(lhs, batch, k, m)
        : arranged(lhs, dn.lhsProductOrder(lhs.rank()), batch, m, k);
    INDArray b = transB ? matrices(rhs, batch, n, k)
        : arranged(rhs, dn.rhsProductOrder(rhs.rank()), batch, k, n);
    INDArray c = Nd4j.matmul(a, b, transA, transB, false);
    return List.of(c.reshape('c', NdArrays.longs(outAvals.get(0).shape().dims())));
  }

  /**
   * {@code x}'s axes in order {@code perm}, as a c-order {@code (rows, cols)} array, or
   * {@code (batch, rows, cols)} if {@code batch > 1}; copied only if {@code perm} moves an axis.
   */
  private static INDArray arranged(INDArray x, int[] perm, long batch, long rows, long cols) {
    INDArray moved = ShapePrimitives.isIdentityPermutation(perm) ? x : x.permute(perm).dup('c');
    return matrices(moved, batch, rows, cols);
  }

  /** The c-order {@code x} viewed as {@code (rows, cols)}, or {@code (batch, rows, cols)}. */
  private static INDArray matrices(INDArray x, long batch, long rows, long cols) {
    return batch == 1 ? x.reshape('c', rows, cols) : x.reshape('c', batch, rows, cols);
  }

  private static long size(INDArray x, int[] axes) {
    long s = 1;
    for (int a : axes) {
      s *= x.size(a);
    }
    return s;
  }
}
