package dev.flaxj.numpy;

import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import dev.flaxj.lax.DotDimensionNumbers;
import dev.flaxj.lax.Lax;
import java.util.Arrays;

/** {@code jnp.matmul} and {@code jnp.dot} on {@code dot_general}. */
final class LinearAlgebra {
  private LinearAlgebra() {}

  /**
   * Matrix product of the last two axes, the leading (batch) axes broadcast as numpy does; a 1-D
   * operand is a row (left) or column (right) vector whose axis is then dropped.
   */
  static Value matmul(Object lhs, Object rhs) {
    Value a = ArrayLike.of("matmul", lhs);
    Value b = ArrayLike.of("matmul", rhs);
    for (int i = 0; i < 2; i++) {
      Value v = i == 0 ? a : b;
      if (v.rank() == 0) {
        throw new IllegalArgumentException("matmul: input operand " + i
            + " must have ndim at least 1, but it has ndim 0");
      }
    }
    Value[] ab = Operands.promoteDtypes("matmul", Operands.Kind.ANY, a, b);
    Value x = a.rank() == 1 ? Lax.reshape(ab[0], 1, a.shape().dim(0)) : ab[0];
    Value y = b.rank() == 1 ? Lax.reshape(ab[1], b.shape().dim(0), 1) : ab[1];
    int xr = x.rank();
    int yr = y.rank();
    int k = x.shape().dim(xr - 1);
    if (k != y.shape().dim(yr - 2)) {
      throw new IllegalArgumentException("matmul: contracting dimensions differ, got shapes "
          + a.shape() + " and " + b.shape());
    }
    Value out;
    if (yr == 2) {
      out = Lax.dotGeneral(x, y, DotDimensionNumbers.of(new int[] {xr - 1}, new int[] {0}));
    } else {
      Shape batch;
      try {
        batch = Operands.broadcastShapes("matmul", leading(x), leading(y));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("matmul: incompatible batch dimensions, got shapes "
            + a.shape() + " and " + b.shape());
      }
      x = Operands.broadcastTo("matmul", x, append(batch, x.shape().dim(xr - 2), k));
      y = Operands.broadcastTo("matmul", y, append(batch, k, y.shape().dim(yr - 1)));
      int nb = batch.rank();
      int[] batchDims = Ints.range(nb);
      out = Lax.dotGeneral(x, y, DotDimensionNumbers.of(new int[] {nb + 1}, new int[] {nb},
          batchDims, batchDims));
    }
    if (a.rank() == 1 || b.rank() == 1) {
      int[] dims = out.shape().dims();
      int r = dims.length;
      int[] drop = a.rank() == 1 && b.rank() == 1 ? new int[] {r - 2, r - 1}
          : a.rank() == 1 ? new int[] {r - 2} : new int[] {r - 1};
      out = Lax.squeeze(out, drop);
    }
    return out;
  }

  /**
   * {@code jnp.dot}: scalars multiply; otherwise the last axis of {@code a} contracts with the
   * only axis of a 1-D {@code b} or the second-to-last axis of {@code b}.
   */
  static Value dot(Object lhs, Object rhs) {
    Value a = ArrayLike.of("dot", lhs);
    Value b = ArrayLike.of("dot", rhs);
    if (a.rank() == 0 || b.rank() == 0) {
      return Arithmetic.multiply(a, b);
    }
    Value[] ab = Operands.promoteDtypes("dot", Operands.Kind.ANY, a, b);
    int ca = a.rank() - 1;
    int cb = b.rank() == 1 ? 0 : b.rank() - 2;
    if (a.shape().dim(ca) != b.shape().dim(cb)) {
      throw new IllegalArgumentException("dot: contracting dimensions differ, got shapes "
          + a.shape() + " and " + b.shape());
    }
    return Lax.dotGeneral(ab[0], ab[1], DotDimensionNumbers.of(new int[] {ca}, new int[] {cb}));
  }

  private static Shape leading(Value x) {
    return Shape.of(Arrays.copyOf(x.shape().dims(), x.rank() - 2));
  }

  private static Shape append(Shape batch, int m, int n) {
    int[] d = Arrays.copyOf(batch.dims(), batch.rank() + 2);
    d[batch.rank()] = m;
    d[batch.rank() + 1] = n;
    return Shape.of(d);
  }
}
