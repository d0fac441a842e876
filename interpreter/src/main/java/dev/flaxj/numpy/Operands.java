package dev.flaxj.numpy;

import dev.flaxj.array.DType;
import dev.flaxj.array.Promotion;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Numpy's implicit conversions of operands, done with primitives: dtype promotion on JAX's
 * lattice (weak types included) by {@code convert_element_type}, then broadcasting to the common
 * shape by {@code broadcast_in_dim}.
 */
final class Operands {
  private Operands() {}

  /** The broadcast shape of {@code shapes}, or an error naming {@code op} and every shape. */
  static Shape broadcastShapes(String op, Shape... shapes) {
    int rank = Arrays.stream(shapes).mapToInt(Shape::rank).max().orElse(0);
    int[] out = new int[rank];
    Arrays.fill(out, 1);
    for (Shape s : shapes) {
      int offset = rank - s.rank();
      for (int d = 0; d < s.rank(); d++) {
        int n = s.dim(d);
        int have = out[offset + d];
        if (have == 1) {
          out[offset + d] = n;
        } else if (n != 1 && n != have) {
          throw new IllegalArgumentException(op + ": incompatible shapes for broadcasting: "
              + joinShapes(shapes));
        }
      }
    }
    return Shape.of(out);
  }

  static String joinShapes(Shape... shapes) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < shapes.length; i++) {
      sb.append(i == 0 ? "" : i == shapes.length - 1 ? " and " : ", ").append(shapes[i]);
    }
    return sb.toString();
  }

  /** {@code x} broadcast to {@code shape} (numpy rules: trailing dimensions align). */
  static Value broadcastTo(String op, Value x, Shape shape) {
    if (x.shape().equals(shape)) {
      return x;
    }
    Shape common = broadcastShapes(op, x.shape(), shape);
    if (!common.equals(shape)) {
      throw new IllegalArgumentException(op + ": cannot broadcast an array of shape " + x.shape()
          + " to shape " + shape);
    }
    int offset = shape.rank() - x.rank();
    int[] dims = new int[x.rank()];
    for (int d = 0; d < dims.length; d++) {
      dims[d] = offset + d;
    }
    return Lax.broadcastInDim(x, shape.dims(), dims);
  }

  /** {@code x} converted to {@code dtype} with the given weak flag (no primitive if unchanged). */
  static Value convert(Value x, DType dtype, boolean weak) {
    if (x.dtype() == dtype && x.aval().weakType() == weak) {
      return x;
    }
    return Lax.convertElementType(x, dtype, weak);
  }

  static Value convert(Value x, DType dtype) {
    return convert(x, dtype, false);
  }

  /** JAX's {@code result_type} of the operands (dtype and weak flag). */
  static Promotion.Result resultType(Value... xs) {
    List<ShapedArray> avals = new ArrayList<>();
    for (Value x : xs) {
      avals.add(x.aval());
    }
    return Promotion.result(avals);
  }

  /** Which promoted dtypes an operation accepts. */
  enum Kind {
    /** Any dtype. */
    ANY,
    /** Integers and bools become float32 (true division, sqrt, ...). */
    INEXACT,
    /** Bools become int32 (floor division, remainder, ...). */
    NUMERIC
  }

  /** The operands converted to their common dtype and broadcast to their common shape. */
  static Value[] promote(String op, Object... xs) {
    return broadcastAll(op, promoteDtypes(op, Kind.ANY, xs));
  }

  /** As {@link #promote}, with integer and bool results made float32. */
  static Value[] promoteInexact(String op, Object... xs) {
    return broadcastAll(op, promoteDtypes(op, Kind.INEXACT, xs));
  }

  /** As {@link #promote}, with a bool result made int32. */
  static Value[] promoteNumeric(String op, Object... xs) {
    return broadcastAll(op, promoteDtypes(op, Kind.NUMERIC, xs));
  }

  /** The operands converted to their common dtype (weak flag included); shapes untouched. */
  static Value[] promoteDtypes(String op, Kind kind, Object... xs) {
    Value[] vs = ArrayLike.all(op, xs);
    Promotion.Result r = resultType(vs);
    DType d = r.dtype();
    if (kind == Kind.INEXACT && !d.isFloating()) {
      d = DType.FLOAT32;
    } else if (kind == Kind.NUMERIC && d == DType.BOOL) {
      d = DType.INT32;
    }
    Value[] out = new Value[vs.length];
    for (int i = 0; i < vs.length; i++) {
      out[i] = convert(vs[i], d, r.weakType());
    }
    return out;
  }

  /** The values broadcast to their common shape. */
  static Value[] broadcastAll(String op, Value... vs) {
    Shape shape = broadcastShapes(op, Arrays.stream(vs).map(Value::shape).toArray(Shape[]::new));
    Value[] out = new Value[vs.length];
    for (int i = 0; i < vs.length; i++) {
      out[i] = broadcastTo(op, vs[i], shape);
    }
    return out;
  }

  /** Normalises a possibly negative axis, or throws naming {@code op}. */
  static int axis(String op, int axis, int rank) {
    return Shape.canonicalAxis(axis, rank, op);
  }

  /** Normalises axes; {@code null} means all of them. Duplicates are an error. */
  static int[] axes(String op, int[] axes, int rank) {
    if (axes == null) {
      return Ints.range(rank);
    }
    int[] out = new int[axes.length];
    boolean[] seen = new boolean[rank];
    for (int i = 0; i < axes.length; i++) {
      out[i] = axis(op, axes[i], rank);
      if (seen[out[i]]) {
        throw new IllegalArgumentException(op + ": duplicate value in 'axis': "
            + tuple(axes));
      }
      seen[out[i]] = true;
    }
    return out;
  }

  /** Python tuple notation: {@code (0, 1)}, {@code (3,)}. */
  static String tuple(int... v) {
    if (v.length == 1) {
      return "(" + v[0] + ",)";
    }
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < v.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(v[i]);
    }
    return sb.append(')').toString();
  }
}
