package dev.flaxj.accelerator.nd4j;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.lax.Params;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.openblas.global.openblas;

/**
 * float32 {@code reduce_sum} over a leading or a trailing block of axes on the CPU, as a
 * matrix-vector product with a vector of ones ({@code cblas_sgemv} of nd4j-native's OpenBLAS on
 * the Java arrays, like {@link BlasDot}): the operand viewed as {@code [reduced, kept]} is
 * multiplied transposed, viewed as {@code [kept, reduced]} directly. These are the sums reverse
 * mode makes (bias gradients over the batch, the loss over everything). Not bit-exact with the
 * reference: BLAS adds in blocks, as ND4J's own sums do ({@link ReductionNd4j}).
 */
final class BlasReduceSum {
  /**
   * Vectors of ones by length, never written once published. Each has exactly its length: the
   * Java array handed to BLAS is copied whole into native memory on every call, so a longer one
   * (from an earlier larger sum) would cost its full length each time.
   */
  private static final Map<Integer, float[]> ONES = new ConcurrentHashMap<>();

  private BlasReduceSum() {}

  static boolean accepts(Array x, Params p) {
    if (x.dtype() != DType.FLOAT32 || x.size() == 0) {
      return false;
    }
    int[] axes = sortedAxes(p);
    return axes.length > 0 && contiguous(axes)
        && (axes[0] == 0 || axes[axes.length - 1] == x.rank() - 1);
  }

  static Array apply(Array x, Params p, ShapedArray out) {
    int[] axes = sortedAxes(p);
    int reduced = 1;
    for (int a : axes) {
      reduced *= x.shape().dim(a);
    }
    int kept = x.size() / reduced;
    float[] a = NdArrays.flushed(x.rawFloats());
    float[] y = new float[kept];
    if (axes[axes.length - 1] == x.rank() - 1) {
      // [kept, reduced] times ones
      openblas.cblas_sgemv(openblas.CblasRowMajor, openblas.CblasNoTrans, kept, reduced, 1f, a,
          reduced, ones(reduced), 1, 0f, y, 1);
    } else {
      // [reduced, kept] transposed times ones
      openblas.cblas_sgemv(openblas.CblasRowMajor, openblas.CblasTrans, reduced, kept, 1f, a,
          kept, ones(reduced), 1, 0f, y, 1);
    }
    return Array.wrap(out, NdArrays.flushInPlace(y));
  }

  /** A vector of exactly {@code n} ones. */
  static float[] ones(int n) {
    return ONES.computeIfAbsent(n, length -> {
      float[] o = new float[length];
      Arrays.fill(o, 1f);
      return o;
    });
  }

  private static int[] sortedAxes(Params p) {
    int[] axes = p.getInts("axes").clone();
    Arrays.sort(axes);
    return axes;
  }

  private static boolean contiguous(int[] sorted) {
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] != sorted[i - 1] + 1) {
        return false;
      }
    }
    return true;
  }
}
