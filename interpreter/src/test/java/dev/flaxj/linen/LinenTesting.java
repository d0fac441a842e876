package dev.flaxj.linen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import java.util.Map;

/** Shared inputs and checks of the linen tests. */
final class LinenTesting {
  private LinenTesting() {}

  /** {@code (jnp.arange(8, dtype=float32).reshape(2, 4) - 3.0) / 10.0}, the input of every golden. */
  static Value x() {
    float[] v = new float[8];
    for (int i = 0; i < 8; i++) {
      v[i] = (i - 3.0f) / 10.0f;
    }
    return Array.of(v, 2, 4);
  }

  static float[] floats(Object v) {
    return ((Array) v).rawFloats();
  }

  /** The leaf at {@code path} of a nested map of variables. */
  static Value leaf(Map<String, ?> tree, String... path) {
    Object node = tree;
    for (String key : path) {
      node = ((Map<?, ?>) node).get(key);
      if (node == null) {
        throw new AssertionError("no entry " + String.join("/", path));
      }
    }
    return (Value) node;
  }

  /** Asserts shape and exact float32 values. */
  static void assertValues(float[] expected, int[] shape, Object actual) {
    assertArrayEquals(shape, ((Value) actual).shape().dims());
    assertArrayEquals(expected, floats(actual));
  }

  /** Asserts shape and values within 1e-6 (matmul sums may be ordered differently from XLA). */
  static void assertClose(float[] expected, int[] shape, Object actual) {
    assertArrayEquals(shape, ((Value) actual).shape().dims());
    float[] got = floats(actual);
    assertEquals(expected.length, got.length);
    for (int i = 0; i < got.length; i++) {
      assertEquals(expected[i], got[i], 1e-6f, "element " + i);
    }
  }
}
