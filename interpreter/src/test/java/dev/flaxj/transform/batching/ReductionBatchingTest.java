package dev.flaxj.transform.batching;

import static dev.flaxj.transform.batching.VmapCheck.*;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.lax.Lax;
import org.junit.jupiter.api.Test;

class ReductionBatchingTest {
  private final Array x = iota(0.37, -3, 3, 4, 5);

  @Test
  void monoidReductionsOverEveryAxisSet() {
    int[][] axesSets = {{0}, {1}, {0, 1}, {1, 0}, {}};
    for (int axis : new int[] {0, 1, 2, -1}) {
      for (int[] red : axesSets) {
        check(a -> Lax.reduceSum(a[0], red), axes(axis), 0, x);
        check(a -> Lax.reduceMax(a[0], red), axes(axis), 0, x);
        check(a -> Lax.reduceMin(a[0], red), axes(axis), 0, x);
        check(a -> Lax.reduceProd(a[0], red), axes(axis), 0, x);
      }
    }
    Array bits = ints(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 2, 3, 2);
    check(a -> Lax.reduceOr(a[0], 1), axes(1), 0, bits);
    check(a -> Lax.reduceAnd(a[0], 0, 1), axes(-1), 0, bits);
  }

  @Test
  void argReductionsAndScans() {
    Array ties = ints(new int[] {3, 1, 3, 0, 2, 2, 5, 5, 1, 0, 0, 4}, 3, 4);
    for (int axis : new int[] {0, 1}) {
      check(a -> Lax.argmax(a[0], 0, DType.INT32), axes(axis), 0, ties);
      check(a -> Lax.argmin(a[0], 0, DType.INT32), axes(axis), 0, ties);
      check(a -> Lax.cumsum(a[0], 0, false), axes(axis), 0, x);
      check(a -> Lax.cummax(a[0], 1, true), axes(axis), -1, x);
      check(a -> Lax.cumprod(a[0], 0, true), axes(axis), 1, x);
      check(a -> Lax.cummin(a[0], 1, false), axes(axis), 0, x);
    }
  }

  @Test
  void scalarsPerExample() {
    check(a -> Lax.reduceSum(a[0], 0), axes(1), 0, iota(1, 0, 4, 3));
    check(a -> Lax.cumsum(a[0], 0, false), axes(0), 0, iota(1, 0, 3, 4));
  }
}
