package dev.flaxj.numpy;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import java.util.function.BiFunction;

/**
 * Reductions as {@code jnp}: {@code axes == null} reduces everything, {@code keepdims} keeps the
 * reduced axes with size 1, and the result dtypes follow numpy (sums of bools are int32, means
 * and variances of integers float32, comparisons of bools stay bool).
 */
final class Reductions {
  private Reductions() {}

  static Value sum(Value x, int[] axes, boolean keepdims) {
    return reduce("sum", numeric(x), axes, keepdims, true, Lax::reduceSum);
  }

  static Value prod(Value x, int[] axes, boolean keepdims) {
    return reduce("prod", numeric(x), axes, keepdims, true, Lax::reduceProd);
  }

  static Value max(Value x, int[] axes, boolean keepdims) {
    return reduce("max", x, axes, keepdims, false, Lax::reduceMax);
  }

  static Value min(Value x, int[] axes, boolean keepdims) {
    return reduce("min", x, axes, keepdims, false, Lax::reduceMin);
  }

  static Value all(Value x, int[] axes, boolean keepdims) {
    return reduce("all", Operands.convert(x, DType.BOOL), axes, keepdims, true, Lax::reduceAnd);
  }

  static Value any(Value x, int[] axes, boolean keepdims) {
    return reduce("any", Operands.convert(x, DType.BOOL), axes, keepdims, true, Lax::reduceOr);
  }

  /**
   * The sum times the reciprocal of the element count, in float32 (integers and bools become
   * float32): XLA on CPU turns JAX's division by the constant count into that multiplication.
   */
  static Value mean(Value x, int[] axes, boolean keepdims) {
    Value a = Operands.convert(x, inexact(x.dtype()));
    int[] canonical = Operands.axes("mean", axes, x.rank());
    Value total = sum(a, canonical, keepdims);
    double inverse = a.dtype() == DType.FLOAT32 ? 1f / (float) count(x, canonical)
        : 1.0 / count(x, canonical);
    return Lax.mul(total, Constants.full(total.shape().dims(), inverse, a.dtype(), false));
  }

  /**
   * {@code sum((x - mean)^2) / (n - ddof)}, NaN where {@code n - ddof <= 0}, as {@code jnp.var}.
   */
  static Value var(Value x, int[] axes, int ddof, boolean keepdims) {
    Value a = Operands.convert(x, inexact(x.dtype()));
    int[] canonical = Operands.axes("var", axes, x.rank());
    Value centered = Lax.sub(a, Operands.broadcastTo("var", mean(a, canonical, true), a.shape()));
    Value total = sum(Lax.mul(centered, centered), canonical, keepdims);
    double normalizer = a.dtype() == DType.FLOAT32 ? (float) count(x, canonical) - (float) ddof
        : count(x, canonical) - ddof;
    if (normalizer <= 0) {
      return Constants.full(total.shape().dims(), Double.NaN, a.dtype(), false);
    }
    return Lax.div(total, Constants.full(total.shape().dims(), normalizer, a.dtype(), false));
  }

  static Value std(Value x, int[] axes, int ddof, boolean keepdims) {
    return Lax.sqrt(var(x, axes, ddof, keepdims));
  }

  /** Index of the first maximum along {@code axis}, or of the flattened array if it is null. */
  static Value argmax(Value x, Integer axis, boolean keepdims) {
    return argReduce("argmax", x, axis, keepdims, Lax::argmax);
  }

  static Value argmin(Value x, Integer axis, boolean keepdims) {
    return argReduce("argmin", x, axis, keepdims, Lax::argmin);
  }

  /** Running sum along {@code axis} (of the flattened array if null); bools count as int32. */
  static Value cumsum(Value x, Integer axis) {
    Value a = axis == null ? Lax.reshape(x, x.shape().size()) : x;
    int ax = axis == null ? 0 : Operands.axis("cumsum", axis, x.rank());
    Value r = Lax.cumsum(numeric(a), ax, false);
    return Operands.convert(r, r.dtype(), false);
  }

  private interface ArgReduction {
    Value apply(Value x, int axis, DType indexDtype);
  }

  private static Value argReduce(String op, Value x, Integer axis, boolean keepdims,
      ArgReduction f) {
    Value a = axis == null ? Lax.reshape(x, x.shape().size()) : x;
    int ax = axis == null ? 0 : Operands.axis(op, axis, x.rank());
    if (a.shape().dim(ax) == 0) {
      throw new IllegalArgumentException(op + ": attempt to get " + op
          + " of an empty sequence (axis " + ax + " of shape " + x.shape() + ")");
    }
    Value r = f.apply(a, ax, DType.INT32);
    if (!keepdims) {
      return r;
    }
    return axis == null ? Lax.reshape(r, ones(x.rank())) : Lax.expandDims(r, ax);
  }

  private static Value reduce(String op, Value x, int[] axes, boolean keepdims,
      boolean hasIdentity, BiFunction<Value, int[], Value> f) {
    int[] canonical = Operands.axes(op, axes, x.rank());
    if (!hasIdentity) {
      for (int a : canonical) {
        if (x.shape().dim(a) == 0) {
          throw new IllegalArgumentException(op + ": zero-size array to reduction operation "
              + op + " which has no identity (shape " + x.shape() + ", axis "
              + Operands.tuple(canonical) + ")");
        }
      }
    }
    Value r = f.apply(x, canonical);
    if (keepdims && canonical.length > 0) {
      r = Lax.expandDims(r, Ints.sorted(canonical));
    }
    return Operands.convert(r, r.dtype(), false);
  }

  private static Value numeric(Value x) {
    return x.dtype() == DType.BOOL ? Operands.convert(x, DType.INT32) : x;
  }

  private static DType inexact(DType d) {
    return d.isFloating() ? d : DType.FLOAT32;
  }

  private static double count(Value x, int[] axes) {
    double n = 1;
    for (int a : axes) {
      n *= x.shape().dim(a);
    }
    return n;
  }

  private static int[] ones(int rank) {
    int[] s = new int[rank];
    java.util.Arrays.fill(s, 1);
    return s;
  }
}
