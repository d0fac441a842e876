package dev.flaxj.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FloatToleranceTest {
  @Test
  void ulpDistanceCountsRepresentableFloats() {
    assertEquals(0, FloatTolerance.ulpDistance(1f, 1f));
    assertEquals(1, FloatTolerance.ulpDistance(1f, Math.nextUp(1f)));
    assertEquals(3, FloatTolerance.ulpDistance(-2f, Math.nextUp(Math.nextUp(Math.nextUp(-2f)))));
    assertEquals(0, FloatTolerance.ulpDistance(0f, -0f));
    assertEquals(2, FloatTolerance.ulpDistance(-Float.MIN_VALUE, Float.MIN_VALUE));
    assertEquals(0, FloatTolerance.ulpDistance(Float.NaN, Float.NaN));
    assertEquals(Long.MAX_VALUE, FloatTolerance.ulpDistance(Float.NaN, 1f));
  }

  @Test
  void closeMeansOneMillionthRelativeOrAbsolute() {
    assertTrue(FloatTolerance.close(1000f, 1000.0009f));
    assertFalse(FloatTolerance.close(1000f, 1000.002f));
    assertTrue(FloatTolerance.close(1e-8f, -1e-8f));
    assertFalse(FloatTolerance.close(0.5f, 0.500002f));
    assertTrue(FloatTolerance.close(Float.NaN, Float.NaN));
    assertFalse(FloatTolerance.close(Float.NaN, 0f));
    assertTrue(FloatTolerance.close(Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY));
    assertFalse(FloatTolerance.close(Float.MAX_VALUE, Float.POSITIVE_INFINITY));
    assertTrue(FloatTolerance.close(-0f, 0f));
  }
}
