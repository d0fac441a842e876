package dev.flaxj.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.errors.PyValueError;
import dev.flaxj.random.Random;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaticFoldTest {
  private static int[] keyData(Value key) {
    return ((Array) Random.keyData(key)).toIntArray();
  }

  private static int[] words(long a, long b) {
    return new int[] {(int) a, (int) b};
  }

  // Expected key data from flax.core.scope._fold_in_static(jax.random.key(0), path),
  // flax 0.12.8 with jax 0.10.2.
  @Test
  void matchesFlaxForCountersAndNames() {
    Value key = Random.key(0);
    assertArrayEquals(words(1428664606L, 3351135085L), keyData(StaticFold.foldInStatic(key, List.of(1))));
    assertArrayEquals(words(3043437727L, 3662875008L),
        keyData(StaticFold.foldInStatic(key, List.of("Dense_0", 1))));
    assertArrayEquals(words(4176472891L, 2416973527L),
        keyData(StaticFold.foldInStatic(key, List.of("ScanLSTMCell_0", "ii", 1))));
    assertArrayEquals(words(1933920794L, 3294697503L), keyData(StaticFold.foldInStatic(key, List.of(256))));
  }

  @Test
  void separatorFlagChangesTheHashAsInFlax() {
    // flax.config.update('flax_fix_rng_separator', True), then the same call (flax 0.12.8).
    assertArrayEquals(words(243693010L, 2466960572L),
        keyData(StaticFold.foldInStatic(Random.key(0), List.of("Dense_0", 1), true)));
  }

  @Test
  void emptyPathKeepsTheKey() {
    Value key = Random.key(7);
    assertSame(key, StaticFold.foldInStatic(key, List.of()));
  }

  @Test
  void hashOfCounterOneIsTheSha1Prefix() {
    // sha1(b'\x01') starts with bf8b4530.
    assertEquals(0xbf8b4530, StaticFold.hash(List.of(1), false));
  }

  @Test
  void rejectsOtherItemTypes() {
    PyValueError e = assertThrows(PyValueError.class, () -> StaticFold.hash(List.of(1.5), false));
    // from flax 0.12.8: _fold_in_static(key, [1.5]) raises ValueError, [-1] OverflowError
    assertEquals("Expected int or string, got: 1.5", e.getMessage());
    ArithmeticException overflow = assertThrows(ArithmeticException.class, () -> StaticFold.hash(List.of(-1), false));
    assertEquals("can't convert negative int to unsigned", overflow.getMessage());
  }
}
