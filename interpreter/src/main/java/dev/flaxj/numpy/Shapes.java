package dev.flaxj.numpy;

import dev.flaxj.array.DType;
import dev.flaxj.array.Promotion;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Shape manipulation as {@code jnp}, on {@code reshape}, {@code transpose}, ... */
final class Shapes {
  private Shapes() {}

  /** Row-major reshape; one dimension may be {@code -1} and is then inferred. */
  static Value reshape(Value x, int... shape) {
    int size = x.shape().size();
    int[] dims = shape.clone();
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] == -1) {
        if (unknown >= 0) {
          throw new IllegalArgumentException("reshape: can only specify one unknown dimension, got "
              + Operands.tuple(shape));
        }
        unknown = i;
      } else if (dims[i] < 0) {
        throw new IllegalArgumentException("reshape: negative dimension in new shape "
            + Operands.tuple(shape));
      } else {
        known *= dims[i];
      }
    }
    if (unknown >= 0 && known > 0 && size % known == 0) {
      dims[unknown] = (int) (size / known);
    }
    long newSize = Arrays.stream(dims).asLongStream().reduce(1, (a, b) -> a * b);
    if (Arrays.stream(dims).anyMatch(d -> d < 0) || newSize != size) {
      throw new IllegalArgumentException("reshape: cannot reshape array of shape " + x.shape()
          + " (size " + size + ") into shape " + Operands.tuple(shape)
          + (unknown >= 0 ? "" : " (size " + newSize + ")"));
    }
    return Lax.reshape(x, dims);
  }

  static Value ravel(Value x) {
    return Lax.reshape(x, x.shape().size());
  }

  /** Permutes the axes; {@code null} reverses them. */
  static Value transpose(Value x, int[] axes) {
    int rank = x.rank();
    int[] perm = new int[rank];
    if (axes == null) {
      for (int i = 0; i < rank; i++) {
        perm[i] = rank - 1 - i;
      }
    } else {
      if (axes.length != rank) {
        throw new IllegalArgumentException("transpose: axes " + Operands.tuple(axes)
            + " do not match an array of shape " + x.shape());
      }
      perm = Operands.axes("transpose", axes, rank);
    }
    return Lax.transpose(x, perm);
  }

  static Value swapaxes(Value x, int axis1, int axis2) {
    int rank = x.rank();
    int a = Operands.axis("swapaxes", axis1, rank);
    int b = Operands.axis("swapaxes", axis2, rank);
    int[] perm = Ints.range(rank);
    perm[a] = b;
    perm[b] = a;
    return Lax.transpose(x, perm);
  }

  /** Moves axis {@code source[i]} to position {@code destination[i]}; the rest keep their order. */
  static Value moveaxis(Value x, int[] source, int[] destination) {
    int rank = x.rank();
    if (source.length != destination.length) {
      throw new IllegalArgumentException("moveaxis: source " + Operands.tuple(source)
          + " and destination " + Operands.tuple(destination)
          + " must have the same number of elements");
    }
    int[] src = Operands.axes("moveaxis", source, rank);
    int[] dst = Operands.axes("moveaxis", destination, rank);
    int[] perm = new int[rank];
    Arrays.fill(perm, -1);
    for (int i = 0; i < src.length; i++) {
      perm[dst[i]] = src[i];
    }
    int next = 0;
    for (int i = 0; i < rank; i++) {
      if (perm[i] >= 0) {
        continue;
      }
      while (Ints.contains(src, next)) {
        next++;
      }
      perm[i] = next++;
    }
    return Lax.transpose(x, perm);
  }

  /** Removes the given size-1 axes; {@code null} removes every size-1 axis. */
  static Value squeeze(Value x, int[] axes) {
    int[] dims = axes == null
        ? java.util.stream.IntStream.range(0, x.rank()).filter(d -> x.shape().dim(d) == 1).toArray()
        : Operands.axes("squeeze", axes, x.rank());
    for (int d : dims) {
      if (x.shape().dim(d) != 1) {
        throw new IllegalArgumentException("squeeze: cannot select an axis to squeeze out which "
            + "has size not equal to one, got shape=" + x.shape() + " and dimensions="
            + Operands.tuple(dims));
      }
    }
    return dims.length == 0 ? x : Lax.squeeze(x, dims);
  }

  static Value expandDims(Value x, int... axes) {
    int rankOut = x.rank() + axes.length;
    return Lax.expandDims(x, Operands.axes("expand_dims", axes, rankOut));
  }

  /** Joins along an existing axis after promoting the dtypes. */
  static Value concatenate(List<? extends Value> arrays, int axis) {
    if (arrays.isEmpty()) {
      throw new IllegalArgumentException("concatenate: need at least one array to concatenate");
    }
    if (arrays.get(0).rank() == 0) {
      throw new IllegalArgumentException(
          "concatenate: zero-dimensional arrays cannot be concatenated");
    }
    int ax = Operands.axis("concatenate", axis, arrays.get(0).rank());
    Promotion.Result r = Operands.resultType(arrays.toArray(new Value[0]));
    Value[] converted = arrays.stream()
        .map(a -> Operands.convert(a, r.dtype(), r.weakType())).toArray(Value[]::new);
    return Lax.concatenate(ax, converted);
  }

  /** Joins equally shaped arrays along a new axis. */
  static Value stack(List<? extends Value> arrays, int axis) {
    if (arrays.isEmpty()) {
      throw new IllegalArgumentException("stack: need at least one array to stack");
    }
    Shape shape = arrays.get(0).shape();
    int ax = Operands.axis("stack", axis, shape.rank() + 1);
    List<Value> expanded = new ArrayList<>();
    for (Value a : arrays) {
      if (!a.shape().equals(shape)) {
        throw new IllegalArgumentException("stack: all input arrays must have the same shape, got "
            + Operands.joinShapes(arrays.stream().map(Value::shape).toArray(Shape[]::new)));
      }
      expanded.add(Lax.expandDims(a, ax));
    }
    return concatenate(expanded, ax);
  }

  /** Splits into {@code sections} equal parts along {@code axis}. */
  static List<Value> split(Value x, int sections, int axis) {
    int ax = Operands.axis("split", axis, x.rank());
    int n = x.shape().dim(ax);
    if (sections <= 0 || n % sections != 0) {
      throw new IllegalArgumentException("split: array split does not result in an equal "
          + "division: axis " + ax + " of shape " + x.shape() + " into " + sections + " sections");
    }
    int[] cuts = new int[sections - 1];
    for (int i = 0; i < cuts.length; i++) {
      cuts[i] = (i + 1) * (n / sections);
    }
    return splitAt(x, cuts, ax);
  }

  /** Splits before each of {@code indices} (non-decreasing, in range) along {@code axis}. */
  static List<Value> split(Value x, int[] indices, int axis) {
    return splitAt(x, indices, Operands.axis("split", axis, x.rank()));
  }

  private static List<Value> splitAt(Value x, int[] cuts, int axis) {
    int n = x.shape().dim(axis);
    List<Value> parts = new ArrayList<>();
    int start = 0;
    for (int k = 0; k <= cuts.length; k++) {
      int stop = k < cuts.length ? cuts[k] : n;
      if (stop < start || stop > n) {
        throw new IllegalArgumentException("split: indices " + Operands.tuple(cuts)
            + " must be non-decreasing and within [0, " + n + "] for axis " + axis
            + " of shape " + x.shape());
      }
      Index[] index = new Index[axis + 1];
      Arrays.fill(index, Index.ALL);
      index[axis] = Index.slice(start, stop);
      parts.add(Indexing.index(x, index));
      start = stop;
    }
    return parts;
  }

  static Value broadcastTo(Value x, int... shape) {
    return Operands.broadcastTo("broadcast_to", x, Shape.of(shape));
  }

  static Value astype(Value x, DType dtype) {
    return Operands.convert(x, dtype, false);
  }

  /** Zeroes the elements below the {@code k}-th diagonal of the last two axes. */
  static Value triu(Value x, int k) {
    return triangle("triu", x, k - 1, true);
  }

  /** Zeroes the elements above the {@code k}-th diagonal of the last two axes. */
  static Value tril(Value x, int k) {
    return triangle("tril", x, k, false);
  }

  /** Keeps where {@code row + k >= col} (or where it fails, if {@code complement}). */
  private static Value triangle(String op, Value x, int k, boolean complement) {
    if (x.rank() < 2) {
      throw new IllegalArgumentException(op + ": argument must be at least 2-D, got shape "
          + x.shape());
    }
    int[] dims = x.shape().dims();
    int rank = dims.length;
    int[] matrix = {dims[rank - 2], dims[rank - 1]};
    Value rows = Lax.iota(DType.INT32, matrix, 0);
    Value cols = Lax.iota(DType.INT32, matrix, 1);
    Value lower = Lax.ge(Lax.add(rows, Constants.full(matrix, k, DType.INT32, false)), cols);
    Value mask = Lax.broadcastInDim(lower, dims, new int[] {rank - 2, rank - 1});
    Value zeros = Constants.full(dims, 0, x.dtype(), x.aval().weakType());
    return complement ? Lax.selectN(mask, x, zeros) : Lax.selectN(mask, zeros, x);
  }
}
