package dev.flaxj.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** randint, permutation, choice and categorical against real JAX, plus their invariants. */
class DiscreteSamplersTest {
  private static final Value K42 = Random.key(42);
  private static final Array X = Array.of(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 3, 4);

  private static int[] ints(Value v) {
    return ((Array) v).rawInts();
  }

  private static float[] floats(Value v) {
    return ((Array) v).rawFloats();
  }

  @Test
  void randintMatchesJax() {
    // from jax 0.10.2
    assertArrayEquals(new int[] {385, 952, 113, 628, 65, 178, 907, 937},
        ints(Random.randint(K42, new int[] {8}, -7, 1000)));
    Value u = Random.randint(Random.key(1), new int[] {6}, 3, 70000, DType.UINT32);
    assertEquals(DType.UINT32, u.dtype());
    assertArrayEquals(new int[] {32428, 57551, 69303, 3831, 21357, 42317}, ints(u));
    // from jax 0.10.2: randint(key(42), (), 0, 10)
    Value scalar = Random.randint(K42, new int[0], 0, 10);
    assertEquals(Shape.SCALAR, scalar.shape());
    assertArrayEquals(new int[] {4}, ints(scalar));
    // An inverted range gives minval.
    assertArrayEquals(new int[] {7, 7, 7, 7}, ints(Random.randint(K42, new int[] {4}, 7, 3)));
  }

  @Property(tries = 40)
  void randintStaysInRange(@ForAll @IntRange(min = -50, max = 50) int lo,
      @ForAll @IntRange(min = 1, max = 300) int span, @ForAll @IntRange(max = 1000) int seed) {
    for (int v : ints(Random.randint(Random.key(seed), new int[] {64}, lo, lo + span))) {
      assertTrue(v >= lo && v < lo + span, v + " not in [" + lo + ", " + (lo + span) + ")");
    }
  }

  @Test
  void permutationMatchesJax() {
    // from jax 0.10.2: random.permutation(key(42), 10) and of X along axis 1
    assertArrayEquals(new int[] {7, 4, 2, 5, 3, 6, 8, 9, 0, 1},
        ints(Random.permutation(K42, 10)));
    assertArrayEquals(new float[] {2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9},
        floats(Random.permutation(K42, X, 1, false)));
    assertArrayEquals(new float[] {2, 3, 0, 1, 7, 4, 5, 6, 10, 11, 8, 9},
        floats(Random.permutation(K42, X, 1, true)));
  }

  @Property(tries = 30)
  void permutationIsAPermutation(@ForAll @IntRange(max = 300) int n,
      @ForAll @IntRange(max = 10000) int seed) {
    int[] p = ints(Random.permutation(Random.key(seed), n)).clone();
    Arrays.sort(p);
    for (int i = 0; i < n; i++) {
      assertEquals(i, p[i]);
    }
  }

  @Test
  void choiceMatchesJax() {
    // from jax 0.10.2
    assertArrayEquals(new int[] {4, 4, 1, 9, 9, 9},
        ints(Random.choice(K42, 10, new int[] {6}, true, null)));
    assertArrayEquals(new int[] {7, 4, 2, 5, 3, 6},
        ints(Random.choice(K42, 10, new int[] {6}, false, null)));
    assertArrayEquals(new int[] {2, 2, 2, 2, 2, 2}, ints(Random.choice(K42, 5, new int[] {6},
        true, Array.of(new float[] {.1f, .2f, .3f, .2f, .2f}, 5))));
    // from jax 0.10.2: choice(key(42), 5) and permutation(key(42), jnp.array(4))
    assertArrayEquals(new int[] {4}, ints(Random.choice(K42, 5, new int[0], true, null)));
    assertArrayEquals(new int[] {2, 3, 0, 1}, ints(Random.permutation(K42, Array.scalar(4))));
    Value columns = Random.choice(K42, X, new int[] {2}, true, null, 1);
    assertEquals(Shape.of(3, 2), columns.shape());
    assertArrayEquals(new float[] {0, 2, 4, 6, 8, 10}, floats(columns));
  }

  @Test
  void weightedDrawsWithoutReplacementMatchJax() {
    Array p = Array.of(new float[] {.1f, .2f, .3f, .2f, .2f}, 5);
    // from jax 0.10.2: choice(key(42), 5, (3,), replace=False, p=p), and of
    // arange(10.).reshape(2, 5) along axis 1 with shape (2,)
    assertArrayEquals(new int[] {2, 1, 3}, ints(Random.choice(K42, 5, new int[] {3}, false, p)));
    Array rows = Array.of(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 2, 5);
    assertArrayEquals(new float[] {2, 1, 7, 6},
        floats(Random.choice(K42, rows, new int[] {2}, false, p, 1)));
    Array logits = Array.of(new float[] {0.1f, 1, -0.5f, 2, 3, 0, 0, -1}, 2, 4);
    // from jax 0.10.2: categorical(key(42), logits, replace=False, shape=(3, 2)) and with
    // axis=0, shape=(2, 4)
    assertArrayEquals(new int[] {3, 0, 1, 1, 0, 3},
        ints(Random.categorical(K42, logits, -1, new int[] {3, 2}, false)));
    assertArrayEquals(new int[] {1, 0, 0, 0, 0, 1, 1, 1},
        ints(Random.categorical(K42, logits, 0, new int[] {2, 4}, false)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Random.categorical(K42, logits, -1, new int[] {5, 2}, false));
    assertTrue(e.getMessage().contains("(5)") && e.getMessage().contains("(4)"), e.getMessage());
  }

  @Test
  void choiceWithoutReplacementHasDistinctDraws() {
    int[] c = ints(Random.choice(Random.key(8), 50, new int[] {50}, false, null)).clone();
    Arrays.sort(c);
    for (int i = 0; i < 50; i++) {
      assertEquals(i, c[i]);
    }
    assertEquals(Shape.of(0), Random.choice(K42, 0, new int[] {0}, true, null).shape());
  }

  @Test
  void choiceRejectsImpossibleRequests() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Random.choice(K42, 3, new int[] {4}, false, null));
    assertTrue(e.getMessage().contains("size 4") && e.getMessage().contains("size 3"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Random.choice(K42, 0, new int[] {2}, true, null));
    assertTrue(e.getMessage().contains("choice"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Random.choice(K42, 3, new int[] {2}, true, Array.of(new float[2], 2)));
    assertTrue(e.getMessage().contains("(2,)"), e.getMessage());
  }

  @Test
  void categoricalMatchesJax() {
    Array logits = Array.of(new float[] {0.1f, 1, -0.5f, 2, 3, 0, 0, -1}, 2, 4);
    // from jax 0.10.2: random.categorical(key(42), logits) and with axis=0, shape=(3, 4)
    assertArrayEquals(new int[] {3, 0}, ints(Random.categorical(K42, logits)));
    Value c = Random.categorical(K42, logits, 0, new int[] {3, 4});
    assertEquals(Shape.of(3, 4), c.shape());
    assertArrayEquals(new int[] {1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0}, ints(c));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Random.categorical(K42, logits, -1, new int[] {3}));
    assertTrue(e.getMessage().contains("categorical"), e.getMessage());
  }

  @Test
  void badIntegerArgumentsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Random.randint(K42, new int[] {2}, 0, 5, DType.FLOAT32));
    assertTrue(e.getMessage().contains("randint") && e.getMessage().contains("float32"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Random.permutation(K42, Array.scalar(2.5f)));
    assertTrue(e.getMessage().contains("permutation"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Random.permutation(K42, X, 2, false));
    assertTrue(e.getMessage().contains("permutation") && e.getMessage().contains("axis 2"),
        e.getMessage());
  }
}
