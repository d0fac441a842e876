package dev.flaxj.lax;

import static dev.flaxj.lax.ReductionTestSupport.INF;
import static dev.flaxj.lax.ReductionTestSupport.NAN;
import static dev.flaxj.lax.ReductionTestSupport.asArray;
import static dev.flaxj.lax.ReductionTestSupport.assertBools;
import static dev.flaxj.lax.ReductionTestSupport.assertFloats;
import static dev.flaxj.lax.ReductionTestSupport.assertInts;
import static dev.flaxj.lax.ReductionTestSupport.assertRejects;
import static dev.flaxj.lax.ReductionTestSupport.bvec;
import static dev.flaxj.lax.ReductionTestSupport.dims;
import static dev.flaxj.lax.ReductionTestSupport.ivec;
import static dev.flaxj.lax.ReductionTestSupport.uvec;
import static dev.flaxj.lax.ReductionTestSupport.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sort with one or more keys and payload operands. */
class SortTest {

  private static List<Value> sort(int dimension, int numKeys, Value... operands) {
    return Lax.sort(dimension, true, numKeys, operands);
  }

  @Test
  void floatsSortInJaxTotalOrderKeepingTheirBits() {
    float negNan = Float.intBitsToFloat(0xffc00000);
    Array x = vec(3, -0f, NAN, 0f, -INF, negNan, 1, INF);
    List<Value> out = sort(0, 1, x, ivec(0, 1, 2, 3, 4, 5, 6, 7));
    // from jax 0.10.2: lax.sort((x, iota), num_keys=1) gives indices [4 1 3 6 0 7 2 5]:
    // -0.0 equals 0.0 and NaNs of either sign are equal and last, so stability decides
    assertInts(dims(8), DType.INT32, new int[] {4, 1, 3, 6, 0, 7, 2, 5}, out.get(1));
    float[] sorted = asArray(out.get(0)).rawFloats();
    int[] bits = new int[8];
    for (int i = 0; i < 8; i++) {
      bits[i] = Float.floatToRawIntBits(sorted[i]);
    }
    assertArrayEquals(new int[] {Float.floatToRawIntBits(-INF), Float.floatToRawIntBits(-0f), 0,
        Float.floatToRawIntBits(1f), Float.floatToRawIntBits(3f), Float.floatToRawIntBits(INF),
        Float.floatToRawIntBits(NAN), 0xffc00000}, bits);
  }

  @Test
  void subnormalsCompareEqualToZero() {
    float d = 1e-40f;
    // from jax 0.10.2: argsort([2d, d, 0., -d]) = [0, 1, 2, 3]
    assertInts(dims(4), DType.INT32, new int[] {0, 1, 2, 3},
        sort(0, 1, vec(2 * d, d, 0, -d), ivec(0, 1, 2, 3)).get(1));
  }

  @Test
  void twoKeysSortLexicographicallyAndPermuteThePayload() {
    // from jax 0.10.2: lax.sort(([2, 1, 2, 1], [1., 2, 0, 0], arange(4)), num_keys=2)
    // = ([1, 1, 2, 2], [0., 2, 0, 1], [3, 1, 2, 0])
    List<Value> out = sort(0, 2, ivec(2, 1, 2, 1), vec(1, 2, 0, 0), ivec(0, 1, 2, 3));
    assertInts(dims(4), DType.INT32, new int[] {1, 1, 2, 2}, out.get(0));
    assertFloats(dims(4), new float[] {0, 2, 0, 1}, out.get(1));
    assertInts(dims(4), DType.INT32, new int[] {3, 1, 2, 0}, out.get(2));
    // With one key only, the second operand is payload and ties keep their order.
    List<Value> one = sort(0, 1, ivec(2, 1, 2, 1), vec(1, 2, 0, 0));
    assertFloats(dims(4), new float[] {2, 0, 1, 0}, one.get(1));
  }

  @Test
  void equalKeysKeepTheirOrder() {
    List<Value> out = sort(0, 1, vec(1, 0, 1, 0, 1, 0), ivec(0, 1, 2, 3, 4, 5));
    assertInts(dims(6), DType.INT32, new int[] {1, 3, 5, 0, 2, 4}, out.get(1));
  }

  @Test
  void uint32KeysCompareUnsignedBoolsFalseFirstFloat64Too() {
    // from jax 0.10.2: lax.sort((uint32 [2, 1, 2, 1], arange(4))) = ([1, 1, 2, 2], [1, 3, 0, 2])
    List<Value> out = sort(0, 1, uvec(2, 1, 2, 1), ivec(0, 1, 2, 3));
    assertInts(dims(4), DType.UINT32, new int[] {1, 1, 2, 2}, out.get(0));
    assertInts(dims(4), DType.INT32, new int[] {1, 3, 0, 2}, out.get(1));
    assertInts(dims(3), DType.UINT32, new int[] {5, 0x7fffffff, -1},
        sort(0, 1, uvec(-1, 5, 0x7fffffff)).get(0));
    // from jax 0.10.2: lax.sort([True, False, True]) = [False, True, True]
    assertBools(dims(3), new boolean[] {false, true, true},
        sort(0, 1, bvec(true, false, true)).get(0));
    Array d = asArray(sort(0, 1, Array.of(new double[] {2.5, Double.NaN, -1, -0.0}, 4)).get(0));
    assertEquals(-1, d.rawDoubles()[0]);
    assertEquals(0, Double.compare(-0.0, d.rawDoubles()[1]));
    assertEquals(2.5, d.rawDoubles()[2]);
    assertTrue(Double.isNaN(d.rawDoubles()[3]));
  }

  @Test
  void sortsAlongEitherDimensionOfAMatrix() {
    Array m = Array.of(new float[] {3, 1, 2, 0, 5, -1}, 2, 3);
    assertFloats(dims(2, 3), new float[] {1, 2, 3, -1, 0, 5}, sort(1, 1, m).get(0));
    assertFloats(dims(2, 3), new float[] {1, 2, 3, -1, 0, 5}, sort(-1, 1, m).get(0));
    assertFloats(dims(2, 3), new float[] {0, 1, -1, 3, 5, 2}, sort(0, 1, m).get(0));
  }

  @Test
  void zeroSizeLanesAndKeyPayloads() {
    assertFloats(dims(0, 3), new float[0], sort(0, 1, Array.of(new float[0], 0, 3)).get(0));
    assertFloats(dims(2, 0), new float[0], sort(1, 1, Array.of(new float[0], 2, 0)).get(0));
    Array keys = Array.ofWords(DType.KEY, new int[] {10, 11, 20, 21, 30, 31}, 3);
    Value permuted = sort(0, 1, vec(2, 0, 1), keys).get(1);
    assertArrayEquals(new int[] {20, 21, 30, 31, 10, 11}, asArray(permuted).rawInts());
    assertEquals(DType.KEY, permuted.dtype());
  }

  @Test
  void badInputIsRejected() {
    assertRejects(() -> sort(0, 1, Array.of(new float[6], 2, 3), vec(1, 2, 3)), "sort",
        "equal shapes", "f32[2,3]", "f32[3]");
    assertRejects(() -> sort(0, 3, vec(1), vec(2)), "sort", "num_keys=3", "between 1 and");
    assertRejects(() -> sort(0, 0, vec(1)), "sort", "num_keys=0");
    assertRejects(() -> sort(2, 1, Array.of(new float[6], 2, 3)), "sort", "axis 2");
    assertRejects(() -> sort(0, 1, Array.scalar(1f)), "sort", "rank 0");
    assertRejects(() -> Lax.sort(0, true, 1), "sort", "at least one operand");
    assertRejects(() -> SortPrimitive.SORT.abstractEval(List.of(Array.of(new float[3], 3).aval()),
        Params.of("dimension", 1, "is_stable", true, "num_keys", 1)), "sort", "dimension 1",
        "(3,)");
    Array key = Array.ofWords(DType.KEY, new int[] {1, 2}, 1);
    assertRejects(() -> sort(0, 1, key), "sort", "key<fry>");
  }
}
