package dev.flaxj.transform.partial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;

/** Float comparisons for the reverse-mode tests. */
final class Close {
  private Close() {}

  /** {@code v} is a concrete array of this shape whose elements are within {@code tol} (relative). */
  static void check(Value v, int[] shape, double[] expected, double tol) {
    assertTrue(v instanceof Array, "expected a concrete array, got " + v);
    Array a = (Array) v;
    assertEquals(Shape.of(shape), a.shape(), "shape of " + a);
    double[] actual = a.toDoubleArray();
    assertEquals(expected.length, actual.length, "size of " + a);
    for (int i = 0; i < actual.length; i++) {
      assertEquals(expected[i], actual[i], tol * Math.max(1, Math.abs(expected[i])),
          "element " + i + " of " + a);
    }
  }

  /** Float32 results compared to JAX's to a few ulps. */
  static void f32(Value v, int[] shape, double... expected) {
    check(v, shape, expected, 2e-6);
  }

  static void scalar(Value v, double expected) {
    f32(v, new int[0], expected);
  }

  static void same(Value a, Value b) {
    assertArrayEquals(((Array) a).toDoubleArray(), ((Array) b).toDoubleArray(), 0);
  }

  static Array f32(float... values) {
    return Array.of(values, values.length);
  }
}
