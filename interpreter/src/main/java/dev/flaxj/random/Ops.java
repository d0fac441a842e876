package dev.flaxj.random;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;

/**
 * Constants, explicit broadcasts and small compositions shared by this package's samplers. lax
 * does not broadcast, so operands are brought to the result shape here, as numpy rules would.
 */
final class Ops {
  private Ops() {}

  /** A uint32 scalar constant from its bit pattern. */
  static Array u32(int bits) {
    return Array.ofUint32(new int[] {bits});
  }

  /** A float32 scalar constant. */
  static Array f32(float v) {
    return Array.scalar(v);
  }

  /** A scalar broadcast to {@code shape}. */
  static Value full(int[] shape, Value scalar) {
    return Lax.broadcastInDim(scalar, shape, new int[0]);
  }

  /**
   * {@code x} broadcast to {@code shape} by numpy's rule (trailing dimensions aligned, size-1
   * dimensions stretched), or an error naming {@code op} if the shapes are incompatible.
   */
  static Value broadcastTo(String op, String what, Value x, int[] shape) {
    int[] dims = x.shape().dims();
    int offset = shape.length - dims.length;
    boolean ok = offset >= 0;
    int[] mapping = new int[dims.length];
    for (int i = 0; ok && i < dims.length; i++) {
      mapping[i] = offset + i;
      ok = dims[i] == 1 || dims[i] == shape[offset + i];
    }
    if (!ok) {
      throw new IllegalArgumentException(op + ": " + what + " of shape " + x.shape()
          + " is not broadcast-compatible with shape " + Shape.of(shape));
    }
    return java.util.Arrays.equals(dims, shape) ? x : Lax.broadcastInDim(x, shape, mapping);
  }

  /** numpy's broadcast of two shapes, or an error naming {@code op}. */
  static int[] broadcastShapes(String op, int[] a, int[] b) {
    int rank = Math.max(a.length, b.length);
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
      int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
      if (da != db && da != 1 && db != 1) {
        throw new IllegalArgumentException(op + ": shapes " + Shape.of(a) + " and " + Shape.of(b)
            + " are not broadcast-compatible");
      }
      out[i] = da == 1 ? db : da;
    }
    return out;
  }

  /**
   * {@code a * b + c} in float32 with a single rounding, for float32 operands of one shape.
   * JAX writes {@code mul} then {@code add}, but inside a jitted function (as
   * {@code jax.random.uniform} is) XLA on CPU contracts the pair into a fused multiply-add, and
   * that is what JAX users get. Here the product is formed exactly in float64 (it has at most 48
   * significant bits), the sum is rounded to float64 and then to float32. That equals the fused
   * result whenever the float64 sum is exact, which for {@code uniform}'s operands holds if
   * {@code c} is 0 or {@code 2^-28 <= |c / b| <= 2^5} (roughly); far outside that range a
   * float32 tie can round the other way (seen for minval -1e-20, maxval 3).
   */
  static Value fusedMulAdd(Value a, Value b, Value c) {
    Value product = Lax.mul(Lax.convertElementType(a, DType.FLOAT64),
        Lax.convertElementType(b, DType.FLOAT64));
    Value sum = Lax.add(product, Lax.convertElementType(c, DType.FLOAT64));
    return Lax.convertElementType(sum, DType.FLOAT32);
  }

  /** {@code jnp.clip(x, lo, hi)}: {@code min(hi, max(lo, x))}, all of one shape. */
  static Value clip(Value x, Value lo, Value hi) {
    return Lax.min(hi, Lax.max(lo, x));
  }

  /** {@code lax.select(pred, onTrue, onFalse)}. */
  static Value select(Value pred, Value onTrue, Value onFalse) {
    return Lax.selectN(pred, onFalse, onTrue);
  }

  /** Element {@code i} along axis 0 of {@code x}, without that axis. */
  static Value index0(Value x, int i) {
    int rank = x.rank();
    int[] start = new int[rank];
    int[] limit = x.shape().dims();
    start[0] = i;
    limit[0] = i + 1;
    return Lax.squeeze(Lax.slice(x, start, limit), 0);
  }
}
