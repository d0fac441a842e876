package dev.flaxj.lax;

import static dev.flaxj.lax.ReductionTestSupport.INF;
import static dev.flaxj.lax.ReductionTestSupport.NAN;
import static dev.flaxj.lax.ReductionTestSupport.asArray;
import static dev.flaxj.lax.ReductionTestSupport.assertInts;
import static dev.flaxj.lax.ReductionTestSupport.assertRejects;
import static dev.flaxj.lax.ReductionTestSupport.dims;
import static dev.flaxj.lax.ReductionTestSupport.bvec;
import static dev.flaxj.lax.ReductionTestSupport.uvec;
import static dev.flaxj.lax.ReductionTestSupport.ivec;
import static dev.flaxj.lax.ReductionTestSupport.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import org.junit.jupiter.api.Test;

/** argmax and argmin. */
class ReductionArgTest {

  private static int argmax(float... v) {
    return asArray(Lax.argmax(vec(v), 0, DType.INT32)).rawInts()[0];
  }

  private static int argmin(float... v) {
    return asArray(Lax.argmin(vec(v), 0, DType.INT32)).rawInts()[0];
  }

  @Test
  void firstOccurrenceWins() {
    assertInts(dims(), DType.INT32, new int[] {1}, Lax.argmax(ivec(1, 5, 5), 0,
        DType.INT32));
    assertInts(dims(), DType.INT32, new int[] {0}, Lax.argmin(ivec(1, 5, 1), 0,
        DType.INT32));
    // from jax 0.10.2: argmax([0., -0.]) = 0, argmin([0., -0.]) = 0 (equal values)
    assertEquals(0, argmax(0f, -0f));
    assertEquals(0, argmin(0f, -0f));
    // from jax 0.10.2: argmin([inf, inf]) = 0, argmax([-inf, -inf]) = 0
    assertEquals(0, argmin(INF, INF));
    assertEquals(0, argmax(-INF, -INF));
  }

  @Test
  void theFirstNanCountsAsTheExtremeForBoth() {
    // from jax 0.10.2: argmax([1, nan, 3]) = 1, argmin([1, nan, 3, nan]) = 1,
    // argmax([nan, nan]) = 0
    assertEquals(1, argmax(1, NAN, 3));
    assertEquals(1, argmin(1, NAN, 3, NAN));
    assertEquals(0, argmax(NAN, NAN));
  }

  @Test
  void alongEitherAxisOfAMatrix() {
    Array x = Array.of(new float[] {3, 9, 1, 7, 2, 8}, 2, 3);
    assertInts(dims(3), DType.INT32, new int[] {1, 0, 1}, Lax.argmax(x, 0, DType.INT32));
    assertInts(dims(2), DType.INT32, new int[] {1, 2}, Lax.argmax(x, 1, DType.INT32));
    assertInts(dims(2), DType.INT32, new int[] {2, 1}, Lax.argmin(x, 1, DType.INT32));
    assertInts(dims(3), DType.INT32, new int[] {0, 1, 0}, Lax.argmin(x, 0, DType.INT32));
  }

  @Test
  void boolsUnsignedIndexTypeAndZeroSizeOtherAxes() {
    // from jax 0.10.2: argmax([False, True, True]) = 1; argmax([1, 5, 5], index_dtype=uint32) = 1
    assertInts(dims(), DType.INT32, new int[] {1},
        Lax.argmax(bvec(false, true, true), 0, DType.INT32));
    assertInts(dims(), DType.UINT32, new int[] {1},
        Lax.argmax(ivec(1, 5, 5), 0, DType.UINT32));
    assertInts(dims(), DType.INT32, new int[] {0},
        Lax.argmax(uvec(-1, 5), 0, DType.INT32));
    assertInts(dims(0), DType.INT32, new int[0],
        Lax.argmin(Array.of(new float[0], 0, 4), 1, DType.INT32));
    assertFalse(asArray(Lax.argmax(vec(1, 2).withWeakType(true), 0,
        DType.INT32)).weakType());
  }

  @Test
  void badInputIsRejected() {
    Array x = Array.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertRejects(() -> Lax.argmax(x, 2, DType.INT32), "argmax", "axis 2", "f32[2,3]");
    assertRejects(() -> Lax.argmin(x, -1, DType.INT32), "argmin", "axis -1");
    assertRejects(() -> Lax.argmax(Array.of(new float[0], 2, 0), 1, DType.INT32),
        "argmax", "non-empty", "f32[2,0]");
    assertRejects(() -> Lax.argmax(x, 0, DType.FLOAT32), "argmax", "index_dtype", "float32");
    assertRejects(() -> Lax.argmax(Array.scalar(1f), 0, DType.INT32), "argmax", "axis 0");
  }
}
