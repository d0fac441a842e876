package dev.flaxj.lax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import org.junit.jupiter.api.function.Executable;

/** Inputs and assertions shared by the reduction, dot_general and sort tests. */
final class ReductionTestSupport {
  private ReductionTestSupport() {}

  static final float NAN = Float.NaN;
  static final float INF = Float.POSITIVE_INFINITY;

  static int[] dims(int... d) {
    return d;
  }

  /**
   * Deterministic float32 values with full 24-bit mantissas and spread exponents, so that sums
   * round: {@code (((i * seed) mod 2^24) - 2^23) * 2^-(i mod 17)}, all exact. The conformance
   * values in the tests were computed by jax 0.10.2 on the same formula.
   */
  static float[] spread(int n, long seed) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      long m = Math.floorMod(i * seed, 1L << 24) - (1L << 23);
      v[i] = Math.scalb((float) m, -(i % 17));
    }
    return v;
  }

  static Array vec(float... v) {
    return Array.of(v, v.length);
  }

  static Array ivec(int... v) {
    return Array.of(v, v.length);
  }

  static Array uvec(int... bits) {
    return Array.ofUint32(bits, bits.length);
  }

  static Array bvec(boolean... v) {
    return Array.of(v, v.length);
  }

  static Array asArray(Value v) {
    return (Array) v;
  }

  /** Same shape, dtype and bit patterns (so -0.0 and NaN compare as themselves). */
  static void assertFloats(int[] shape, float[] expected, Value actual) {
    Array a = asArray(actual);
    assertEquals(Shape.of(shape), a.shape(), "shape");
    assertEquals(DType.FLOAT32, a.dtype(), "dtype");
    assertArrayEquals(expected, a.rawFloats());
  }

  static void assertInts(int[] shape, DType dtype, int[] expected, Value actual) {
    Array a = asArray(actual);
    assertEquals(Shape.of(shape), a.shape(), "shape");
    assertEquals(dtype, a.dtype(), "dtype");
    assertArrayEquals(expected, a.rawInts());
  }

  static void assertBools(int[] shape, boolean[] expected, Value actual) {
    Array a = asArray(actual);
    assertEquals(Shape.of(shape), a.shape(), "shape");
    assertEquals(DType.BOOL, a.dtype(), "dtype");
    assertArrayEquals(expected, a.rawBools());
  }

  /** The float32 values whose IEEE bit patterns are given. */
  static float[] fromBits(int... bits) {
    float[] f = new float[bits.length];
    for (int i = 0; i < bits.length; i++) {
      f[i] = Float.intBitsToFloat(bits[i]);
    }
    return f;
  }

  /** Asserts an IllegalArgumentException whose message contains every fragment. */
  static void assertRejects(Executable call, String... fragments) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), () -> "message '" + e.getMessage()
          + "' lacks '" + f + "'");
    }
  }
}
