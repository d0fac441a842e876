package dev.flaxj.transform.batching;

import static dev.flaxj.transform.batching.VmapCheck.*;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.lax.GatherDimensionNumbers;
import dev.flaxj.lax.GatherScatterMode;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.ScatterDimensionNumbers;
import dev.flaxj.numpy.Index;
import dev.flaxj.numpy.Jnp;
import org.junit.jupiter.api.Test;

class IndexingBatchingTest {
  private final Array x345 = iota(1, 0, 3, 4, 5);
  /** Per-example start indices, some out of range (clamped) and one negative (wrapped by Lax). */
  private final Array starts = ints(new int[] {0, 3, -1, 7, 2, 1}, 3, 2);

  @Test
  void staticSlices() {
    for (int axis : new int[] {0, 1, 2, -1}) {
      check(a -> Lax.slice(a[0], new int[] {1, 0}, new int[] {3, 2}), axes(axis), 0,
          iota(1, 0, 4, 4, 4));
      check(a -> Lax.slice(a[0], new int[] {0, 1}, new int[] {4, 4}, new int[] {2, 2}),
          axes(axis), 1, iota(1, 0, 4, 4, 4));
    }
  }

  @Test
  void dynamicSliceWithUnmappedStarts() {
    Value[] s = {Array.scalar(1), Array.scalar(-2)};
    check(a -> Lax.dynamicSlice(a[0], s, new int[] {2, 3}), axes(0), 0, x345);
    check(a -> Lax.dynamicSlice(a[0], s, new int[] {2, 3}), axes(2), -1, x345);
    check(a -> Lax.dynamicSlice(a[0], new Value[] {a[1], Array.scalar(4)}, new int[] {2, 3}),
        axes(1, null), 0, x345, Array.scalar(9));
  }

  @Test
  void dynamicSliceWithMappedStartsBecomesAGather() {
    // starts per example: (0, 3), (-1, 7), (2, 1): clamped, the negative one wrapped first
    check(a -> Lax.dynamicSlice(a[0], startsOf(a[1]), new int[] {2, 3}), axes(0, 0), 0,
        x345, starts);
    check(a -> Lax.dynamicSlice(a[0], startsOf(a[1]), new int[] {2, 3}), axes(null, 0), 1,
        iota(1, 0, 4, 5), starts);
    check(a -> Lax.dynamicSlice(a[0], new Value[] {a[1], Array.scalar(1)}, new int[] {1, 2}),
        axes(1, 0), 0, x345, ints(new int[] {2, 0, 5, -3}, 4));
  }

  private static Value[] startsOf(Value pair) {
    return new Value[] {Jnp.index(pair, Index.at(0)), Jnp.index(pair, Index.at(1))};
  }

  @Test
  void dynamicUpdateSlice() {
    Array update = iota(-1, -1, 3, 2, 2);
    Value[] fixed = {Array.scalar(3), Array.scalar(1)};
    check(a -> Lax.dynamicUpdateSlice(a[0], a[1], fixed), axes(0, 0), 0, x345, update);
    check(a -> Lax.dynamicUpdateSlice(a[0], a[1], fixed), axes(2, null), 1, x345,
        iota(1, 100, 2, 2));
    check(a -> Lax.dynamicUpdateSlice(a[0], a[1], fixed), axes(null, 0), 0, iota(1, 0, 4, 5),
        update);
    // mapped starts: a scatter in CLIP mode
    check(a -> Lax.dynamicUpdateSlice(a[0], a[1], startsOf(a[2])), axes(0, 0, 0), 0, x345,
        update, starts);
    check(a -> Lax.dynamicUpdateSlice(a[0], a[1], startsOf(a[2])), axes(null, null, 0), 2,
        iota(1, 0, 4, 5), iota(1, 50, 2, 2), starts);
    check(a -> Lax.dynamicUpdateSlice(a[0], a[1], startsOf(a[2])), axes(1, null, 0), 0,
        iota(1, 0, 4, 3, 5), iota(1, 50, 3, 2), starts);
  }

  @Test
  void numpyGathers() {
    Array idx = ints(new int[] {2, 0, 3, 3, 1, 0}, 3, 2);
    check(a -> Jnp.index(a[0], Index.array(a[1])), axes(0, null), 0, x345,
        ints(new int[] {3, 0, 1}, 3));
    check(a -> Jnp.index(a[0], Index.ALL, Index.array(a[1])), axes(null, 0), 1,
        iota(1, 0, 3, 4), idx);
    check(a -> Jnp.index(a[0], Index.array(a[1]), Index.slice(1, 3)), axes(1, 0), 0,
        iota(1, 0, 4, 3, 5), idx);
    check(a -> Jnp.index(a[0], Index.at(-1), Index.array(a[1])), axes(-1, 1), -1,
        iota(1, 0, 3, 4, 3), ints(new int[] {0, 1, 2, 3, 0, 2}, 2, 3));
  }

  @Test
  void gatherWithBatchingDimsAndModes() {
    GatherDimensionNumbers dn = new GatherDimensionNumbers(new int[0], new int[] {1},
        new int[] {1}, new int[] {0}, new int[] {0});
    // per example: operand (2, 5), indices (2, 1) paired with its rows
    Array operand = iota(1, 0, 3, 2, 5);
    Array indices = ints(new int[] {4, 0, 1, 9, 3, 2}, 3, 2, 1);
    for (GatherScatterMode mode : GatherScatterMode.values()) {
      check(a -> Lax.gather(a[0], a[1], dn, new int[] {1, 1}, mode), axes(0, 0), 0, operand,
          indices);
      check(a -> Lax.gather(a[0], a[1], dn, new int[] {1, 1}, mode), axes(0, null), 0,
          operand, ints(new int[] {4, 9}, 2, 1));
      check(a -> Lax.gather(a[0], a[1], dn, new int[] {1, 1}, mode), axes(null, 2), 0,
          iota(1, 0, 2, 5), ints(new int[] {4, 0, 1, 6, 3, 2}, 2, 1, 3));
    }
  }

  @Test
  void numpyScattersInEveryCombination() {
    Array x = iota(1, 0, 3, 5);
    Array idx = ints(new int[] {1, 1, 4, 0, 2, 0}, 3, 2);
    Array upd = iota(10, 10, 3, 2);
    Integer[][] combos = {{0, 0, 0}, {0, null, null}, {null, 0, null}, {null, null, 0},
        {0, 0, null}, {0, null, 0}, {null, 0, 0}};
    for (Integer[] c : combos) {
      Value xs = c[0] == null ? Jnp.index(x, Index.at(0)) : x;
      Value is = c[1] == null ? Jnp.index(idx, Index.at(0)) : idx;
      Value us = c[2] == null ? Jnp.index(upd, Index.at(0)) : upd;
      check(a -> Jnp.at(a[0], Index.array(a[1])).set(a[2]), c, 0, xs, is, us);
      check(a -> Jnp.at(a[0], Index.array(a[1])).add(a[2]), c, 1, xs, is, us);
    }
  }

  @Test
  void scatterWithBatchingDims() {
    ScatterDimensionNumbers dn = new ScatterDimensionNumbers(new int[0], new int[] {1},
        new int[] {1}, new int[] {0}, new int[] {0});
    Array operand = iota(1, 0, 3, 2, 5);
    Array indices = ints(new int[] {4, 0, 1, 9, 3, 2}, 3, 2, 1);
    Array updates = iota(-1, -1, 3, 2);
    check(a -> Lax.scatterAdd(a[0], a[1], a[2], dn, GatherScatterMode.FILL_OR_DROP),
        axes(0, 0, 0), 0, operand, indices, updates);
    check(a -> Lax.scatter(a[0], a[1], a[2], dn, GatherScatterMode.CLIP), axes(0, 0, null), 0,
        operand, indices, iota(1, 7, 2));
    check(a -> Lax.scatter(a[0], a[1], a[2], dn, GatherScatterMode.CLIP), axes(null, 0, 0), 1,
        iota(1, 0, 2, 5), indices, updates);
  }
}
