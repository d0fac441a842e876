package dev.flaxj.accelerator.nd4j;

import static dev.flaxj.lax.ReductionPrimitives.REDUCE_MAX;
import static dev.flaxj.lax.ReductionPrimitives.REDUCE_MIN;
import static dev.flaxj.lax.ReductionPrimitives.REDUCE_PROD;
import static dev.flaxj.lax.ReductionPrimitives.REDUCE_SUM;

import dev.flaxj.lax.Primitive;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * ND4J kernels of the float reductions {@code reduce_sum}, {@code reduce_prod},
 * {@code reduce_max}, {@code reduce_min}. ND4J adds in its own (blocked, multi-threaded) order,
 * not XLA's, so sums and products agree with the reference only to rounding (a few ulp times
 * the length for ill-conditioned sums); max and min are exact. Delegated to the reference: integer
 * and bool reductions, argmax/argmin (XLA's NaN and tie rules) and the cumulative scans (XLA's
 * association order).
 */
final class ReductionNd4j {
  private ReductionNd4j() {}

  static void register(Map<Primitive, Nd4jKernel> t) {
    put(t, REDUCE_SUM, INDArray::sum);
    put(t, REDUCE_PROD, INDArray::prod);
    put(t, REDUCE_MAX, INDArray::max);
    put(t, REDUCE_MIN, INDArray::min);
  }

  private static void put(Map<Primitive, Nd4jKernel> t, Primitive p,
      BiFunction<INDArray, int[], INDArray> reduce) {
    t.put(p, new Nd4jKernel(Nd4jKernel.FLOATING, true, (in, params, out) -> {
      int[] axes = params.getInts("axes");
      INDArray x = in.get(0);
      return List.of(axes.length == 0 ? x : reduce.apply(x, axes));
    }));
  }
}
