package dev.flaxj.lax;

import static dev.flaxj.lax.ElementwiseTestSupport.assertBools;
import static dev.flaxj.lax.ElementwiseTestSupport.assertF32;
import static dev.flaxj.lax.ElementwiseTestSupport.assertF32Bits;
import static dev.flaxj.lax.ElementwiseTestSupport.assertI32;
import static dev.flaxj.lax.ElementwiseTestSupport.assertU32;
import static dev.flaxj.lax.ElementwiseTestSupport.bools;
import static dev.flaxj.lax.ElementwiseTestSupport.empty;
import static dev.flaxj.lax.ElementwiseTestSupport.f32;
import static dev.flaxj.lax.ElementwiseTestSupport.i32;
import static dev.flaxj.lax.ElementwiseTestSupport.u32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import org.junit.jupiter.api.Test;

/** select_n, clamp, convert_element_type and bitcast_convert_type; values from jax 0.10.2. */
class ElementwiseSelectConvertTest {
  private static final float NAN = Float.NaN;
  private static final float INF = Float.POSITIVE_INFINITY;
  private static final int MAX = Integer.MAX_VALUE;
  private static final int MIN = Integer.MIN_VALUE;

  @Test
  void boolSelectorPicksCaseZeroForFalse() {
    assertF32(Lax.selectN(bools(false, true, true), f32(1f, 2f, 3f), f32(-1f, -2f, -3f)),
        1f, -2f, -3f);
    assertF32(Lax.selectN(Array.scalar(true), f32(1f, 2f), f32(-1f, -2f)), -1f, -2f);
  }

  @Test
  void integerSelectorOutOfRangeTakesTheNearestCase() {
    Array zeros = f32(0f, 0f, 0f, 0f, 0f);
    Array ones = f32(1f, 1f, 1f, 1f, 1f);
    Array twos = f32(2f, 2f, 2f, 2f, 2f);
    // from jax 0.10.2: lax.select_n([0, 5, -1, 1, 2], zeros, ones, twos)
    assertF32(Lax.selectN(i32(0, 5, -1, 1, 2), zeros, ones, twos), 0f, 2f, 0f, 1f, 2f);
    // from jax 0.10.2: lax.select_n(uint32[0, 5, 2^32-1, 1, 1], ...) == [0, 2, 2, 1, 1]
    assertF32(Lax.selectN(u32(0, 5, -1, 1, 1), zeros, ones, twos), 0f, 2f, 2f, 1f, 1f);
    // from jax 0.10.2: lax.select_n([3, -1], [7, 8]) == [7, 8]
    assertF32(Lax.selectN(i32(3, -1), f32(7f, 8f)), 7f, 8f);
    assertI32(Lax.selectN(Array.scalar(2), i32(1, 1), i32(2, 2), i32(3, 3)), 3, 3);
  }

  @Test
  void selectCopiesSubnormalsAndKeys() {
    assertF32(Lax.selectN(bools(true), f32(0f), f32(1e-40f)), 1e-40f);
    Array a = Array.ofWords(DType.KEY, new int[] {1, 2, 3, 4}, 2);
    Array b = Array.ofWords(DType.KEY, new int[] {5, 6, 7, 8}, 2);
    Array s = (Array) Lax.selectN(bools(true, false), a, b);
    assertEquals(DType.KEY, s.dtype());
    assertArrayEquals(new int[] {5, 6, 3, 4}, s.rawInts());
  }

  @Test
  void clampIsMinOfMaxWithScalarBounds() {
    // from jax 0.10.2: lax.clamp(0., [nan, 5, -5, 0.5], 1.) == [nan, 1, 0, 0.5]
    assertF32(Lax.clamp(Array.scalar(0f), f32(NAN, 5f, -5f, 0.5f), Array.scalar(1f)),
        NAN, 1f, 0f, 0.5f);
    // from jax 0.10.2: a nan bound gives nan; min > max gives max; clamp(0, 1e-40, 1) == 0
    assertF32(Lax.clamp(Array.scalar(NAN), f32(0.5f), Array.scalar(1f)), NAN);
    assertF32(Lax.clamp(Array.scalar(0f), f32(0.5f), Array.scalar(NAN)), NAN);
    assertF32(Lax.clamp(Array.scalar(2f), f32(0.5f, 3f, 1.5f), Array.scalar(1f)), 1f, 1f, 1f);
    assertF32(Lax.clamp(Array.scalar(0f), f32(1e-40f, -0f), Array.scalar(1f)), 0f, 0f);
    // from jax 0.10.2: int32 clamp(2, [0,3,1], 1) == [1,1,1];
    // uint32 clamp(1, [0, 3, 2^32-1], 5) == [1, 3, 5]; bool clamp(False, [T, F], True) == [T, F]
    assertI32(Lax.clamp(Array.scalar(2), i32(0, 3, 1), Array.scalar(1)), 1, 1, 1);
    assertU32(Lax.clamp(Array.ofUint32(new int[] {1}), u32(0, 3, -1),
        Array.ofUint32(new int[] {5})), 1, 3, 5);
    assertBools(Lax.clamp(Array.scalar(false), bools(true, false), Array.scalar(true)),
        true, false);
    assertF32(Lax.clamp(f32(0f, 5f), f32(-1f, 1f), f32(2f, 6f)), 0f, 5f);
  }

  @Test
  void floatToIntegerTruncatesSaturatesAndSendsNanToZero() {
    Array x = f32(3e9f, -3e9f, NAN, 2.9f, -2.9f, INF, -INF, 2147483520f, 2147483648f);
    // from jax 0.10.2: x.astype(int32)
    assertI32(Lax.convertElementType(x, DType.INT32),
        MAX, MIN, 0, 2, -2, MAX, MIN, 2147483520, MAX);
    // from jax 0.10.2: [3e9, -3e9, nan, 2.9, -2.9, inf, -inf, 5e9, -1].astype(uint32)
    Array y = f32(3e9f, -3e9f, NAN, 2.9f, -2.9f, INF, -INF, 5e9f, -1f);
    assertU32(Lax.convertElementType(y, DType.UINT32), (int) 3000000000L, 0, 0, 2, 0, -1, 0, -1, 0);
  }

  @Test
  void conversionsToBoolTestAgainstZero() {
    // from jax 0.10.2: [0, -0, nan, 1, 1e-40].astype(bool) == [F, F, T, T, F]
    assertBools(Lax.convertElementType(f32(0f, -0f, NAN, 1f, 1e-40f), DType.BOOL),
        false, false, true, true, false);
    assertBools(Lax.convertElementType(i32(0, 2, -1), DType.BOOL), false, true, true);
    assertBools(Lax.convertElementType(u32(0, MIN), DType.BOOL), false, true);
  }

  @Test
  void integerAndBoolConversionsToFloatRoundToNearest() {
    // from jax 0.10.2: int32 [16777217, 2^31-1, -16777217] as float32 has these bits
    assertF32Bits(Lax.convertElementType(i32(16777217, MAX, -16777217), DType.FLOAT32),
        1266679808, 1325400064, -880803840);
    // from jax 0.10.2: uint32 [2^32-1, 16777217] as float32 == [4.2949673e9, 16777216]
    assertF32(Lax.convertElementType(u32(-1, 16777217), DType.FLOAT32), 4.2949673e9f, 16777216f);
    assertF32(Lax.convertElementType(bools(true, false), DType.FLOAT32), 1f, 0f);
    assertI32(Lax.convertElementType(bools(true, false), DType.INT32), 1, 0);
    assertU32(Lax.convertElementType(bools(true), DType.UINT32), 1);
    // from jax 0.10.2: int32 -1 as uint32 is 2^32-1 and back
    assertU32(Lax.convertElementType(i32(-1), DType.UINT32), -1);
    assertI32(Lax.convertElementType(u32(-1), DType.INT32), -1);
  }

  @Test
  void float64ConversionsRoundAndFlush() {
    Array d = Array.of(new double[] {0.1, 1e-40, -3e9, 1e300}, 4);
    assertF32(Lax.convertElementType(d, DType.FLOAT32), 0.1f, 0f, -3e9f, INF);
    assertI32(Lax.convertElementType(d, DType.INT32), 0, 0, MIN, MAX);
    Array back = (Array) Lax.convertElementType(f32(0.1f, 1e-40f), DType.FLOAT64);
    assertArrayEquals(new double[] {(double) 0.1f, 0.0}, back.rawDoubles());
  }

  @Test
  void convertingToTheSameTypeAppliesNothing() {
    Array x = f32(1e-40f);
    assertSame(x, Lax.convertElementType(x, DType.FLOAT32));
    Value weak = Lax.convertElementType(x, DType.FLOAT32, true);
    assertEquals(true, weak.aval().weakType());
    assertF32(weak, 1e-40f);
  }

  @Test
  void bitcastReinterpretsBits() {
    assertI32(Lax.bitcastConvertType(f32(1f, -0f, NAN), DType.INT32), 0x3f800000, MIN, 0x7fc00000);
    assertU32(Lax.bitcastConvertType(f32(-1f), DType.UINT32), 0xbf800000);
    assertF32(Lax.bitcastConvertType(i32(0x3f800000, 1), DType.FLOAT32), 1f, 1.4e-45f);
    assertF32(Lax.bitcastConvertType(u32(0xbf800000), DType.FLOAT32), -1f);
    assertU32(Lax.bitcastConvertType(i32(-2), DType.UINT32), -2);
    assertI32(Lax.bitcastConvertType(u32(MIN), DType.INT32), MIN);
  }

  @Test
  void scalarsAndZeroSizeArraysWork() {
    Value s = Lax.convertElementType(Array.scalar(2.5f), DType.INT32);
    assertEquals(Shape.SCALAR, s.shape());
    assertI32(s, 2);
    assertEquals(0, ((Array) Lax.selectN(empty(DType.BOOL), empty(DType.INT32),
        empty(DType.INT32))).size());
    assertEquals(0, ((Array) Lax.selectN(Array.scalar(1), empty(DType.FLOAT32),
        empty(DType.FLOAT32))).size());
    assertEquals(0, ((Array) Lax.clamp(Array.scalar(0f), empty(DType.FLOAT32),
        Array.scalar(1f))).size());
    assertEquals(DType.BOOL, Lax.convertElementType(empty(DType.FLOAT32), DType.BOOL).dtype());
    assertEquals(0, ((Array) Lax.bitcastConvertType(empty(DType.UINT32), DType.FLOAT32)).size());
  }
}
