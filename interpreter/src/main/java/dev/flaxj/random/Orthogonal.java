package dev.flaxj.random;

import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import java.util.Arrays;
import java.util.List;

/**
 * {@code orthogonal}: Q of the QR decomposition of a standard normal matrix, with each column's
 * sign chosen so that R has a positive diagonal (which makes Q unique, and Haar-distributed).
 */
final class Orthogonal {
  private Orthogonal() {}

  /** A batch {@code shape} of {@code n x m} matrices with orthonormal rows or columns. */
  static Value orthogonal(Value key, int n, int[] shape, int m) {
    int rows = Math.max(n, m);
    int cols = Math.min(n, m);
    int batch = shape.length;
    int[] zShape = Arrays.copyOf(shape, batch + 2);
    zShape[batch] = rows;
    zShape[batch + 1] = cols;
    List<Value> qr = Lax.qr(Continuous.normal(key, zShape));
    Value q = qr.get(0);
    Value signs = Lax.sign(diagonal(qr.get(1), shape, cols));
    Value x = Lax.mul(q, Ops.broadcastTo("orthogonal", "signs",
        Lax.expandDims(signs, batch), q.shape().dims()));
    if (n >= m) {
      return x;
    }
    int[] swapLast = new int[batch + 2];
    for (int i = 0; i < batch; i++) {
      swapLast[i] = i;
    }
    swapLast[batch] = batch + 1;
    swapLast[batch + 1] = batch;
    return Lax.transpose(x, swapLast);
  }

  /** The diagonals of a batch of {@code k x k} matrices: every (k+1)-th element of each. */
  private static Value diagonal(Value r, int[] batchShape, int k) {
    int batch = batchShape.length;
    int[] flatShape = Arrays.copyOf(batchShape, batch + 1);
    flatShape[batch] = k * k;
    int[] start = new int[batch + 1];
    int[] strides = new int[batch + 1];
    Arrays.fill(strides, 1);
    strides[batch] = k + 1;
    return Lax.slice(Lax.reshape(r, flatShape), start, flatShape, strides);
  }
}
