package dev.flaxj.accelerator.nd4j;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.lax.DotDimensionNumbers;
import dev.flaxj.lax.DotGeneralPrimitive;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code dot_general} on BLAS: the operands are permuted to {@code (batch, M, K)} and
 * {@code (batch, K, N)}, multiplied by gemm (one call, or ND4J's batched matmul when there are
 * batch dimensions) and reshaped to the output. Only float operands and results of one dtype run
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
    INDArray a = arranged(lhs, dn.lhsProductOrder(lhs.rank()), batch, m, k);
    INDArray b = arranged(rhs, dn.rhsProductOrder(rhs.rank()), batch, k, n);
    INDArray c = batch == 1
        ? a.reshape('c', m, k).mmul(b.reshape('c', k, n))
        : Nd4j.matmul(a, b);
    return List.of(c.reshape('c', NdArrays.longs(outAvals.get(0).shape().dims())));
  }

  /** {@code x}'s axes in order {@code perm}, as a c-order {@code (batch, rows, cols)} array. */
  private static INDArray arranged(INDArray x, int[] perm, long batch, long rows, long cols) {
    INDArray moved = x.rank() == 0 ? x : x.permute(perm);
    return moved.dup('c').reshape('c', batch, rows, cols);
  }

  private static long size(INDArray x, int[] axes) {
    long s = 1;
    for (int a : axes) {
      s *= x.size(a);
    }
    return s;
  }
}
