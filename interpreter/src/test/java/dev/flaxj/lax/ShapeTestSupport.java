package dev.flaxj.lax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import org.junit.jupiter.api.function.Executable;

/** Array builders and assertions shared by the shape and indexing tests. */
final class ShapeTestSupport {
  private ShapeTestSupport() {}

  static int[] shape(int... dims) {
    return dims;
  }

  static Array f32(int[] shape, float... values) {
    return Array.of(values, shape);
  }

  static Array i32(int[] shape, int... values) {
    return Array.of(values, shape);
  }

  static Array bools(int[] shape, boolean... values) {
    return Array.of(values, shape);
  }

  /** A float32 array of the given shape holding 0, 1, 2, ... */
  static Array range(int... shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = i;
    }
    return Array.of(v, shape);
  }

  /** An int32 array of the given shape holding 0, 1, 2, ... */
  static Array intRange(int... shape) {
    Array r = range(shape);
    int[] v = new int[r.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    return Array.of(v, shape);
  }

  /** A key array whose element {@code i} has the words {@code (1000 + 2i, 1001 + 2i)}. */
  static Array keyRange(int... shape) {
    int n = range(shape).size();
    int[] words = new int[2 * n];
    for (int i = 0; i < 2 * n; i++) {
      words[i] = 1000 + i;
    }
    return Array.ofWords(DType.KEY, words, shape);
  }

  /** The key words that {@link #keyRange} puts at the element indices {@code ids}. */
  static int[] keyWords(int[] ids) {
    int[] words = new int[2 * ids.length];
    for (int i = 0; i < ids.length; i++) {
      words[2 * i] = 1000 + 2 * ids[i];
      words[2 * i + 1] = 1001 + 2 * ids[i];
    }
    return words;
  }

  /** Builds arrays whose elements stand for element ids: int32 ids, or keys with their words. */
  interface Elements {
    Array of(int[] shape, int... ids);

    /** Elements 0, 1, 2, ... in the given shape. */
    default Array range(int... shape) {
      return of(shape, intRange(shape).toIntArray());
    }
  }

  static final Elements INTS = (shape, ids) -> Array.of(ids, shape);
  static final Elements KEYS = (shape, ids) -> Array.ofWords(DType.KEY, keyWords(ids), shape);

  /**
   * {@code op} moves key elements exactly as it moves int32 element ids: the key result holds,
   * at every position, the key whose id the int32 result holds there.
   */
  static void assertKeysMoveLikeInts(java.util.function.Function<Elements, Value> op) {
    Array ints = (Array) op.apply(INTS);
    Array keys = (Array) op.apply(KEYS);
    assertEquals(DType.KEY, keys.dtype());
    assertEquals(ints.shape(), keys.shape());
    org.junit.jupiter.api.Assertions.assertArrayEquals(keyWords(ints.toIntArray()),
        keys.toIntArray());
  }

  static void assertArray(Array expected, Value actual) {
    assertEquals(expected, actual);
  }

  /** {@code body} throws an {@link IllegalArgumentException} whose message holds every fragment. */
  static void assertFails(Executable body, String... fragments) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, body);
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), () -> "message '" + e.getMessage()
          + "' does not mention '" + f + "'");
    }
  }
}
