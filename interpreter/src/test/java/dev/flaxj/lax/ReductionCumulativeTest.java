package dev.flaxj.lax;

import static dev.flaxj.lax.ReductionTestSupport.NAN;
import static dev.flaxj.lax.ReductionTestSupport.asArray;
import static dev.flaxj.lax.ReductionTestSupport.assertFloats;
import static dev.flaxj.lax.ReductionTestSupport.assertInts;
import static dev.flaxj.lax.ReductionTestSupport.assertRejects;
import static dev.flaxj.lax.ReductionTestSupport.dims;
import static dev.flaxj.lax.ReductionTestSupport.bvec;
import static dev.flaxj.lax.ReductionTestSupport.uvec;
import static dev.flaxj.lax.ReductionTestSupport.ivec;
import static dev.flaxj.lax.ReductionTestSupport.vec;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import org.junit.jupiter.api.Test;

/** cumsum, cumprod, cummax, cummin. */
class ReductionCumulativeTest {
  private static final Array M23 = Array.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);

  @Test
  void cumsumForwardAndReverseAlongEachAxis() {
    assertFloats(dims(2, 3), new float[] {1, 3, 6, 4, 9, 15}, Lax.cumsum(M23, 1, false));
    assertFloats(dims(2, 3), new float[] {6, 5, 3, 15, 11, 6}, Lax.cumsum(M23, 1, true));
    assertFloats(dims(2, 3), new float[] {1, 2, 3, 5, 7, 9}, Lax.cumsum(M23, 0, false));
    assertFloats(dims(2, 3), new float[] {5, 7, 9, 4, 5, 6}, Lax.cumsum(M23, 0, true));
  }

  @Test
  void longIntegerScansAreExact() {
    int n = 300;
    int[] x = new int[n];
    int[] forward = new int[n];
    int[] backward = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] = i * 7 - 1000;
    }
    for (int i = 0, s = 0; i < n; i++) {
      forward[i] = s += x[i];
    }
    for (int i = n - 1, s = 0; i >= 0; i--) {
      backward[i] = s += x[i];
    }
    assertInts(dims(n), DType.INT32, forward, Lax.cumsum(ivec(x), 0, false));
    assertInts(dims(n), DType.INT32, backward, Lax.cumsum(ivec(x), 0, true));
  }

  @Test
  void cumprodCummaxCumminOnIntegersAndFloats() {
    // from jax 0.10.2: cumprod([1, 2, 3, 4], reverse=True) = [24, 24, 12, 4]
    assertInts(dims(4), DType.INT32, new int[] {24, 24, 12, 4},
        Lax.cumprod(ivec(1, 2, 3, 4), 0, true));
    assertInts(dims(5), DType.INT32, new int[] {3, 3, 4, 4, 9},
        Lax.cummax(ivec(3, 1, 4, 1, 9), 0, false));
    assertInts(dims(5), DType.UINT32, new int[] {-1, 1, 1, 1, 1},
        Lax.cummin(uvec(-1, 1, 4, 1, 9), 0, false));
    assertFloats(dims(5), new float[] {1, 1, 1, 1, 9},
        Lax.cummin(vec(3, 1, 4, 1, 9), 0, true));
  }

  @Test
  void nanPropagatesThroughCummaxAndCummin() {
    // from jax 0.10.2: cummax([1, nan, 3, 4]) = [1, nan, nan, nan],
    // cummin([3, 1, 2, nan, 0], reverse=True) = [nan, nan, nan, nan, 0]
    assertFloats(dims(4), new float[] {1, NAN, NAN, NAN},
        Lax.cummax(vec(1, NAN, 3, 4), 0, false));
    assertFloats(dims(5), new float[] {NAN, NAN, NAN, NAN, 0},
        Lax.cummin(vec(3, 1, 2, NAN, 0), 0, true));
  }

  @Test
  void lengthOneKeepsMinusZeroLongerLanesDoNot() {
    // from jax 0.10.2: cumsum([-0.]) = [-0.], cumsum([-0., -0.]) = [0., 0.]
    assertFloats(dims(1), new float[] {-0f}, Lax.cumsum(vec(-0f), 0, false));
    assertFloats(dims(2), new float[] {0f, 0f},
        Lax.cumsum(vec(-0f, -0f), 0, false));
  }

  @Test
  void zeroSizeAndWeakType() {
    assertFloats(dims(0, 3), new float[0], Lax.cumsum(Array.of(new float[0], 0, 3), 0, false));
    assertFloats(dims(3, 0), new float[0], Lax.cumprod(Array.of(new float[0], 3, 0), 0, true));
    assertTrue(asArray(Lax.cumsum(vec(1, 2).withWeakType(true), 0, false))
        .weakType());
  }

  @Test
  void badInputIsRejected() {
    assertRejects(() -> Lax.cumsum(M23, -1, false), "cumsum", "negative axis -1");
    assertRejects(() -> Lax.cumsum(M23, 2, false), "cumsum", "axis 2", "f32[2,3]");
    assertRejects(() -> Lax.cumsum(bvec(true), 0, false), "cumsum", "bool");
    assertRejects(() -> Lax.cummax(Array.scalar(1f), 0, false), "cummax", "axis 0", "f32[]");
  }
}
