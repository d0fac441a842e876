package dev.flaxj.backend.reference;

/**
 * Per-element operators on primitive storage values, for the shared loops of the elementwise
 * kernels ({@code java.util.function} covers {@code int} and {@code double} operators but not
 * {@code float}, {@code boolean} or the comparisons).
 */
final class ElementOps {
  private ElementOps() {}

  @FunctionalInterface
  interface FloatUnary {
    float apply(float x);
  }

  @FunctionalInterface
  interface FloatBinary {
    float apply(float a, float b);
  }

  @FunctionalInterface
  interface BoolUnary {
    boolean apply(boolean x);
  }

  @FunctionalInterface
  interface BoolBinary {
    boolean apply(boolean a, boolean b);
  }

  @FunctionalInterface
  interface FloatTest {
    boolean test(float a, float b);
  }

  @FunctionalInterface
  interface DoubleTest {
    boolean test(double a, double b);
  }

  @FunctionalInterface
  interface IntTest {
    boolean test(int a, int b);
  }
}
