package dev.flaxj.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The threefry2x32, random_wrap and random_unwrap primitives on their own. */
class ThreefryPrimitiveTest {

  private static Array u32(int... words) {
    return Array.ofUint32(words, words.length);
  }

  private static int[] hash(int k1, int k2, int x1, int x2) {
    List<Value> y = Lax.threefry2x32(u32(k1), u32(k2), u32(x1), u32(x2));
    return new int[] {((Array) y.get(0)).rawInts()[0], ((Array) y.get(1)).rawInts()[0]};
  }

  @Test
  void knownAnswersFromTheThreefryReference() {
    // Known answers of Threefry-2x32, 20 rounds (jax tests/random_test.py testThreefry2x32).
    assertArrayEquals(new int[] {0x6b200159, 0x99ba4efe}, hash(0, 0, 0, 0));
    assertArrayEquals(new int[] {0x1cb996fc, 0xbb002be7}, hash(-1, -1, -1, -1));
    assertArrayEquals(new int[] {0xc4923a9c, 0x483df7a0},
        hash(0x13198a2e, 0x03707344, 0x243f6a88, 0x85a308d3));
  }

  @Test
  void scalarKeyWordsBroadcastOverCounters() {
    Array k1 = Array.ofUint32(new int[] {0x13198a2e});
    Array k2 = Array.ofUint32(new int[] {0x03707344});
    Array x1 = Array.ofUint32(new int[] {0, 0x243f6a88, 0}, 3);
    Array x2 = Array.ofUint32(new int[] {0, 0x85a308d3, 7}, 3);
    List<Value> y = Lax.threefry2x32(k1, k2, x1, x2);
    assertEquals(dev.flaxj.array.Shape.of(3), y.get(0).shape());
    int[] expected = hash(0x13198a2e, 0x03707344, 0x243f6a88, 0x85a308d3);
    assertEquals(expected[0], ((Array) y.get(0)).rawInts()[1]);
    assertEquals(expected[1], ((Array) y.get(1)).rawInts()[1]);
    assertEquals(hash(0x13198a2e, 0x03707344, 0, 7)[1], ((Array) y.get(1)).rawInts()[2]);
  }

  @Test
  void zeroSizeCountersGiveEmptyOutputs() {
    Array empty = Array.ofUint32(new int[0], 0, 4);
    Array k = Array.ofUint32(new int[] {1});
    List<Value> y = Lax.threefry2x32(k, k, empty, empty);
    assertEquals(dev.flaxj.array.Shape.of(0, 4), y.get(1).shape());
  }

  @Test
  void rejectsNonUint32AndMismatchedShapes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Lax.threefry2x32(Array.of(new int[] {1}, 1), u32(1), u32(1), u32(1)));
    assertTrue(e.getMessage().contains("threefry2x32") && e.getMessage().contains("i32[1]"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Lax.threefry2x32(u32(1), u32(1), u32(1, 2), u32(1, 2, 3)));
    assertTrue(e.getMessage().contains("u32[2]") && e.getMessage().contains("u32[3]"),
        e.getMessage());
  }

  @Test
  void wrapAndUnwrapRoundTrip() {
    Array data = Array.ofUint32(new int[] {1, 2, 3, 4, 5, 6}, 3, 2);
    Value keys = Lax.randomWrap(data);
    assertEquals(DType.KEY, keys.dtype());
    assertEquals(dev.flaxj.array.Shape.of(3), keys.shape());
    assertEquals(data, Lax.randomUnwrap(keys));
    Value scalarKey = Lax.randomWrap(u32(7, 8));
    assertEquals(dev.flaxj.array.Shape.SCALAR, scalarKey.shape());
    assertEquals(u32(7, 8), Lax.randomUnwrap(scalarKey));
  }

  @Test
  void wrapRejectsBadKeyData() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Lax.randomWrap(u32(1, 2, 3)));
    assertTrue(e.getMessage().contains("random_wrap") && e.getMessage().contains("u32[3]"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Lax.randomWrap(Array.of(new int[] {1, 2}, 2)));
    assertTrue(e.getMessage().contains("i32[2]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Lax.randomWrap(Array.ofUint32(new int[] {1})));
    assertTrue(e.getMessage().contains("u32[]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Lax.randomUnwrap(u32(1, 2)));
    assertTrue(e.getMessage().contains("random_unwrap") && e.getMessage().contains("u32[2]"),
        e.getMessage());
  }
}
