package dev.flaxj.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import org.junit.jupiter.api.Test;

/** Keys, split, fold_in and bits against values from real JAX. */
class KeysTest {

  /** uint32 words of an array as unsigned longs. */
  static long[] words(Value v) {
    int[] w = ((Array) v).rawInts();
    long[] out = new long[w.length];
    for (int i = 0; i < w.length; i++) {
      out[i] = Integer.toUnsignedLong(w[i]);
    }
    return out;
  }

  static long[] data(Value key) {
    return words(Random.keyData(key));
  }

  @Test
  void keyDataOfSeeds() {
    // from jax 0.10.2: key_data(key(s)) for s = 42, -1, 2**40 + 3
    assertArrayEquals(new long[] {0, 42}, data(Random.key(42)));
    assertArrayEquals(new long[] {0, 4294967295L}, data(Random.key(-1)));
    assertArrayEquals(new long[] {0, 3}, data(Random.key((1L << 40) + 3)));
    Value k = Random.key(42);
    assertEquals(DType.KEY, k.dtype());
    assertEquals(Shape.SCALAR, k.shape());
    Value raw = Random.prngKey(42);
    assertEquals(DType.UINT32, raw.dtype());
    assertEquals(Shape.of(2), raw.shape());
    assertArrayEquals(new long[] {0, 42}, words(raw));
  }

  @Test
  void splitMatchesJax() {
    // from jax 0.10.2
    assertArrayEquals(new long[] {1797259609L, 2579123966L, 928981903L, 3453687069L},
        data(Random.split(Random.key(0))));
    assertArrayEquals(new long[] {1832780943L, 270669613L, 64467757L, 2916123636L,
        2465931498L, 255383827L}, data(Random.split(Random.key(42), 3)));
    Value grid = Random.split(Random.key(42), 2, 2);
    assertEquals(Shape.of(2, 2), grid.shape());
    assertArrayEquals(new long[] {1832780943L, 270669613L, 64467757L, 2916123636L,
        2465931498L, 255383827L, 3134548294L, 894150801L}, data(grid));
    Value scalar = Random.split(Random.key(42), new int[0]);
    assertEquals(Shape.SCALAR, scalar.shape());
    assertArrayEquals(new long[] {1832780943L, 270669613L}, data(scalar));
    Value none = Random.split(Random.key(42), 0);
    assertEquals(Shape.of(0), none.shape());
  }

  @Test
  void rawKeysStayRaw() {
    Value keys = Random.split(Random.prngKey(7));
    assertEquals(DType.UINT32, keys.dtype());
    assertEquals(Shape.of(2, 2), keys.shape());
    // from jax 0.10.2: random.split(random.PRNGKey(7))
    assertArrayEquals(new long[] {3625411723L, 1954958720L, 195045567L, 4062205631L},
        words(keys));
    assertEquals(DType.UINT32, Random.foldIn(Random.prngKey(7), 1).dtype());
  }

  @Test
  void foldInMatchesJaxAndSplit() {
    // from jax 0.10.2
    assertArrayEquals(new long[] {1797259609L, 2579123966L}, data(Random.foldIn(Random.key(0), 0)));
    assertArrayEquals(new long[] {928981903L, 3453687069L}, data(Random.foldIn(Random.key(0), 1)));
    assertArrayEquals(new long[] {1266288034L, 1328509655L},
        data(Random.foldIn(Random.key(42), 0xb2b71315)));
    assertArrayEquals(new long[] {4006827317L, 911798682L},
        data(Random.foldIn(Random.key(42), (int) ((1L << 31) + 5))));
    long[] split = data(Random.split(Random.key(42), 5));
    for (int i = 0; i < 5; i++) {
      long[] folded = data(Random.foldIn(Random.key(42), i));
      assertEquals(split[2 * i], folded[0]);
      assertEquals(split[2 * i + 1], folded[1]);
    }
  }

  @Test
  void bitsMatchJax() {
    // from jax 0.10.2
    assertArrayEquals(new long[] {4070199207L, 4202968722L, 1427181096L},
        words(Random.bits(Random.key(0), 3)));
    Value b = Random.bits(Random.key(42), 2, 3);
    assertEquals(Shape.of(2, 3), b.shape());
    assertEquals(DType.UINT32, b.dtype());
    assertArrayEquals(new long[] {2098992034L, 2919706841L, 2646866425L, 2409546199L,
        1935504149L, 2516274904L}, words(b));
    assertArrayEquals(new long[] {2098992034L}, words(Random.bits(Random.key(42))));
    assertEquals(Shape.of(0, 3), Random.bits(Random.key(42), 0, 3).shape());
  }

  @Test
  void wrapAndUnwrapKeyData() {
    Value keys = Random.split(Random.key(3), 4);
    Value data = Random.keyData(keys);
    assertEquals(Shape.of(4, 2), data.shape());
    Value again = Random.wrapKeyData(data);
    assertEquals(keys, again);
    assertSame(keys, Random.clone(keys));
    assertEquals(Random.keyData(Random.key(9)), Random.keyData(Random.prngKey(9)));
  }

  @Test
  void badKeysAreRejectedNamingTheFunction() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Random.split(Array.ofUint32(new int[] {1, 2, 3}, 3)));
    assertTrue(e.getMessage().startsWith("split") && e.getMessage().contains("u32[3]"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Random.uniform(Array.of(new int[] {0, 1}, 2), 3));
    assertTrue(e.getMessage().startsWith("uniform") && e.getMessage().contains("i32[2]"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Random.foldIn(Random.split(Random.key(0)), 1));
    assertTrue(e.getMessage().contains("fold_in") && e.getMessage().contains("(2,)"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Random.wrapKeyData(Array.of(new float[] {1, 2}, 2)));
    assertTrue(e.getMessage().contains("wrap_key_data") && e.getMessage().contains("f32[2]"),
        e.getMessage());
  }

  @Test
  void badShapesAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Random.split(Random.key(0), -1));
    assertTrue(e.getMessage().contains("split") && e.getMessage().contains("(-1,)"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Random.bits(Random.key(0), 2, -3));
    assertTrue(e.getMessage().contains("bits") && e.getMessage().contains("(2, -3)"),
        e.getMessage());
  }
}
