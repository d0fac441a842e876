package dev.flaxj.backend.reference;

import dev.flaxj.array.DType;

/**
 * The combining operations of reductions and scans, with their identities, on each storage
 * type. Float max/min are IEEE maximum/minimum, as XLA's: NaN wins, and -0.0 &lt; 0.0. Floats
 * flush subnormal operands and results to zero, as XLA on CPU does (see {@link Denormals}).
 * Integer arithmetic wraps; uint32 compares unsigned; and/or on integers are bitwise.
 */
enum Monoid {
  SUM, PROD, MAX, MIN, AND, OR;

  float apply(float a, float b) {
    return Denormals.flush(combine(Denormals.flush(a), Denormals.flush(b)));
  }

  double apply(double a, double b) {
    return Denormals.flush(combine(Denormals.flush(a), Denormals.flush(b)));
  }

  private float combine(float a, float b) {
    switch (this) {
      case SUM: return a + b;
      case PROD: return a * b;
      case MAX: return Math.max(a, b);
      case MIN: return Math.min(a, b);
      default: throw unsupported(DType.FLOAT32);
    }
  }

  private double combine(double a, double b) {
    switch (this) {
      case SUM: return a + b;
      case PROD: return a * b;
      case MAX: return Math.max(a, b);
      case MIN: return Math.min(a, b);
      default: throw unsupported(DType.FLOAT64);
    }
  }

  int apply(int a, int b, boolean unsigned) {
    switch (this) {
      case SUM: return a + b;
      case PROD: return a * b;
      case MAX: return compare(a, b, unsigned) >= 0 ? a : b;
      case MIN: return compare(a, b, unsigned) <= 0 ? a : b;
      case AND: return a & b;
      default: return a | b;
    }
  }

  boolean apply(boolean a, boolean b) {
    switch (this) {
      case MAX: case OR: return a || b;
      case MIN: case AND: return a && b;
      default: throw unsupported(DType.BOOL);
    }
  }

  private static int compare(int a, int b, boolean unsigned) {
    return unsigned ? Integer.compareUnsigned(a, b) : Integer.compare(a, b);
  }

  float floatIdentity() {
    return (float) doubleIdentity();
  }

  double doubleIdentity() {
    switch (this) {
      case SUM: return 0;
      case PROD: return 1;
      case MAX: return Double.NEGATIVE_INFINITY;
      case MIN: return Double.POSITIVE_INFINITY;
      default: throw unsupported(DType.FLOAT64);
    }
  }

  int intIdentity(boolean unsigned) {
    switch (this) {
      case SUM: case OR: return 0;
      case PROD: return 1;
      case MAX: return unsigned ? 0 : Integer.MIN_VALUE;
      case MIN: return unsigned ? -1 : Integer.MAX_VALUE;
      default: return -1;
    }
  }

  boolean boolIdentity() {
    return this == MIN || this == AND;
  }

  private UnsupportedOperationException unsupported(DType d) {
    return new UnsupportedOperationException(name().toLowerCase() + " on " + d);
  }
}
