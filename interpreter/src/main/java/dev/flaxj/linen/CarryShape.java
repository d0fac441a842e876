package dev.flaxj.linen;

import java.util.Arrays;

/** The carry shape of a recurrent cell: {@code input_shape[:-1] + (features,)}. */
final class CarryShape {
  private CarryShape() {}

  static int[] of(int[] inputShape, int features, String cell) {
    if (inputShape.length == 0) {
      throw new IllegalArgumentException(cell + ".initializeCarry: input shape must have rank >= 1, got ()");
    }
    int[] shape = Arrays.copyOf(inputShape, inputShape.length);
    shape[shape.length - 1] = features;
    return shape;
  }
}
