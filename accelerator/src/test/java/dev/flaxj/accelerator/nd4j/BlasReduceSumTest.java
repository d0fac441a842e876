package dev.flaxj.accelerator.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The vectors of ones {@link BlasReduceSum} multiplies by. */
class BlasReduceSumTest {
  @Test
  void onesHaveExactlyTheLengthAskedForAfterALongerOne() {
    BlasReduceSum.ones(4096);
    float[] ones = BlasReduceSum.ones(7);
    float[] expected = new float[7];
    Arrays.fill(expected, 1f);
    assertArrayEquals(expected, ones);
    assertEquals(4096, BlasReduceSum.ones(4096).length);
  }
}
