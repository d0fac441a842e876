package dev.flaxj.numpy;

import java.util.Arrays;
import java.util.List;

/** Small helpers on lists of axes and dimensions. */
final class Ints {
  private Ints() {}

  static int[] of(List<Integer> xs) {
    return xs.stream().mapToInt(Integer::intValue).toArray();
  }

  /** {@code 0, 1, ..., n - 1}. */
  static int[] range(int n) {
    int[] r = new int[n];
    Arrays.setAll(r, i -> i);
    return r;
  }

  static boolean contains(int[] xs, int v) {
    return Arrays.stream(xs).anyMatch(x -> x == v);
  }

  static int[] sorted(int[] xs) {
    int[] s = xs.clone();
    Arrays.sort(s);
    return s;
  }
}
