package dev.flaxj.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code _compute_fans}: input, output and batch axes, and the receptive field. */
class FansTest {
  private static final int[] IN = {-2};
  private static final int[] OUT = {-1};
  private static final int[] NONE = {};

  @Test
  void denseKernel() {
    Fans f = Fans.of(new int[] {7, 32}, IN, OUT, NONE);
    assertEquals(7, f.fanIn());
    assertEquals(32, f.fanOut());
    assertEquals(19.5, f.denominator("fan_avg"));
    assertEquals(Math.sqrt(7 * 32), f.denominator("fan_geo_avg"));
  }

  @Test
  void convolutionKernelCountsItsWindow() {
    // A 3x3 window, 8 input and 16 output channels: fans 72 and 144.
    Fans f = Fans.of(new int[] {3, 3, 8, 16}, IN, OUT, NONE);
    assertEquals(72, f.fanIn());
    assertEquals(144, f.fanOut());
  }

  @Test
  void explicitAxesAndBatchAxes() {
    // Inputs on axes 0 and 1 (3 * 4), outputs on the last (5), axis 2 a batch axis: no window.
    Fans f = Fans.of(new int[] {3, 4, 2, 5}, new int[] {0, 1}, OUT, new int[] {2});
    assertEquals(12, f.fanIn());
    assertEquals(5, f.fanOut());
  }

  @Test
  void badShapesAndModesAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Fans.of(new int[] {3}, IN, OUT, NONE));
    assertTrue(e.getMessage().contains("1-dimensional") && e.getMessage().contains("(3,)"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Fans.of(new int[] {0, 3}, IN, OUT, NONE));
    assertTrue(e.getMessage().contains("(0, 3)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Fans.of(new int[] {2, 3}, new int[] {5}, OUT, NONE));
    assertTrue(e.getMessage().contains("axis 5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Fans.checkMode("fan_sum"));
    assertTrue(e.getMessage().contains("fan_sum"), e.getMessage());
  }
}
