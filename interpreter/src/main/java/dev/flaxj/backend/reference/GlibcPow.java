package dev.flaxj.backend.reference;

/**
 * {@code powf} as glibc computes it (Szabolcs Nagy's 2017 algorithm, in glibc's FMA build), which
 * XLA on CPU calls for float32 {@code pow}, under XLA's flush-to-zero mode. {@code log2(x)} comes
 * from a 16-entry table and a degree-5 polynomial in double, is multiplied by {@code y}, and
 * {@code 2^(y log2 x)} from a 32-entry table of {@code 2^(i/32)} and a cubic; the double result
 * is rounded to float once. Signs, zeros, infinities and NaN follow C's {@code pow}.
 *
 * <p>Flush-to-zero reaches into glibc's arithmetic: a subnormal {@code y} multiplies as zero, and
 * a subnormal {@code x} is "normalised" by a multiplication that yields zero, so glibc goes on
 * with a meaningless exponent; that garbage is reproduced too.
 */
final class GlibcPow {
  private GlibcPow() {}

  /** For table row i: 1/c and log2(c) for the c near the centre of the row's interval. */
  private static final double[] INV_C = {
      0x1.661ec79f8f3bep+0, 0x1.571ed4aaf883dp+0, 0x1.49539f0f010bp+0, 0x1.3c995b0b80385p+0,
      0x1.30d190c8864a5p+0, 0x1.25e227b0b8eap+0, 0x1.1bb4a4a1a343fp+0, 0x1.12358f08ae5bap+0,
      0x1.0953f419900a7p+0, 0x1p+0, 0x1.e608cfd9a47acp-1, 0x1.ca4b31f026aap-1,
      0x1.b2036576afce6p-1, 0x1.9c2d163a1aa2dp-1, 0x1.886e6037841edp-1, 0x1.767dcf5534862p-1};
  private static final double[] LOG2_C = {
      -0x1.efec65b963019p-2, -0x1.b0b6832d4fca4p-2, -0x1.7418b0a1fb77bp-2,
      -0x1.39de91a6dcf7bp-2, -0x1.01d9bf3f2b631p-2, -0x1.97c1d1b3b7afp-3,
      -0x1.2f9e393af3c9fp-3, -0x1.960cbbf788d5cp-4, -0x1.a6f9db6475fcep-5, 0x0p+0,
      0x1.338ca9f24f53dp-4, 0x1.476a9543891bap-3, 0x1.e840b4ac4e4d2p-3, 0x1.40645f0c6651cp-2,
      0x1.88e9c2c1b9ff8p-2, 0x1.ce0a44eb17bccp-2};
  /** log1p(r)/ln2 ~ r * (A4 + r * (A3 + ...)), highest degree first. */
  private static final double[] LOG2_POLY = {
      0x1.27616c9496e0bp-2, -0x1.71969a075c67ap-2, 0x1.ec70a6ca7baddp-2,
      -0x1.7154748bef6c8p-1, 0x1.71547652ab82bp0};
  /** Bits of 2^(i/32), less i << 47 (so that adding k << 47 scales by 2^(k/32)). */
  private static final long[] EXP2_TABLE = {
      0x3ff0000000000000L, 0x3fefd9b0d3158574L, 0x3fefb5586cf9890fL, 0x3fef9301d0125b51L,
      0x3fef72b83c7d517bL, 0x3fef54873168b9aaL, 0x3fef387a6e756238L, 0x3fef1e9df51fdee1L,
      0x3fef06fe0a31b715L, 0x3feef1a7373aa9cbL, 0x3feedea64c123422L, 0x3feece086061892dL,
      0x3feebfdad5362a27L, 0x3feeb42b569d4f82L, 0x3feeab07dd485429L, 0x3feea47eb03a5585L,
      0x3feea09e667f3bcdL, 0x3fee9f75e8ec5f74L, 0x3feea11473eb0187L, 0x3feea589994cce13L,
      0x3feeace5422aa0dbL, 0x3feeb737b0cdc5e5L, 0x3feec49182a3f090L, 0x3feed503b23e255dL,
      0x3feee89f995ad3adL, 0x3feeff76f2fb5e47L, 0x3fef199bdd85529cL, 0x3fef3720dcef9069L,
      0x3fef5818dcfba487L, 0x3fef7c97337b9b5fL, 0x3fefa4afa2a490daL, 0x3fefd0765b6e4540L};
  private static final double[] EXP2_POLY = {
      0x1.c6af84b912394p-5, 0x1.ebfce50fac4f3p-3, 0x1.62e42ff0c52d6p-1};
  /** 1.5 * 2^52 / 32: adding it rounds to a multiple of 1/32 and leaves 32x in the low bits. */
  private static final double SHIFT = 0x1.8p+52 / 32;
  /** Added to the scale's exponent bits to make the result negative. */
  private static final long NEGATIVE = 1L << (5 + 11);
  private static final int ONE = 0x3f800000;
  private static final int INF = 0x7f800000;

  static float pow(float x, float y) {
    int ix = Float.floatToRawIntBits(x);
    int iy = Float.floatToRawIntBits(y);
    long signBias = 0;
    if (Integer.compareUnsigned(ix - 0x00800000, INF - 0x00800000) >= 0 || zeroInfNan(iy)) {
      if (zeroInfNan(iy)) {
        if (2 * iy == 0 || ix == ONE) {
          return 1f;
        }
        if (Integer.compareUnsigned(2 * ix, 2 * INF) > 0
            || Integer.compareUnsigned(2 * iy, 2 * INF) > 0) {
          return x + y;
        }
        if (2 * ix == 2 * ONE) {
          return 1f;
        }
        if ((Integer.compareUnsigned(2 * ix, 2 * ONE) < 0) == (iy >= 0)) {
          return 0f;
        }
        return y * y;
      }
      if (zeroInfNan(ix)) {
        float x2 = x * x;
        if (ix < 0 && checkInt(iy) == 1) {
          x2 = -x2;
        }
        return iy < 0 ? 1 / x2 : x2;
      }
      if (ix < 0) {
        int yint = checkInt(iy);
        if (yint == 0) {
          return Float.NaN;
        }
        if (yint == 1) {
          signBias = NEGATIVE;
        }
        ix &= 0x7fffffff;
      }
      if (ix < 0x00800000) {
        // glibc scales a subnormal up by 2^23; flushed, the product is zero.
        ix = Float.floatToRawIntBits(Denormals.flush(Float.intBitsToFloat(ix)) * 0x1p23f);
        ix &= 0x7fffffff;
        ix -= 23 << 23;
      }
    }
    double yLog2x = Denormals.flush(y) * log2(ix);
    if ((Double.doubleToRawLongBits(yLog2x) >>> 47 & 0xffff)
        >= Double.doubleToRawLongBits(126.0) >>> 47) {
      if (yLog2x > 0x1.fffffffd1d571p+6) {
        return signBias != 0 ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
      }
      if (yLog2x <= -150.0) {
        return signBias != 0 ? -0f : 0f;
      }
    }
    return Denormals.flush((float) exp2(yLog2x, signBias));
  }

  /** log2 of the float with bits {@code ix} (a biased exponent below 1 allowed), in double. */
  private static double log2(int ix) {
    int tmp = ix - 0x3f330000;
    int i = (tmp >>> 19) % 16;
    int top = tmp & 0xff800000;
    double z = Float.intBitsToFloat(ix - top);
    int k = top >> 23;
    double r = Math.fma(z, INV_C[i], -1);
    double y0 = LOG2_C[i] + k;
    double r2 = r * r;
    double y = Math.fma(LOG2_POLY[0], r, LOG2_POLY[1]);
    double p = Math.fma(LOG2_POLY[2], r, LOG2_POLY[3]);
    double r4 = r2 * r2;
    double q = Math.fma(LOG2_POLY[4], r, y0);
    q = Math.fma(p, r2, q);
    return Math.fma(y, r4, q);
  }

  /** 2^x in double, negated when {@code signBias} is set; |x| < 150. */
  private static double exp2(double x, long signBias) {
    double kd = x + SHIFT;
    long ki = Double.doubleToRawLongBits(kd);
    kd -= SHIFT;
    double r = x - kd;
    long t = EXP2_TABLE[(int) (ki & 31)] + ((ki + signBias) << 47);
    double s = Double.longBitsToDouble(t);
    double z = Math.fma(EXP2_POLY[0], r, EXP2_POLY[1]);
    double r2 = r * r;
    double y = Math.fma(EXP2_POLY[2], r, 1);
    y = Math.fma(z, r2, y);
    return y * s;
  }

  /** 0 if the float with bits {@code iy} is not an integer, 1 if odd, 2 if even. */
  private static int checkInt(int iy) {
    int e = iy >>> 23 & 0xff;
    if (e < 0x7f) {
      return 0;
    }
    if (e > 0x7f + 23) {
      return 2;
    }
    if ((iy & ((1 << (0x7f + 23 - e)) - 1)) != 0) {
      return 0;
    }
    return (iy & (1 << (0x7f + 23 - e))) != 0 ? 1 : 2;
  }

  /** Whether the float with bits {@code i} is a zero, an infinity or a NaN. */
  private static boolean zeroInfNan(int i) {
    return Integer.compareUnsigned(2 * i - 1, 2 * INF - 1) >= 0;
  }
}
