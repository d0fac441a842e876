package dev.flaxj.nn;

import dev.flaxj.array.Shape;
import java.util.Arrays;
import java.util.List;

/**
 * Effective input and output sizes of a weight tensor, as JAX's {@code _compute_fans}: axes not
 * named as input, output or batch axes form the receptive field (convolution window), whose size
 * multiplies both fans. The arithmetic is in doubles, in JAX's order of operations.
 */
record Fans(double fanIn, double fanOut) {

  /** The default input axis, {@code -2}: the shape must then have rank 2 at least. */
  static final int[] DEFAULT_IN_AXIS = {-2};

  static Fans of(int[] shape, int[] inAxis, int[] outAxis, int[] batchAxis) {
    if (Arrays.equals(inAxis, DEFAULT_IN_AXIS) && shape.length <= 1) {
      throw new IllegalArgumentException("variance_scaling: can't compute input and output sizes"
          + " of a " + shape.length + "-dimensional weights tensor " + Shape.of(shape)
          + " with default in_axis; it must be at least 2D or in_axis must be given");
    }
    long inSize = product(shape, inAxis);
    long outSize = product(shape, outAxis);
    long batchSize = product(shape, batchAxis);
    double total = 1;
    for (int d : shape) {
      total *= d;
    }
    if (inSize == 0 || outSize == 0 || batchSize == 0) {
      throw new IllegalArgumentException("variance_scaling: division by zero computing the fans"
          + " of shape " + Shape.of(shape) + " (a zero-size input, output or batch axis)");
    }
    double receptiveField = total / inSize / outSize / batchSize;
    return new Fans(inSize * receptiveField, outSize * receptiveField);
  }

  /** The product of the sizes of {@code axes} (negative axes count from the end; none gives 1). */
  private static long product(int[] shape, int[] axes) {
    long p = 1;
    for (int axis : axes) {
      p *= shape[Shape.canonicalAxis(axis, shape.length, "variance_scaling")];
    }
    return p;
  }

  /** Throws unless {@code mode} is a {@code variance_scaling} mode. */
  static void checkMode(String mode) {
    if (!List.of("fan_in", "fan_out", "fan_avg", "fan_geo_avg").contains(mode)) {
      throw new IllegalArgumentException(
          "variance_scaling: invalid mode " + mode + " (fan_in, fan_out, fan_avg, fan_geo_avg)");
    }
  }

  /** The denominator of the variance for a (checked) {@code variance_scaling} mode. */
  double denominator(String mode) {
    switch (mode) {
      case "fan_in": return fanIn;
      case "fan_out": return fanOut;
      case "fan_avg": return (fanIn + fanOut) / 2;
      default: return Math.sqrt(fanIn * fanOut);
    }
  }
}
