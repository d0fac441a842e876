package dev.flaxj.random;

import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import java.util.Arrays;

/**
 * {@code categorical}: with replacement the Gumbel-max trick, {@code argmax(logits + gumbel)};
 * without, the Gumbel top-k trick.
 */
final class Categorical {
  private Categorical() {}

  /** {@code axis} is canonical; {@code shape} null means the logits' shape without {@code axis}. */
  static Value categorical(Value key, Value logits, int axis, int[] shape, boolean replace) {
    int rank = logits.rank();
    int[] dims = logits.shape().dims();
    int[] batchShape = new int[rank - 1];
    for (int d = 0, k = 0; d < rank; d++) {
      if (d != axis) {
        batchShape[k++] = dims[d];
      }
    }
    int[] outShape = shape == null ? batchShape : shape;
    if (shape != null && (shape.length < batchShape.length || !Arrays.equals(
        Ops.broadcastShapes("categorical", shape, batchShape), shape))) {
      throw new IllegalArgumentException("categorical: shape " + Shape.of(shape)
          + " must be broadcast-compatible with the batch shape " + Shape.of(batchShape)
          + " and equal to their broadcast");
    }
    int prefix = outShape.length - batchShape.length;
    return replace ? withReplacement(key, logits, axis, outShape, prefix)
        : withoutReplacement(key, logits, axis, outShape, prefix, batchShape);
  }

  private static Value withReplacement(Value key, Value logits, int axis, int[] shape,
      int prefix) {
    // The sample shape: the prefix, then the batch part of the shape with the category axis.
    int rank = logits.rank();
    int[] sampleShape = new int[shape.length + 1];
    System.arraycopy(shape, 0, sampleShape, 0, prefix);
    for (int d = 0, k = prefix; d < rank; d++) {
      sampleShape[prefix + d] = d == axis ? logits.shape().dim(axis) : shape[k++];
    }
    Value g = Continuous.gumbel(key, sampleShape);
    Value shifted = Ops.broadcastTo("categorical", "logits", logits, sampleShape);
    return Lax.argmax(Lax.add(g, shifted), prefix + axis, DType.INT32);
  }

  /** The top {@code prod(prefix)} categories of {@code logits + gumbel}, leading in the result. */
  private static Value withoutReplacement(Value key, Value logits, int axis, int[] shape,
      int prefix, int[] batchShape) {
    if (!Arrays.equals(Arrays.copyOfRange(shape, prefix, shape.length), batchShape)) {
      throw new IllegalArgumentException("categorical: without replacement, shape "
          + Shape.of(shape) + " must end with the batch shape " + Shape.of(batchShape));
    }
    int k = Shape.of(Arrays.copyOf(shape, prefix)).size();
    int categories = logits.shape().dim(axis);
    if (k > categories) {
      throw new IllegalArgumentException("categorical: number of samples without replacement ("
          + k + ") cannot exceed number of categories (" + categories + ")");
    }
    int rank = logits.rank();
    Value perturbed = Lax.add(logits, Continuous.gumbel(key, logits.shape().dims()));
    // moveaxis(axis, -1), then the k best per batch element: indices of shape batch + (k,).
    int[] toLast = new int[rank];
    for (int d = 0, j = 0; d < rank; d++) {
      if (d != axis) {
        toLast[j++] = d;
      }
    }
    toLast[rank - 1] = axis;
    Value indices = TopK.indices(Lax.transpose(perturbed, toLast), k);
    // The sample axis goes first, then reshapes to the prefix followed by the batch shape.
    int[] sampleFirst = new int[rank];
    sampleFirst[0] = rank - 1;
    for (int d = 1; d < rank; d++) {
      sampleFirst[d] = d - 1;
    }
    return Lax.reshape(Lax.transpose(indices, sampleFirst), shape);
  }
}
