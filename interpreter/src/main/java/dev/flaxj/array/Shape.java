package dev.flaxj.array;

import java.util.Arrays;

/** An immutable array shape: a list of non-negative dimensions. {@code ()} is a scalar. */
public final class Shape {
  public static final Shape SCALAR = new Shape(new int[0]);

  private final int[] dims;
  /** {@link #size()} once computed, else -1 (a benign race: every thread computes the same). */
  private int size = -1;

  private Shape(int[] dims) {
    this.dims = dims;
  }

  /** A shape with the given dimensions; a negative dimension is an {@link IllegalArgumentException}. */
  public static Shape of(int... dims) {
    for (int d : dims) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(dims));
      }
    }
    return dims.length == 0 ? SCALAR : new Shape(dims.clone());
  }

  public int rank() {
    return dims.length;
  }

  public int dim(int axis) {
    return dims[axis];
  }

  /** A copy of the dimensions. */
  public int[] dims() {
    return dims.clone();
  }

  /** Number of elements (1 for a scalar). */
  public int size() {
    if (size >= 0) {
      return size;
    }
    long n = 1;
    for (int d : dims) {
      n *= d;
    }
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("shape " + this + " has more than 2^31-1 elements");
    }
    size = (int) n;
    return size;
  }

  /** Row-major strides, in elements. */
  public int[] strides() {
    int[] s = new int[dims.length];
    int acc = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= dims[i];
    }
    return s;
  }

  /**
   * Normalises a possibly negative axis for this rank, or throws an {@link IllegalArgumentException}
   * naming {@code op}.
   */
  public int axis(int axis, String op) {
    return canonicalAxis(axis, dims.length, op);
  }

  /** Normalises a possibly negative axis for {@code rank}, or throws naming {@code op}. */
  public static int canonicalAxis(int axis, int rank, String op) {
    if (axis < -rank || axis >= rank) {
      throw new IllegalArgumentException(
          op + ": axis " + axis + " is out of bounds for array of rank " + rank);
    }
    return axis < 0 ? axis + rank : axis;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape && Arrays.equals(dims, ((Shape) o).dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  /** Python tuple notation, as JAX prints shapes: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
  @Override
  public String toString() {
    if (dims.length == 1) {
      return "(" + dims[0] + ",)";
    }
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < dims.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(dims[i]);
    }
    return sb.append(')').toString();
  }
}
