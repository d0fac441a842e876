package dev.flaxj.transform.custom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.tree.Tuple;

/**
 * Comparisons with values recorded from JAX, and tuple access for rules (shared by the custom
 * derivative and checkpoint tests).
 */
public final class CustomTestSupport {
  private CustomTestSupport() {}

  /** float32 values from JAX, to within a few float32 ulp (relative 1e-6). */
  public static void assertJax(Object actual, int[] shape, float... expected) {
    Array a = (Array) actual;
    assertEquals(DType.FLOAT32, a.dtype(), "dtype");
    assertArrayEquals(shape, a.shape().dims(), "shape");
    float[] got = a.toFloatArray();
    assertEquals(expected.length, got.length, "size");
    for (int i = 0; i < expected.length; i++) {
      assertTrue(Math.abs(got[i] - expected[i]) <= 1e-6 * (1 + Math.abs(expected[i])),
          "element " + i + ": expected " + expected[i] + " but got " + got[i]);
    }
  }

  public static void assertJaxScalar(Object actual, float expected) {
    assertJax(actual, new int[0], expected);
  }

  public static Array f32(float... v) {
    return Array.of(v, v.length);
  }

  /** Item {@code i} of a tuple argument, as a value. */
  public static Value at(Object tuple, int i) {
    return (Value) ((Tuple) tuple).get(i);
  }
}
