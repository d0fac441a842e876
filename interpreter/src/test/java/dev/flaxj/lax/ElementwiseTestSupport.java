package dev.flaxj.lax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import org.junit.jupiter.api.function.Executable;

/** Builders and bit-level assertions shared by the elementwise tests. */
final class ElementwiseTestSupport {
  private ElementwiseTestSupport() {}

  /** A 1-d float32 array. */
  static Array f32(float... v) {
    return Array.of(v, v.length);
  }

  /** A 1-d float32 array from bit patterns. */
  static Array f32Bits(int... bits) {
    float[] v = new float[bits.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = Float.intBitsToFloat(bits[i]);
    }
    return f32(v);
  }

  static Array i32(int... v) {
    return Array.of(v, v.length);
  }

  /** A 1-d uint32 array; values are bit patterns ({@code -1} is 2^32 - 1). */
  static Array u32(int... bits) {
    return Array.ofUint32(bits, bits.length);
  }

  static Array bools(boolean... v) {
    return Array.of(v, v.length);
  }

  /** A zero-size array {@code [0]} of {@code dtype}. */
  static Array empty(DType dtype) {
    ShapedArray aval = new ShapedArray(Shape.of(0), dtype, false);
    return Array.wrap(aval, Array.allocate(aval));
  }

  /** {@code a} as a weakly typed array (as a Python scalar would be). */
  static Array weak(Array a) {
    return a.withWeakType(true);
  }

  /** Asserts dtype float32 and every element's exact bits (signed zeros); any NaN matches a NaN. */
  static void assertF32Bits(Value actual, int... expectedBits) {
    Array a = (Array) actual;
    assertEquals(DType.FLOAT32, a.dtype());
    int[] bits = new int[a.size()];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = Float.floatToIntBits(a.rawFloats()[i]);
    }
    int[] expected = expectedBits.clone();
    for (int i = 0; i < expected.length; i++) {
      expected[i] = Float.floatToIntBits(Float.intBitsToFloat(expected[i]));
    }
    assertArrayEquals(hex(expected), hex(bits), "float32 bit patterns");
  }

  /** Asserts dtype float32 and exactly these values ({@code Float.equals}: -0 is not 0). */
  static void assertF32(Value actual, float... expected) {
    int[] bits = new int[expected.length];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = Float.floatToIntBits(expected[i]);
    }
    assertF32Bits(actual, bits);
  }

  static void assertI32(Value actual, int... expected) {
    assertEquals(DType.INT32, actual.dtype());
    assertArrayEquals(expected, ((Array) actual).rawInts());
  }

  /** Asserts dtype uint32 and these bit patterns. */
  static void assertU32(Value actual, int... expectedBits) {
    assertEquals(DType.UINT32, actual.dtype());
    assertArrayEquals(expectedBits, ((Array) actual).rawInts());
  }

  static void assertBools(Value actual, boolean... expected) {
    assertEquals(DType.BOOL, actual.dtype());
    assertArrayEquals(expected, ((Array) actual).rawBools());
  }

  /** Asserts that {@code op} throws an IllegalArgumentException mentioning every fragment. */
  static void assertRejected(Executable op, String... fragments) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, op);
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' lacks '" + f + "'");
    }
  }

  private static String[] hex(int[] bits) {
    String[] s = new String[bits.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = String.format("%08x", bits[i]);
    }
    return s;
  }
}
