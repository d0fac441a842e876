package dev.flaxj.backend.reference;

import dev.flaxj.array.Shape;

/**
 * The 1-D lanes of an array along one axis: lane {@code j} holds the elements at flat offsets
 * {@code starts(shape, axis)[j] + i * shape.strides()[axis]}, {@code i < shape.dim(axis)}. Lanes
 * come in row-major order of the other axes.
 */
final class Lanes {
  private Lanes() {}

  static int[] starts(Shape shape, int axis) {
    int len = shape.dim(axis);
    int inner = shape.strides()[axis];
    int outer = 1;
    for (int a = 0; a < axis; a++) {
      outer *= shape.dim(a);
    }
    int[] starts = new int[outer * inner];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        starts[o * inner + i] = o * len * inner + i;
      }
    }
    return starts;
  }
}
