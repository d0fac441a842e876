package dev.flaxj.numpy;

import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;

/** Array creation as {@code jnp}: fills by {@code broadcast_in_dim}, ranges by {@code iota}. */
final class Creation {
  private Creation() {}

  /** {@code jnp.full}: a scalar fill takes its own dtype (and weak flag) unless one is given. */
  static Value full(int[] shape, Object fill, DType dtype) {
    Shape s = Shape.of(shape);
    Value v = ArrayLike.of("full", fill);
    Value converted = dtype == null ? v : Operands.convert(v, dtype, false);
    return Operands.broadcastTo("full", converted, s);
  }

  /** {@code jnp.full_like}: {@code x}'s shape, and its dtype and weak flag unless given a dtype. */
  static Value fullLike(Value x, Object fill, DType dtype) {
    DType d = dtype == null ? x.dtype() : dtype;
    boolean weak = dtype == null && x.aval().weakType();
    Value v = Operands.convert(ArrayLike.of("full_like", fill), d, weak);
    return Operands.broadcastTo("full_like", v, x.shape());
  }

  /**
   * {@code jnp.arange}: {@code stop} alone counts from 0; a null {@code dtype} is the promoted
   * type of the given numbers (int32 if all are integers, else float32).
   */
  static Value arange(Number start, Number stop, Number step, DType dtype) {
    if (stop == null) {
      return arange(0, start, step, dtype == null ? scalarType(start) : dtype);
    }
    DType d = dtype != null ? dtype : step == null
        ? promote(scalarType(start), scalarType(stop))
        : promote(promote(scalarType(start), scalarType(stop)), scalarType(step));
    double a = start.doubleValue();
    double b = stop.doubleValue();
    if (step == null) {
      int size = size("arange", Math.ceil(b - a));
      Value iota = Lax.iota(d, size);
      return a == 0 ? iota : Lax.add(Constants.full(new int[] {size}, a, d, false), iota);
    }
    double h = step.doubleValue();
    if (h == 0) {
      throw new IllegalArgumentException("arange: step must not be zero");
    }
    int size = size("arange", Math.ceil((b - a) / h));
    int[] shape = {size};
    return Lax.add(Constants.full(shape, a, d, false),
        Lax.mul(Constants.full(shape, h, d, false), Lax.iota(d, size)));
  }

  private static int size(String op, double n) {
    if (Double.isNaN(n) || n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(op + ": cannot make an array of " + n + " elements");
    }
    return (int) Math.max(0, n);
  }

  private static DType scalarType(Number n) {
    return n instanceof Double || n instanceof Float ? DType.FLOAT32 : DType.INT32;
  }

  private static DType promote(DType a, DType b) {
    return a == DType.FLOAT32 || b == DType.FLOAT32 ? DType.FLOAT32 : DType.INT32;
  }

  /** {@code jnp.eye(n, m, k)}: ones where the column index is the row index plus {@code k}. */
  static Value eye(int n, int m, int k, DType dtype) {
    if (n < 0 || m < 0) {
      throw new IllegalArgumentException("eye: negative dimensions are not allowed, got " + n
          + " and " + m);
    }
    int[] shape = {n, m};
    Value rows = Lax.iota(DType.INT32, shape, 0);
    Value cols = Lax.iota(DType.INT32, shape, 1);
    Value onDiagonal = Lax.eq(Lax.add(rows, Constants.full(shape, k, DType.INT32, false)), cols);
    return Operands.convert(onDiagonal, dtype == null ? DType.FLOAT32 : dtype);
  }

  /**
   * {@code jnp.linspace} for scalar bounds, with the float32 arithmetic JAX's compiled program
   * does on CPU: {@code start * (1 - i * r) + i * (stop * r)} with {@code r = 1 / div}, the final
   * multiply-add fused (computed in float64 and rounded once to float32).
   */
  static Value linspace(double start, double stop, int num, boolean endpoint, DType dtype) {
    if (num < 0) {
      throw new IllegalArgumentException("linspace: number of samples, " + num
          + ", must be non-negative");
    }
    DType out = dtype == null ? DType.FLOAT32 : dtype;
    DType c = out.isFloating() ? out : DType.FLOAT32;
    Value result;
    if (num == 0) {
      result = Constants.full(new int[] {0}, 0, c, false);
    } else if (num == 1) {
      result = Constants.full(new int[] {1}, start, c, false);
    } else {
      int div = endpoint ? num - 1 : num;
      int[] shape = {div};
      Value iota = Lax.iota(c, div);
      Value r = Constants.full(shape, c == DType.FLOAT32 ? 1f / div : 1.0 / div, c, false);
      Value oneMinusStep = Lax.sub(Constants.full(shape, 1, c, false), Lax.mul(iota, r));
      Value startPart = Lax.mul(Constants.full(shape, start, c, false), oneMinusStep);
      Value stopScaled = Lax.mul(Constants.full(shape, stop, c, false), r);
      result = fusedMultiplyAdd(iota, stopScaled, startPart);
      if (endpoint) {
        result = Lax.concatenate(0, result, Constants.full(new int[] {1}, stop, c, false));
      }
    }
    if (!out.isFloating()) {
      result = Lax.floor(result);
    }
    return Operands.convert(result, out);
  }

  /** {@code a * b + c} rounded once (float32 operands: exact in float64, then rounded). */
  private static Value fusedMultiplyAdd(Value a, Value b, Value c) {
    if (a.dtype() != DType.FLOAT32) {
      return Lax.add(Lax.mul(a, b), c);
    }
    Value wide = Lax.add(Lax.mul(Operands.convert(a, DType.FLOAT64),
        Operands.convert(b, DType.FLOAT64)), Operands.convert(c, DType.FLOAT64));
    return Operands.convert(wide, DType.FLOAT32);
  }
}
