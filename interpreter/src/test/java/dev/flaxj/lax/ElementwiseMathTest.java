package dev.flaxj.lax;

import static dev.flaxj.lax.ElementwiseTestSupport.assertF32;
import static dev.flaxj.lax.ElementwiseTestSupport.assertF32Bits;
import static dev.flaxj.lax.ElementwiseTestSupport.empty;
import static dev.flaxj.lax.ElementwiseTestSupport.f32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import org.junit.jupiter.api.Test;

/**
 * Rounding and the transcendental functions through {@link Lax}; expected bit patterns from
 * jax 0.10.2 on CPU (the exhaustive comparison is XlaMathSweepTest's).
 */
class ElementwiseMathTest {
  private static final float NAN = Float.NaN;
  private static final float INF = Float.POSITIVE_INFINITY;

  @Test
  void floorCeilAndRoundKeepSignedZeros() {
    // from jax 0.10.2: lax.floor / lax.ceil([-1.5, 1.5, -0.2, 2.]); floor(-1e-40) == -0.
    assertF32(Lax.floor(f32(-1.5f, 1.5f, -0.2f, 2f, -1e-40f)), -2f, 1f, -1f, 2f, -0f);
    assertF32(Lax.ceil(f32(-1.5f, 1.5f, -0.2f, 2f, -1e-40f)), -1f, 2f, -0f, 2f, -0f);
    Array x = f32(0.5f, 1.5f, 2.5f, -0.5f, -2.5f, -0.4f, 0.49999997f, 8388609f, 1e30f, INF, NAN);
    // from jax 0.10.2: lax.round(x, 0) and lax.round(x, 1)
    assertF32(Lax.round(x), 1f, 2f, 3f, -1f, -3f, -0f, 0f, 8388609f, 1e30f, INF, NAN);
    assertF32(Lax.round(x, RoundingMethod.AWAY_FROM_ZERO),
        1f, 2f, 3f, -1f, -3f, -0f, 0f, 8388609f, 1e30f, INF, NAN);
    assertF32(Lax.round(x, 1), 0f, 2f, 2f, -0f, -2f, -0f, 0f, 8388609f, 1e30f, INF, NAN);
  }

  @Test
  void expAndLogFollowXla() {
    // from jax 0.10.2: lax.exp([0, 1, -1, 10, -10, 88.72283, -87.5, inf, -inf])
    assertF32Bits(Lax.exp(f32(0f, 1f, -1f, 10f, -10f, 88.72283f, -87.5f, INF, -INF)),
        0x3f800000, 0x402df854, 0x3ebc5ab2, 0x46ac14ee, 0x383e6bce, 0x7f7fff80, 0x0,
        0x7f800000, 0x0);
    // from jax 0.10.2: lax.log([1, 2, .5, 10, 1e-30, 0, -1, inf])
    assertF32Bits(Lax.log(f32(1f, 2f, 0.5f, 10f, 1e-30f, 0f, -1f, INF)),
        0x0, 0x3f317218, 0xbf317218, 0x40135d8e, 0xc28a27b5, 0xff800000, 0x7fc00000,
        0x7f800000);
    // from jax 0.10.2: lax.log1p([0, 1e-5, -.3, .3, 1, -1, -2])
    assertF32Bits(Lax.log1p(f32(0f, 1e-5f, -0.3f, 0.3f, 1f, -1f, -2f)),
        0x0, 0x3727c575, 0xbeb69e1a, 0x3e86549c, 0x3f317218, 0xff800000, 0x7fc00000);
    // from jax 0.10.2: lax.expm1([0, 1e-5, -.3, .3, 1, -20, 100, -0.])
    assertF32Bits(Lax.expm1(f32(0f, 1e-5f, -0.3f, 0.3f, 1f, -20f, 100f, -0f)),
        0x0, 0x3727c5e3, 0xbe84b379, 0x3eb320b1, 0x3fdbf0a8, 0xbf800000, 0x7f800000,
        0x80000000);
  }

  @Test
  void tanhLogisticSqrtAndRsqrt() {
    // from jax 0.10.2: lax.tanh([0, 1e-5, .5, -1, 3, 9, -25])
    assertF32Bits(Lax.tanh(f32(0f, 1e-5f, 0.5f, -1f, 3f, 9f, -25f)),
        0x0, 0x3727c5ac, 0x3eec9a9f, 0xbf42f7d6, 0x3f7ebbe8, 0x3f800000, 0xbf800000);
    // from jax 0.10.2: lax.logistic([0, 1, -1, 10, -20, 100, -100])
    assertF32Bits(Lax.logistic(f32(0f, 1f, -1f, 10f, -20f, 100f, -100f)),
        0x3f000000, 0x3f3b26a8, 0x3e89b2b1, 0x3f7ffd06, 0x310da433, 0x3f800000, 0x0);
    // from jax 0.10.2: lax.sqrt([0, 2, 9, 1e-30, -1]); lax.rsqrt([1, 4, 2, 1e-30])
    assertF32Bits(Lax.sqrt(f32(0f, 2f, 9f, 1e-30f, -1f)),
        0x0, 0x3fb504f3, 0x40400000, 0x26901d7d, 0x7fc00000);
    assertF32Bits(Lax.rsqrt(f32(1f, 4f, 2f, 1e-30f)),
        0x3f800000, 0x3f000000, 0x3f3504f3, 0x58635fa9);
    // from jax 0.10.2: rsqrt of -1, 0, -0, inf is nan, inf, -inf, 0 (-1e-40 reads as -0)
    assertF32(Lax.rsqrt(f32(-1f, 0f, -0f, INF, -1e-40f)), NAN, INF, -INF, 0f, -INF);
  }

  @Test
  void sinAndCosAreGlibcs() {
    // from jax 0.10.2: lax.sin / lax.cos([0, 1, -2, 100, 1e6, 3.1415927])
    Array x = f32(0f, 1f, -2f, 100f, 1e6f, 3.1415927f);
    assertF32Bits(Lax.sin(x), 0x0, 0x3f576aa4, 0xbf68c7b7, 0xbf01a12e, 0xbeb33259, 0xb3bbbd2e);
    assertF32Bits(Lax.cos(x), 0x3f800000, 0x3f0a5140, 0xbed51133, 0x3f5cc0ee, 0x3f6fcefd,
        0xbf800000);
    // from jax 0.10.2: sin(1e-40) == 1e-40, sin(-0.) == -0., sin(inf) and cos(nan) are nan
    assertF32(Lax.sin(f32(1e-40f, -0f, INF)), 1e-40f, -0f, NAN);
    assertF32(Lax.cos(f32(1e-40f, NAN)), 1f, NAN);
  }

  @Test
  void erfAndErfInvFollowXla() {
    // from jax 0.10.2: lax.erf([0, .5, -1, 2, 3.9, -1e-3])
    assertF32Bits(Lax.erf(f32(0f, 0.5f, -1f, 2f, 3.9f, -1e-3f)),
        0x0, 0x3f053f7b, 0xbf57bb3e, 0x3f7ecd70, 0x3f800000, 0xba93e61c);
    // from jax 0.10.2: lax.erf_inv([0, .5, -.9, 0.99999994, -0.99999994, 1e-3, 1, -1, 2])
    assertF32Bits(Lax.erfInv(f32(0f, 0.5f, -0.9f, 0.99999994f, -0.99999994f, 1e-3f, 1f, -1f,
            2f)),
        0x0, 0x3ef430fe, 0xbf94e009, 0x407547ca, 0xc07547ca, 0x3a6851b2, 0x7f800000,
        0xff800000, 0x7fc00000);
  }

  @Test
  void scalarsZeroSizeAndFloat64() {
    assertEquals(Shape.SCALAR, Lax.exp(Array.scalar(0f)).shape());
    assertF32(Lax.tanh(Array.scalar(0f)), 0f);
    assertEquals(0, ((Array) Lax.erfInv(empty(DType.FLOAT32))).size());
    assertEquals(0, ((Array) Lax.round(empty(DType.FLOAT32), 1)).size());
    Array d = Array.of(new double[] {0.5, -2.5}, 2);
    assertEquals(Math.exp(0.5), ((Array) Lax.exp(d)).rawDoubles()[0]);
    assertEquals(-3.0, ((Array) Lax.round(d)).rawDoubles()[1]);
    assertEquals(-2.0, ((Array) Lax.round(d, RoundingMethod.TO_NEAREST_EVEN)).rawDoubles()[1]);
    // erf and erf_inv are not reproduced for float64: the reference backend says so.
    UnsupportedOperationException e =
        assertThrows(UnsupportedOperationException.class, () -> Lax.erf(d));
    assertEquals("reference backend: no float64 kernel for erf", e.getMessage());
  }
}
