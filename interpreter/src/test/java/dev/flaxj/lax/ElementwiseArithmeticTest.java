package dev.flaxj.lax;

import static dev.flaxj.lax.ElementwiseTestSupport.assertF32;
import static dev.flaxj.lax.ElementwiseTestSupport.assertF32Bits;
import static dev.flaxj.lax.ElementwiseTestSupport.assertI32;
import static dev.flaxj.lax.ElementwiseTestSupport.assertU32;
import static dev.flaxj.lax.ElementwiseTestSupport.bools;
import static dev.flaxj.lax.ElementwiseTestSupport.assertBools;
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

/** add ... integer_pow, nextafter on values; expected values from jax 0.10.2 on CPU. */
class ElementwiseArithmeticTest {
  private static final float NAN = Float.NaN;
  private static final float INF = Float.POSITIVE_INFINITY;
  private static final int MIN = Integer.MIN_VALUE;

  @Test
  void float32ArithmeticRoundsInFloat32() {
    // from jax 0.10.2: lax.add/sub/mul/div on these float32 arrays
    assertF32Bits(Lax.add(f32(1.5f, -2f, 0.1f, 3e38f), f32(2.25f, 0.5f, 0.2f, 3e38f)),
        0x40700000, 0xbfc00000, 0x3e99999a, 0x7f800000);
    assertF32Bits(Lax.sub(f32(1.5f, -2f, 0.3f), f32(2.25f, 0.5f, 0.1f)),
        0xbf400000, 0xc0200000, 0x3e4cccce);
    assertF32Bits(Lax.mul(f32(1.5f, -2f, 0.1f, 1e-20f), f32(2.25f, 0.5f, 0.3f, 1e-20f)),
        0x40580000, 0xbf800000, 0x3cf5c290, 0x0);
    assertF32Bits(Lax.div(f32(1f, -3f, 0.1f), f32(3f, 0.7f, 0.3f)),
        0x3eaaaaab, 0xc0892492, 0x3eaaaaaa);
  }

  @Test
  void floatDivisionByZeroAndRemainderFollowIeeeAndFmod() {
    // from jax 0.10.2: lax.div([1,-1,0],[0,0,0]); lax.rem([5.5,-5.5,1,inf,1],[2,2,0,1,inf])
    assertF32(Lax.div(f32(1f, -1f, 0f), f32(0f, 0f, 0f)), INF, -INF, NAN);
    assertF32(Lax.rem(f32(5.5f, -5.5f, 1f, INF, 1f), f32(2f, 2f, 0f, 1f, INF)),
        1.5f, -1.5f, NAN, NAN, 1f);
  }

  @Test
  void subnormalsAreFlushedByArithmeticButNotByNegAndAbs() {
    // from jax 0.10.2 (XLA CPU flushes denormals): 1e-38 * 0.01 == 0, 1e-40 + 0 == 0,
    // neg(1e-40) == -1e-40, abs(-1e-40) == 1e-40, rem(1e-40, 1) == 1e-40, rem(1e-38, 1e-40) nan
    assertF32(Lax.mul(f32(1e-38f, -1e-38f), f32(0.01f, 0.01f)), 0f, -0f);
    assertF32(Lax.add(f32(1e-40f), f32(0f)), 0f);
    assertF32(Lax.neg(f32(1e-40f)), -1e-40f);
    assertF32(Lax.abs(f32(-1e-40f)), 1e-40f);
    assertF32(Lax.rem(f32(1e-40f, 1e-38f), f32(1f, 1e-40f)), 1e-40f, NAN);
    assertF32(Lax.max(f32(-1e-40f, 1e-40f), f32(0f, -1f)), 0f, 0f);
    assertF32(Lax.min(f32(-1e-40f), f32(0f)), -0f);
  }

  @Test
  void signedIntegerDivisionTruncatesAndHandlesZeroAndOverflow() {
    // from jax 0.10.2: lax.div / lax.rem of int32 [7,-7,7,-7,5,0,MIN,MIN] by [2,2,-2,-2,0,0,-1,0]
    Array x = i32(7, -7, 7, -7, 5, 0, MIN, MIN);
    Array y = i32(2, 2, -2, -2, 0, 0, -1, 0);
    assertI32(Lax.div(x, y), 3, -3, -3, 3, -1, -1, MIN, -1);
    assertI32(Lax.rem(x, y), 1, -1, 1, -1, 5, 0, 0, MIN);
  }

  @Test
  void unsignedArithmeticIsModular() {
    // from jax 0.10.2: uint32 div/rem of [7, 4e9, 5, 0] by [2, 3, 0, 0]; add/sub/mul wrap
    Array x = u32(7, (int) 4000000000L, 5, 0);
    Array y = u32(2, 3, 0, 0);
    assertU32(Lax.div(x, y), 3, 1333333333, -1, -1);
    assertU32(Lax.rem(x, y), 1, 1, 5, 0);
    assertU32(Lax.add(u32(-1, 5), u32(1, 7)), 0, 12);
    assertU32(Lax.sub(u32(0, 5), u32(1, 7)), -1, -2);
    assertU32(Lax.mul(u32(65536, 3), u32(65536, 1431655765)), 0, -1);
    assertI32(Lax.add(i32(Integer.MAX_VALUE, -5), i32(1, 7)), MIN, 2);
    assertI32(Lax.mul(i32(65536, -3), i32(65536, 7)), 0, -21);
  }

  @Test
  void maxAndMinPropagateNanAndOrderSignedZeros() {
    // from jax 0.10.2: lax.max/min([nan,1,0,-0,2],[1,nan,-0,0,-3])
    Array x = f32(NAN, 1f, 0f, -0f, 2f);
    Array y = f32(1f, NAN, -0f, 0f, -3f);
    assertF32(Lax.max(x, y), NAN, NAN, 0f, 0f, 2f);
    assertF32(Lax.min(x, y), NAN, NAN, -0f, -0f, -3f);
    assertI32(Lax.max(i32(1, -5), i32(-1, 3)), 1, 3);
    assertU32(Lax.max(u32(1, -1), u32(2, 3)), 2, -1);
    assertU32(Lax.min(u32(1, -1), u32(2, 3)), 1, 3);
    assertBools(Lax.max(bools(true, false, false), bools(false, true, false)), true, true, false);
    assertBools(Lax.min(bools(true, false, true), bools(true, true, false)), true, false, false);
  }

  @Test
  void powHasCSpecialCasesAndAcceptsIntegerExponents() {
    // from jax 0.10.2: lax.pow([2,-2,-2,0,0,nan,1,-1,1.1,2],[.5,2,.5,0,-1,0,nan,inf,3,10])
    assertF32Bits(Lax.pow(f32(2f, -2f, -2f, 0f, 0f, NAN, 1f, -1f, 1.1f, 2f),
            f32(0.5f, 2f, 0.5f, 0f, -1f, 0f, NAN, INF, 3f, 10f)),
        0x3fb504f3, 0x40800000, 0x7fc00000, 0x3f800000, 0x7f800000, 0x3f800000, 0x3f800000,
        0x3f800000, 0x3faa5e36, 0x44800000);
    // from jax 0.10.2: lax.pow(f32[2,3,-2], i32[3,-1,3])
    assertF32(Lax.pow(f32(2f, 3f, -2f), i32(3, -1, 3)), 8f, 0.33333334f, -8f);
  }

  @Test
  void integerPowMultipliesAsJaxExpandsIt() {
    Array x = f32(1.1f, 0.7f, 3.3f, -2f);
    // from jax 0.10.2: lax.integer_pow(x, 2), (x, 5), (x, -3)
    assertF32Bits(Lax.integerPow(x, 2), 0x3f9ae148, 0x3efae147, 0x412e3d70, 0x40800000);
    assertF32Bits(Lax.integerPow(x, 5), 0x3fce2532, 0x3e2c1a8a, 0x43c3ad4c, 0xc2000000);
    assertF32Bits(Lax.integerPow(x, -3), 0x3f40562a, 0x403a96c4, 0x3ce3f45a, 0xbe000000);
    // from jax 0.10.2: lax.integer_pow(float32(1.1), 3) has bits 1068129846, = 1.1 * (1.1 * 1.1)
    assertF32Bits(Lax.integerPow(f32(1.1f), 3), 1068129846);
    assertF32(Lax.integerPow(f32(NAN, 0f), 0), 1f, 1f);
    assertF32(Lax.integerPow(f32(1e-40f), 1), 1e-40f);
    assertI32(Lax.integerPow(i32(3, -2, 100000, 7), 3), 27, -8, -1530494976, 343);
    assertU32(Lax.integerPow(u32(3, -1), 2), 9, 1);
    assertI32(Lax.integerPow(i32(5), 0), 1);
  }

  @Test
  void negAbsAndSignOnEdgeValues() {
    // from jax 0.10.2: abs(int32 min) == int32 min; neg(uint32 1) == 2^32-1; sign of -0 is -0
    assertI32(Lax.abs(i32(MIN, -3)), MIN, 3);
    assertI32(Lax.neg(i32(MIN)), MIN);
    assertU32(Lax.neg(u32(1)), -1);
    assertF32(Lax.neg(f32(0f, -1.5f)), -0f, 1.5f);
    assertF32(Lax.abs(f32(-0f, -1.5f, -INF)), 0f, 1.5f, INF);
    // from jax 0.10.2: lax.sign([-0., 0., -3, inf, 2.5, -1e-40, nan])
    assertF32(Lax.sign(f32(-0f, 0f, -3f, INF, 2.5f, -1e-40f, NAN)),
        -0f, 0f, -1f, 1f, 1f, -0f, NAN);
    assertI32(Lax.sign(i32(-5, 0, 5, MIN)), -1, 0, 1, -1);
    assertU32(Lax.sign(u32(0, 5, -1)), 0, 1, 1);
  }

  @Test
  void nextafterStepsOneUlpTowardTheTarget() {
    // from jax 0.10.2: lax.nextafter([1,0,-0,1,inf,-1,max],[2,1,-1,0,0,-inf,inf])
    assertF32Bits(Lax.nextafter(f32(1f, 0f, -0f, 1f, INF, -1f, Float.MAX_VALUE),
            f32(2f, 1f, -1f, 0f, 0f, -INF, INF)),
        0x3f800001, 0x1, 0x80000001, 0x3f7fffff, 0x7f7fffff, 0xbf800001, 0x7f800000);
    // from jax 0.10.2: nextafter(1e-40, 0) == 0 and nextafter(1e-40, 2e-40) == 2e-40 (operands
    // compare equal once flushed); nextafter(0., -0.) == -0.; nextafter(nan, 1) is nan
    assertF32(Lax.nextafter(f32(1e-40f, 1e-40f, 0f, NAN), f32(0f, 2e-40f, -0f, 1f)),
        0f, 2e-40f, -0f, NAN);
  }

  @Test
  void scalarsAndZeroSizeArraysWork() {
    Value s = Lax.mul(Array.scalar(3f), Array.scalar(-2f));
    assertEquals(Shape.SCALAR, s.shape());
    assertF32(s, -6f);
    Value e = Lax.add(empty(DType.FLOAT32), empty(DType.FLOAT32));
    assertEquals(Shape.of(0), e.shape());
    assertEquals(0, ((Array) Lax.div(empty(DType.INT32), empty(DType.INT32))).size());
    assertEquals(0, ((Array) Lax.integerPow(empty(DType.UINT32), 3)).size());
    assertEquals(DType.FLOAT32, Lax.pow(empty(DType.FLOAT32), empty(DType.INT32)).dtype());
  }

  @Test
  void float64IsComputedInDouble() {
    Array x = Array.of(new double[] {0.1, 1.5}, 2);
    Array y = Array.of(new double[] {0.2, -2.0}, 2);
    Array sum = (Array) Lax.add(x, y);
    assertEquals(DType.FLOAT64, sum.dtype());
    assertEquals(0.1 + 0.2, sum.rawDoubles()[0]);
    assertEquals(Math.pow(1.5, -2.0), ((Array) Lax.pow(x, y)).rawDoubles()[1]);
    assertEquals(1.5 * 1.5 * 1.5, ((Array) Lax.integerPow(x, 3)).rawDoubles()[1]);
  }
}
