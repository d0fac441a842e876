package dev.flaxj.backend.reference;

/**
 * {@code sinf} and {@code cosf} as glibc computes them (the algorithm glibc took from Arm's
 * optimized-routines in 2018), which XLA on CPU calls for float32 {@code sin} and {@code cos}.
 * The argument is widened to double; |x| < pi/4 goes straight to the polynomials, |x| < 120 is
 * reduced by one multiply-subtract with pi/2, larger arguments by a fixed-point product with
 * 192 bits of 4/pi. Odd and even polynomials in double (fused multiply-adds, as glibc's FMA build)
 * give sin or cos of the reduced argument, which is rounded to float once at the end.
 */
final class GlibcSinCos {
  private GlibcSinCos() {}

  /** 2/pi scaled by 2^24, so that the quadrant lands in bits 24..31 of the product. */
  private static final double HALF_PI_INV_2_24 = 0x1.45F306DC9C883p+23;
  private static final double HALF_PI = 0x1.921FB54442D18p0;
  /** 2pi / 2^64: the weight of one unit of the 2.62 fixed-point reduction result. */
  private static final double PI_2_POW_M62 = 0x1.921FB54442D18p-62;
  private static final float QUARTER_PI = (float) 0x1.921FB54442D18p-1;

  /** Cosine coefficients c0..c4 (in x^2), then sine coefficients s1..s3 (in x^2, times x^3). */
  private static final double[] POLY = {
      0x1p0, -0x1.ffffffd0c621cp-2, 0x1.55553e1068f19p-5, -0x1.6c087e89a359dp-10,
      0x1.99343027bf8c3p-16, -0x1.555545995a603p-3, 0x1.1107605230bc4p-7,
      -0x1.994eb3774cf24p-13};
  /** The same with the cosine part negated, used in quadrants 2 and 3. */
  private static final double[] POLY_NEGATED_COS = {
      -0x1p0, 0x1.ffffffd0c621cp-2, -0x1.55553e1068f19p-5, 0x1.6c087e89a359dp-10,
      -0x1.99343027bf8c3p-16, -0x1.555545995a603p-3, 0x1.1107605230bc4p-7,
      -0x1.994eb3774cf24p-13};

  /** Bits of 4/pi: entry k holds the 32 bits starting 8(k-3) bits after the binary point. */
  private static final int[] FOUR_OVER_PI = {
      0xa2, 0xa2f9, 0xa2f983, 0xa2f9836e, 0xf9836e4e, 0x836e4e44, 0x6e4e4415, 0x4e441529,
      0x441529fc, 0x1529fc27, 0x29fc2757, 0xfc2757d1, 0x2757d1f5, 0x57d1f534, 0xd1f534dd,
      0xf534ddc0, 0x34ddc0db, 0xddc0db62, 0xc0db6295, 0xdb629599, 0x6295993c, 0x95993c43,
      0x993c4390, 0x3c439041};

  static float sin(float y) {
    return evaluate(y, false);
  }

  static float cos(float y) {
    return evaluate(y, true);
  }

  /** The top 12 bits of |y|'s representation, which the range tests compare. */
  private static int top12(float y) {
    return (Float.floatToRawIntBits(y) >>> 20) & 0x7ff;
  }

  private static float evaluate(float y, boolean cos) {
    int top = top12(y);
    if (top < top12(QUARTER_PI)) {
      if (top < top12(0x1p-12f)) {
        return cos ? 1f : y;
      }
      double x = y;
      return polynomial(x, x * x, POLY, cos ? 1 : 0);
    }
    if (top >= top12(Float.POSITIVE_INFINITY)) {
      return Float.NaN;
    }
    double reduced;
    int quadrant;
    int signedQuadrant;
    if (top < top12(120f)) {
      double x = y;
      quadrant = ((int) (x * HALF_PI_INV_2_24) + 0x800000) >> 24;
      reduced = Math.fma(-quadrant, HALF_PI, x);
      signedQuadrant = quadrant;
    } else {
      int bits = Float.floatToRawIntBits(y);
      long fixed = reduceLarge(bits);
      quadrant = (int) ((fixed + (1L << 61)) >>> 62);
      reduced = (double) (fixed - ((long) quadrant << 62)) * PI_2_POW_M62;
      signedQuadrant = quadrant + (bits >>> 31);
    }
    double sign = (signedQuadrant & 3) == 1 || (signedQuadrant & 3) == 2 ? -1 : 1;
    double[] p = (signedQuadrant & 2) != 0 ? POLY_NEGATED_COS : POLY;
    return polynomial(reduced * sign, reduced * reduced, p, cos ? quadrant ^ 1 : quadrant);
  }

  /**
   * |y| times 4/pi in 2.62 fixed point, modulo 4 (the exact 32x96-bit product of the
   * significand with the window of 4/pi its exponent selects).
   */
  private static long reduceLarge(int bits) {
    int window = (bits >>> 26) & 15;
    int shift = (bits >>> 23) & 7;
    long m = (((bits & 0xffffff) | 0x800000) << shift) & 0xffffffffL;
    long high = (m * Integer.toUnsignedLong(FOUR_OVER_PI[window])) & 0xffffffffL;
    long middle = m * Integer.toUnsignedLong(FOUR_OVER_PI[window + 4]);
    long low = m * Integer.toUnsignedLong(FOUR_OVER_PI[window + 8]);
    return ((low >>> 32) | (high << 32)) + middle;
  }

  /** sin (even {@code n}) or cos (odd {@code n}) of the reduced {@code x}; {@code x2 = x*x}. */
  private static float polynomial(double x, double x2, double[] p, int n) {
    if ((n & 1) == 0) {
      double x3 = x * x2;
      double s1 = Math.fma(x2, p[7], p[6]);
      double x7 = x3 * x2;
      double s = Math.fma(x3, p[5], x);
      return (float) Math.fma(x7, s1, s);
    }
    double x4 = x2 * x2;
    double c2 = Math.fma(x2, p[4], p[3]);
    double c1 = Math.fma(x2, p[1], p[0]);
    double x6 = x4 * x2;
    double c = Math.fma(x4, p[2], c1);
    return (float) Math.fma(x6, c2, c);
  }
}
