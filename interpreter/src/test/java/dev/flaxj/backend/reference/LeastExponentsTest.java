package dev.flaxj.backend.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LeastExponentsTest {

  @Test
  void boundsTheExponentsOfNonzeroFiniteElements() {
    assertEquals(-3, LeastExponents.of(new float[] {0f, -0.2f, 5f, 0f})); // 0.2 = 1.6 * 2^-3
    assertEquals(-4, LeastExponents.of(new float[] {0.125f})); // a power of two: one less
    assertTrue(LeastExponents.of(new float[] {1f, Float.MIN_VALUE}) < Float.MIN_EXPONENT);
    assertTrue(LeastExponents.of(new float[] {0f, -0f}) > Float.MAX_EXPONENT);
    assertTrue(LeastExponents.of(new float[] {Float.NaN, Float.NEGATIVE_INFINITY})
        >= Float.MAX_EXPONENT);
    assertEquals(1, LeastExponents.of(new float[] {Float.NaN, 3f, Float.POSITIVE_INFINITY}));
  }

  @Test
  void aNewArrayOverAReusedBufferGetsItsOwnBound() {
    float[] buffer = new float[LeastExponents.REMEMBERED_SIZE];
    Arrays.fill(buffer, 1.5f);
    ShapedArray aval = new ShapedArray(Shape.of(buffer.length), DType.FLOAT32, false);
    Array first = Array.wrap(aval, buffer);
    assertEquals(0, LeastExponents.of(first));
    assertEquals(0, LeastExponents.of(first)); // met again: stays when a new array comes
    Arrays.fill(buffer, Float.MIN_VALUE); // as a fused step overwrites a dead slot's buffer
    Array second = Array.wrap(aval, buffer);
    assertTrue(LeastExponents.of(second) < Float.MIN_EXPONENT);
    // (a test may look: a program never changes the elements of an array that is still alive)
    assertEquals(0, LeastExponents.of(first), "remembered for the first array");
  }
}
