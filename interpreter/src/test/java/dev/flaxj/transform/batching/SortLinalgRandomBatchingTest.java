package dev.flaxj.transform.batching;

import static dev.flaxj.transform.batching.VmapCheck.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.random.Random;
import org.junit.jupiter.api.Test;

class SortLinalgRandomBatchingTest {
  @Test
  void sortByKeysCarriesTheOthers() {
    Array keys = ints(new int[] {3, 1, 2, 1, 0, 0, 2, 2, 1, 5, 4, 1}, 3, 4);
    Array vals = iota(1, 0, 4, 3);
    for (int k = 0; k < 2; k++) {
      int which = k;
      check(a -> Lax.sort(0, true, 1, a[0], a[1]).get(which), axes(0, 1), 0, keys, vals);
      check(a -> Lax.sort(0, true, 1, a[0], a[1]).get(which), axes(1, null), 1, keys,
          iota(1, 0, 3));
      check(a -> Lax.sort(-1, true, 2, a[0], a[1]).get(which), axes(null, 0), 0,
          ints(new int[] {1, 1, 0}, 3), ints(new int[] {5, 3, 8, 0, 1, 2, 2, 1, 1, 7, 7, 7}, 4, 3));
    }
  }

  @Test
  void qrByTheBatchedKernel() {
    Array x = iota(0.3, -1, 2, 4, 3);
    for (int axis : new int[] {0, 1, 2}) {
      for (int k = 0; k < 2; k++) {
        int which = k;
        check(a -> Lax.qr(a[0]).get(which), axes(axis), 0, x);
      }
    }
    // a batch in front of batched matrices stays where it is
    Array many = iota(0.1, 0, 2, 3, 3, 2);
    check(a -> Lax.qr(a[0]).get(1), axes(1), 0, many);
  }

  @Test
  void randomBitsPerKeyEqualTheLoop() {
    Value keys = Random.split(Random.key(0), 4);
    check(a -> Random.uniform(a[0], new int[] {3}), axes(0), 0, keys);
    check(a -> Random.normal(a[0], new int[] {2, 2}), axes(0), 2, keys);
    check(a -> Random.keyData(Random.split(a[0], 3)), axes(0), 1, keys);
    check(a -> Random.permutation(a[0], 5), axes(0), 0, keys);
    check(a -> Random.bernoulli(a[0], 0.3, 6), axes(0), 0, keys);
    // the same key for every example: not mapped, broadcast to the batch
    Value one = Random.key(7);
    Value same = vmap(a -> Random.uniform(a[0], new int[] {2}), axes(null, 0), 0, one,
        Array.of(new float[3], 3));
    assertEquals(dev.flaxj.array.Shape.of(3, 2), same.shape());
    assertClose(Random.uniform(one, new int[] {2}), VmapCheck.example(same, 0, 2));
  }

  @Test
  void wrapAndUnwrapKeyData() {
    Value data = Lax.randomUnwrap(Random.split(Random.key(3), 6));
    Value batched = Lax.reshape(data, 3, 2, 2);
    check(a -> Lax.randomUnwrap(Random.foldIn(Lax.randomWrap(a[0]), 5)), axes(0), 0, data);
    // batch after the key-data dimension of 2
    Value trailing = Lax.transpose(batched, 1, 2, 0);
    check(a -> Lax.randomUnwrap(Lax.randomWrap(a[0])), axes(2), 0, trailing);
    check(a -> Lax.randomUnwrap(Lax.randomWrap(a[0])), axes(1), 1,
        Lax.transpose(batched, 1, 0, 2));
  }

  @Test
  void threefryWithScalarKeyWords() {
    Value k1 = Array.ofUint32(new int[] {1, 2, 3}, 3);
    Value k2 = Array.ofUint32(new int[] {9}, new int[0]);
    Value x1 = Array.ofUint32(new int[] {0, 1, 2, 3, 4, 5}, 3, 2);
    Value x2 = Array.ofUint32(new int[] {7, 7}, 2);
    for (int k = 0; k < 2; k++) {
      int which = k;
      check(a -> Lax.threefry2x32(a[0], a[1], a[2], a[3]).get(which), axes(0, null, 0, null),
          0, k1, k2, x1, x2);
      check(a -> Lax.threefry2x32(a[0], a[1], a[2], a[3]).get(which), axes(null, null, 1, null),
          0, Array.ofUint32(new int[] {4}, new int[0]), k2, x1,
          Array.ofUint32(new int[] {5, 6, 7}, 3));
    }
  }
}
