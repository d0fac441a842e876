package dev.flaxj.backend.reference;

/**
 * XLA on CPU computes with denormals flushed to zero: arithmetic reads a subnormal operand as a
 * zero of the same sign and writes a subnormal result as one (checked in jax 0.10.2:
 * {@code 1e-38 * 0.01 == 0}, {@code 1e-40 == 0} is true). The elementwise kernels apply
 * {@link #flush} to the operands and results of every floating operation the hardware performs
 * arithmetically; pure bit operations ({@code neg}, {@code abs}, {@code select_n}, bitcasts) keep
 * subnormals, as XLA's do.
 */
final class Denormals {
  private Denormals() {}

  /** {@code x}, or a zero of {@code x}'s sign when {@code x} is subnormal. */
  static float flush(float x) {
    return Math.abs(x) < Float.MIN_NORMAL ? x * 0f : x;
  }

  /** {@code x}, or a zero of {@code x}'s sign when {@code x} is subnormal. */
  static double flush(double x) {
    return Math.abs(x) < Double.MIN_NORMAL ? x * 0.0 : x;
  }
}
