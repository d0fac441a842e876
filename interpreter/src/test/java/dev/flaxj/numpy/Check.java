package dev.flaxj.numpy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import java.util.Arrays;
import org.junit.jupiter.api.function.Executable;

/** Assertions on arrays for the numpy tests: dtype, weak flag, shape and exact values. */
final class Check {
  private Check() {}

  /** Shape as a Java array, for readability at call sites. */
  static int[] shape(int... dims) {
    return dims;
  }

  /**
   * {@code v} is a concrete array with this dtype (JAX name), weak flag, shape and values
   * (row-major; bools as 0/1). Floats compare exactly after rounding the expected value to
   * the array's dtype.
   */
  static void expect(Value v, String dtype, boolean weak, int[] shape, double... values) {
    Array a = (Array) v;
    String where = a.toString();
    assertEquals(DType.fromJaxName(dtype), a.dtype(), "dtype of " + where);
    assertEquals(weak, a.weakType(), "weak_type of " + where);
    assertEquals(Shape.of(shape), a.shape(), "shape of " + where);
    assertEquals(values.length, a.size(), "size of " + where);
    for (int i = 0; i < values.length; i++) {
      double expected = a.dtype() == DType.FLOAT32 ? (float) values[i] : values[i];
      double actual = a.getDouble(i);
      boolean same = Double.isNaN(expected) ? Double.isNaN(actual) : expected == actual;
      assertTrue(same, "element " + i + " of " + where + ": expected " + expected
          + " got " + actual + " (all: " + Arrays.toString(values) + ")");
    }
  }

  /** {@code body} throws an {@link IllegalArgumentException} whose message contains each part. */
  static void fails(Executable body, String... parts) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, body);
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "message '" + e.getMessage() + "' lacks '" + p + "'");
    }
  }

  /** 0, 1, ..., n-1 as doubles. */
  static double[] range(int n) {
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }
}
