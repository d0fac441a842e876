package dev.flaxj.lax;

import static dev.flaxj.lax.ElementwiseTestSupport.assertBools;
import static dev.flaxj.lax.ElementwiseTestSupport.assertI32;
import static dev.flaxj.lax.ElementwiseTestSupport.assertU32;
import static dev.flaxj.lax.ElementwiseTestSupport.bools;
import static dev.flaxj.lax.ElementwiseTestSupport.empty;
import static dev.flaxj.lax.ElementwiseTestSupport.f32;
import static dev.flaxj.lax.ElementwiseTestSupport.i32;
import static dev.flaxj.lax.ElementwiseTestSupport.u32;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import org.junit.jupiter.api.Test;

/** Comparisons, bitwise logic and shifts; expected values from jax 0.10.2 on CPU. */
class ElementwiseLogicTest {
  private static final float NAN = Float.NaN;
  private static final int MIN = Integer.MIN_VALUE;

  @Test
  void floatComparisonsTreatNanAsUnorderedAndZerosAsEqual() {
    Array x = f32(NAN, NAN, 0f, 1f, 2f, 1e-40f);
    Array y = f32(1f, NAN, -0f, 2f, 2f, 0f);
    // from jax 0.10.2: lt(nan, 1) False, ne(nan, nan) True, eq(0, -0) True; a subnormal
    // compares equal to zero (eq(1e-40, 0) True, gt(1e-40, 0) False)
    assertBools(Lax.eq(x, y), false, false, true, false, true, true);
    assertBools(Lax.ne(x, y), true, true, false, true, false, false);
    assertBools(Lax.lt(x, y), false, false, false, true, false, false);
    assertBools(Lax.le(x, y), false, false, true, true, true, true);
    assertBools(Lax.gt(x, y), false, false, false, false, false, false);
    assertBools(Lax.ge(x, y), false, false, true, false, true, true);
  }

  @Test
  void integerComparisonsAreSignedOrUnsignedByDtype() {
    assertBools(Lax.lt(i32(1, -1, MIN), i32(2, 3, 0)), true, true, true);
    // from jax 0.10.2: lax.lt(uint32[1, 2^32-1], uint32[2, 3]) == [True, False]
    assertBools(Lax.lt(u32(1, -1), u32(2, 3)), true, false);
    assertBools(Lax.ge(u32(-1, 0), u32(0, 0)), true, true);
    assertBools(Lax.gt(i32(-1, 0), i32(0, 0)), false, false);
    assertBools(Lax.le(u32(0, -1), u32(-1, 1)), true, false);
    assertBools(Lax.eq(i32(3, -1), i32(3, 1)), true, false);
    assertBools(Lax.ne(u32(-1, 7), u32(-1, 8)), false, true);
  }

  @Test
  void boolsCompareWithFalseBelowTrue() {
    // from jax 0.10.2: lax.lt([False, True], [True, True]) == [True, False]
    Array x = bools(false, true, false, true);
    Array y = bools(true, true, false, false);
    assertBools(Lax.lt(x, y), true, false, false, false);
    assertBools(Lax.le(x, y), true, true, true, false);
    assertBools(Lax.gt(x, y), false, false, false, true);
    assertBools(Lax.ge(x, y), false, true, true, true);
    assertBools(Lax.eq(x, y), false, true, true, false);
    assertBools(Lax.ne(x, y), true, false, false, true);
  }

  @Test
  void keysCompareForEqualityAsWholes() {
    Array a = Array.ofWords(DType.KEY, new int[] {0, 1, 0, 1, 5, 6}, 3);
    Array b = Array.ofWords(DType.KEY, new int[] {0, 1, 0, 2, 6, 5}, 3);
    assertBools(Lax.eq(a, b), true, false, false);
    assertBools(Lax.ne(a, b), false, true, true);
  }

  @Test
  void bitwiseLogicOnIntegersAndBools() {
    // from jax 0.10.2: bitwise_not([0,-1,5]), bitwise_not(uint32[0,5]), and(6,3), or(6,3)
    assertI32(Lax.not(i32(0, -1, 5)), -1, 0, -6);
    assertU32(Lax.not(u32(0, 5)), -1, -6);
    assertBools(Lax.not(bools(true, false)), false, true);
    assertI32(Lax.and(i32(6), i32(3)), 2);
    assertI32(Lax.or(i32(6), i32(3)), 7);
    assertI32(Lax.xor(i32(6, -1), i32(3, MIN)), 5, Integer.MAX_VALUE);
    assertU32(Lax.xor(u32(-1), u32(1)), -2);
    assertU32(Lax.and(u32(-1), u32(0xf0)), 0xf0);
    assertU32(Lax.or(u32(MIN), u32(1)), MIN + 1);
    Array p = bools(true, true, false, false);
    Array q = bools(true, false, true, false);
    assertBools(Lax.and(p, q), true, false, false, false);
    assertBools(Lax.or(p, q), true, true, true, false);
    assertBools(Lax.xor(p, q), false, true, true, false);
  }

  @Test
  void shiftsSaturateForAmountsOfThirtyTwoOrMore() {
    // from jax 0.10.2: shift_left([1,1,1,1,-1], [31,32,33,-1,5])
    assertI32(Lax.shiftLeft(i32(1, 1, 1, 1, -1), i32(31, 32, 33, -1, 5)), MIN, 0, 0, 0, -32);
    // from jax 0.10.2: shift_right_logical([-8,-8,-8,-8,8], [1,32,33,-1,1])
    assertI32(Lax.shiftRightLogical(i32(-8, -8, -8, -8, 8), i32(1, 32, 33, -1, 1)),
        2147483644, 0, 0, 0, 4);
    // from jax 0.10.2: shift_right_arithmetic([-8,-8,-8,-8,8,8], [1,32,33,-1,1,40])
    assertI32(Lax.shiftRightArithmetic(i32(-8, -8, -8, -8, 8, 8), i32(1, 32, 33, -1, 1, 40)),
        -4, -1, -1, -1, 4, 0);
    // from jax 0.10.2: uint32 shift_left(1, [31, 32]); shift_right_arithmetic(2^31, [1, 32,
    // 100]) fills with the top bit; shift_right_logical(2^31, [1, 32])
    assertU32(Lax.shiftLeft(u32(1, 1), u32(31, 32)), MIN, 0);
    assertU32(Lax.shiftRightArithmetic(u32(MIN, MIN, MIN), u32(1, 32, 100)), 0xc0000000, -1, -1);
    assertU32(Lax.shiftRightLogical(u32(MIN, MIN), u32(1, 32)), 0x40000000, 0);
  }

  @Test
  void scalarsAndZeroSizeArraysWork() {
    Value s = Lax.lt(Array.scalar(1), Array.scalar(2));
    assertEquals(Shape.SCALAR, s.shape());
    assertBools(s, true);
    Value e = Lax.eq(empty(DType.FLOAT32), empty(DType.FLOAT32));
    assertEquals(DType.BOOL, e.dtype());
    assertEquals(Shape.of(0), e.shape());
    assertEquals(0, ((Array) Lax.shiftLeft(empty(DType.UINT32), empty(DType.UINT32))).size());
    assertEquals(0, ((Array) Lax.not(empty(DType.BOOL))).size());
    assertBools(Lax.lt(Array.of(new double[] {1.0, Double.NaN}, 2),
        Array.of(new double[] {2.0, 0.0}, 2)), true, false);
  }
}
