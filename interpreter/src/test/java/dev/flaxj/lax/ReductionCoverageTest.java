package dev.flaxj.lax;

import static dev.flaxj.lax.ReductionTestSupport.assertInts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The XLA-order reduction and scan schedules visit every element exactly once: on random
 * shapes (with dimensions past the window of 32 and the scan tile of 16, and lanes long enough
 * for several recursion levels) integer results, which do not depend on the order, equal a
 * naive loop.
 */
class ReductionCoverageTest {
  private final Random random = new Random(20240611);

  private int[] randomShape() {
    int rank = 1 + random.nextInt(3);
    int[] dims = new int[rank];
    for (int a = 0; a < rank; a++) {
      dims[a] = random.nextInt(rank == 1 ? 1200 : 75);
    }
    return dims;
  }

  private Array randomInts(int[] dims) {
    int[] v = new int[Shape.of(dims).size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = random.nextInt(2001) - 1000;
    }
    return Array.of(v, dims);
  }

  @Test
  void reductionsOverRandomAxesEqualANaiveLoop() {
    for (int trial = 0; trial < 60; trial++) {
      int[] dims = randomShape();
      Array x = randomInts(dims);
      int mask = random.nextInt(1 << dims.length);
      int[] axes = java.util.stream.IntStream.range(0, dims.length)
          .filter(a -> (mask >> a & 1) == 1).toArray();
      int[] outDims = java.util.stream.IntStream.range(0, dims.length)
          .filter(a -> (mask >> a & 1) == 0).map(a -> dims[a]).toArray();
      int[] sums = new int[Shape.of(outDims).size()];
      int[] maxima = new int[sums.length];
      java.util.Arrays.fill(maxima, Integer.MIN_VALUE);
      int[] strides = Shape.of(dims).strides();
      for (int i = 0; i < x.size(); i++) {
        int o = 0;
        for (int a = 0; a < dims.length; a++) {
          if ((mask >> a & 1) == 0) {
            o = o * dims[a] + i / strides[a] % dims[a];
          }
        }
        sums[o] += x.rawInts()[i];
        maxima[o] = Math.max(maxima[o], x.rawInts()[i]);
      }
      assertInts(outDims, DType.INT32, sums, Lax.reduceSum(x, axes));
      assertInts(outDims, DType.INT32, maxima, Lax.reduceMax(x, axes));
    }
  }

  @Test
  void scansAlongRandomAxesEqualANaiveLoop() {
    for (int trial = 0; trial < 40; trial++) {
      int[] dims = trial == 0 ? new int[] {5000} : randomShape();
      if (dims.length == 0) {
        continue;
      }
      Array x = randomInts(dims);
      int axis = random.nextInt(dims.length);
      boolean reverse = random.nextBoolean();
      int len = dims[axis];
      int stride = Shape.of(dims).strides()[axis];
      int[] expected = new int[x.size()];
      for (int i = 0; i < x.size(); i++) {
        int pos = i / stride % len;
        int start = i - pos * stride;
        int s = 0;
        for (int p = reverse ? pos : 0; p <= (reverse ? len - 1 : pos); p++) {
          s += x.rawInts()[start + p * stride];
        }
        expected[i] = s;
      }
      assertArrayEquals(expected, ((Array) Lax.cumsum(x, axis, reverse)).rawInts(),
          "cumsum of " + Shape.of(dims) + " along " + axis + (reverse ? " reversed" : ""));
    }
  }
}
