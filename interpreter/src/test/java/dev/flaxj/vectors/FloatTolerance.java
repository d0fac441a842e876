package dev.flaxj.vectors;

/**
 * How close a float32 result must be to JAX's: within 1e-6 relative, or 1e-6 absolute near zero.
 * NaN matches NaN; infinities must match exactly.
 */
final class FloatTolerance {
  static final double RELATIVE = 1e-6;
  static final double ABSOLUTE = 1e-6;

  private FloatTolerance() {}

  static boolean close(float actual, float expected) {
    if (Float.isNaN(actual) || Float.isNaN(expected)) {
      return Float.isNaN(actual) && Float.isNaN(expected);
    }
    if (actual == expected) {
      return true;
    }
    if (Float.isInfinite(actual) || Float.isInfinite(expected)) {
      return false;
    }
    double diff = Math.abs((double) actual - expected);
    return diff <= RELATIVE * Math.abs(expected) || diff <= ABSOLUTE;
  }

  /**
   * Number of float32 values between the two (0 when equal, +0 and -0 count as equal, two NaNs
   * as equal); {@link Long#MAX_VALUE} when only one is NaN.
   */
  static long ulpDistance(float a, float b) {
    if (Float.isNaN(a) || Float.isNaN(b)) {
      return Float.isNaN(a) && Float.isNaN(b) ? 0 : Long.MAX_VALUE;
    }
    return Math.abs(ordered(a) - ordered(b));
  }

  /** Maps floats to integers so that adjacent floats are adjacent integers (both zeros to 0). */
  private static long ordered(float f) {
    int bits = Float.floatToRawIntBits(f);
    return bits >= 0 ? bits : -(long) (bits & 0x7fffffff);
  }
}
