package dev.flaxj.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import org.junit.jupiter.api.Test;

/** The float samplers against bit patterns from real JAX, plus range and shape properties. */
class SamplersTest {
  private static final Value K42 = Random.key(42);

  /** float32 bit patterns, compared exactly. */
  static void assertBits(int[] expected, Value actual) {
    assertEquals(DType.FLOAT32, actual.dtype());
    float[] f = ((Array) actual).rawFloats();
    int[] bits = new int[f.length];
    for (int i = 0; i < f.length; i++) {
      bits[i] = Float.floatToRawIntBits(f[i]);
    }
    assertArrayEquals(expected, bits);
  }

  @Test
  void uniformIsBitExact() {
    // from jax 0.10.2: random.uniform(key(42), (5,)) and with minval=-3.3, maxval=5.7
    assertBits(new int[] {0x3efa3824, 0x3f2e0730, 0x3f1dc3f8, 0x3f0f9ec0, 0x3ee6bae4},
        Random.uniform(K42, 5));
    // This range needs the fused multiply-add that XLA applies to JAX's f * (hi - lo) + lo.
    assertBits(new int[] {0x3f8c97eb, 0x40345cf9, 0x400fc5bb, 0x3fdfe3fa, 0x3f417c36},
        Random.uniform(K42, new int[] {5}, DType.FLOAT32, -3.3, 5.7));
    // from jax 0.10.2: random.uniform(key(0)), a scalar
    Value scalar = Random.uniform(Random.key(0));
    assertEquals(Shape.SCALAR, scalar.shape());
    assertBits(new int[] {0x3f729a4e}, scalar);
  }

  @Test
  void uniformStaysInItsRange() {
    float[] u = ((Array) Random.uniform(Random.key(5), new int[] {4000}, DType.FLOAT32,
        -0.25, 0.75)).rawFloats();
    for (float v : u) {
      assertTrue(v >= -0.25f && v < 0.75f, "out of range: " + v);
    }
    Value perColumn = Random.uniform(Random.key(5), new int[] {100, 3}, DType.FLOAT32,
        Array.of(new float[] {0, 10, 20}, 3), Array.of(new float[] {1, 11, 21}, 3));
    float[] p = ((Array) perColumn).rawFloats();
    for (int i = 0; i < p.length; i++) {
      int col = i % 3;
      assertTrue(p[i] >= 10 * col && p[i] < 10 * col + 1, "column " + col + ": " + p[i]);
    }
  }

  @Test
  void normalAndTruncatedNormalAreBitExact() {
    // from jax 0.10.2: random.normal(key(42), (5,))
    assertBits(new int[] {0xbce7df15, 0x3eef2be8, 0x3e976661, 0x3e1d3b24, 0xbdfe04eb},
        Random.normal(K42, 5));
    // from jax 0.10.2: random.truncated_normal(key(42), -2, 2, (5,)) and with (-1.5, 0.5)
    assertBits(new int[] {0xbcdd51b4, 0x3ee385e2, 0x3e905231, 0x3e160635, 0xbdf267ef},
        Random.truncatedNormal(K42, -2, 2, new int[] {5}, DType.FLOAT32));
    assertBits(new int[] {0xbea71683, 0xbcafa985, 0xbdf83a30, 0xbe55f37c, 0xbec7a129},
        Random.truncatedNormal(K42, -1.5, 0.5, new int[] {5}, DType.FLOAT32));
  }

  @Test
  void truncatedNormalStaysInsideItsBounds() {
    float[] t = ((Array) Random.truncatedNormal(Random.key(3), -0.5, 0.25, new int[] {3000},
        DType.FLOAT32)).rawFloats();
    for (float v : t) {
      assertTrue(v > -0.5f && v < 0.25f, "out of bounds: " + v);
    }
    Value fromBounds = Random.truncatedNormal(Random.key(3), Array.of(new float[] {-1, 0}, 2),
        Array.of(new float[] {1, 2}, 2), null, DType.FLOAT32);
    assertEquals(Shape.of(2), fromBounds.shape());
  }

  @Test
  void gumbelAndBernoulliAreExact() {
    // from jax 0.10.2: random.gumbel(key(42), (5,)) and random.bernoulli(key(42), 0.3, (8,))
    assertBits(new int[] {0x3eab0e4a, 0x3f73b78c, 0x3f39bc5f, 0x3f0c54f8, 0x3e683f8f},
        Random.gumbel(K42, 5));
    Value b = Random.bernoulli(K42, 0.3, 8);
    assertEquals(DType.BOOL, b.dtype());
    assertArrayEquals(new boolean[] {false, false, false, false, false, false, true, false},
        ((Array) b).rawBools());
  }

  @Test
  void bernoulliMeanIsNearP() {
    boolean[] b = ((Array) Random.bernoulli(Random.key(11), 0.25, 20000)).rawBools();
    int ones = 0;
    for (boolean v : b) {
      ones += v ? 1 : 0;
    }
    assertEquals(0.25, ones / 20000.0, 0.015);
    Value perElement = Random.bernoulli(Random.key(11), Array.of(new float[] {0, 1}, 2), null);
    assertArrayEquals(new boolean[] {false, true}, ((Array) perElement).rawBools());
  }

  @Test
  void scalarShapesWork() {
    // from jax 0.10.2: normal(key(42)), gumbel(key(42)), truncated_normal(key(42), -2., 2.),
    // bernoulli(key(42))
    assertBits(new int[] {0xbce7df15}, Random.normal(K42));
    assertBits(new int[] {0x3eab0e4a}, Random.gumbel(K42));
    assertBits(new int[] {0xbcdd51b4},
        Random.truncatedNormal(K42, -2.0, 2.0, new int[0], DType.FLOAT32));
    assertArrayEquals(new boolean[] {true}, ((Array) Random.bernoulli(K42)).rawBools());
    assertEquals(Shape.SCALAR, Random.bernoulli(K42).shape());
  }

  @Test
  void zeroSizeShapesWork() {
    assertEquals(Shape.of(0, 3), Random.uniform(K42, 0, 3).shape());
    assertEquals(Shape.of(0), Random.normal(K42, 0).shape());
    assertEquals(Shape.of(2, 0),
        Random.truncatedNormal(K42, -2, 2, new int[] {2, 0}, DType.FLOAT32).shape());
    assertEquals(Shape.of(0), Random.gumbel(K42, 0).shape());
    assertEquals(Shape.of(0), Random.bernoulli(K42, 0.5, 0).shape());
  }

  @Test
  void badDTypesAndShapesAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Random.uniform(K42, new int[] {2}, DType.INT32));
    assertTrue(e.getMessage().contains("uniform") && e.getMessage().contains("int32"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Random.normal(K42, new int[] {2}, DType.BOOL));
    assertTrue(e.getMessage().contains("normal"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Random.uniform(K42,
        new int[] {2}, DType.FLOAT32, Array.of(new float[3], 3), Array.weak(1.0)));
    assertTrue(e.getMessage().contains("uniform") && e.getMessage().contains("(3,)")
        && e.getMessage().contains("(2,)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Random.bernoulli(K42, Array.of(new int[] {1}), null));
    assertTrue(e.getMessage().contains("bernoulli") && e.getMessage().contains("i32[]"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Random.normal(K42, 3, -1));
    assertTrue(e.getMessage().contains("normal") && e.getMessage().contains("(3, -1)"),
        e.getMessage());
  }
}
