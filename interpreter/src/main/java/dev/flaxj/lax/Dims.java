package dev.flaxj.lax;

import dev.flaxj.array.ShapedArray;
import java.util.List;

/** Checks and small computations on lists of dimension numbers, shared by the shape rules. */
final class Dims {
  private Dims() {}

  /** Python tuple notation for dimension lists in messages: {@code ()}, {@code (3,)}, {@code (1, 2)}. */
  static String tuple(int... dims) {
    if (dims.length == 1) {
      return "(" + dims[0] + ",)";
    }
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < dims.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(dims[i]);
    }
    return sb.append(')').toString();
  }

  /** The shapes of {@code avals}, comma separated, for messages. */
  static String shapes(List<ShapedArray> avals) {
    StringBuilder sb = new StringBuilder();
    for (ShapedArray a : avals) {
      sb.append(sb.length() == 0 ? "" : ", ").append(a.shape());
    }
    return sb.toString();
  }

  /** The dtypes of {@code avals}, comma separated, for messages. */
  static String dtypes(List<ShapedArray> avals) {
    StringBuilder sb = new StringBuilder();
    for (ShapedArray a : avals) {
      sb.append(sb.length() == 0 ? "" : ", ").append(a.dtype());
    }
    return sb.toString();
  }

  static boolean contains(int[] dims, int d) {
    for (int x : dims) {
      if (x == d) {
        return true;
      }
    }
    return false;
  }

  /** The dimensions {@code 0..rank-1} that none of {@code excluded} holds, ascending. */
  static int[] complement(int rank, int[]... excluded) {
    int[] out = new int[rank];
    int n = 0;
    outer:
    for (int d = 0; d < rank; d++) {
      for (int[] ex : excluded) {
        if (contains(ex, d)) {
          continue outer;
        }
      }
      out[n++] = d;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** Every entry of {@code dims} lies in {@code [0, rank)}. */
  static void inRange(Primitive p, String name, int[] dims, int rank, String context) {
    for (int d : dims) {
      if (d < 0 || d >= rank) {
        throw p.error(name + " " + tuple(dims) + " out of range [0, " + rank + ") for " + context);
      }
    }
  }

  /** No entry of {@code dims} repeats. */
  static void unique(Primitive p, String name, int[] dims, String context) {
    for (int i = 0; i < dims.length; i++) {
      for (int j = 0; j < i; j++) {
        if (dims[i] == dims[j]) {
          throw p.error(name + " " + tuple(dims) + " repeat dimension " + dims[i] + " for " + context);
        }
      }
    }
  }

  /** {@code dims} is sorted ascending. */
  static void sorted(Primitive p, String name, int[] dims) {
    for (int i = 1; i < dims.length; i++) {
      if (dims[i] < dims[i - 1]) {
        throw p.error(name + " must be sorted, got " + tuple(dims));
      }
    }
  }

  /** {@code a} and {@code b} share no entry. */
  static void disjoint(Primitive p, String nameA, int[] a, String nameB, int[] b) {
    for (int d : a) {
      if (contains(b, d)) {
        throw p.error(nameA + " " + tuple(a) + " and " + nameB + " " + tuple(b)
            + " must be disjoint, both hold " + d);
      }
    }
  }
}
