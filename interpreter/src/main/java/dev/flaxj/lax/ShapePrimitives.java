package dev.flaxj.lax;

import static dev.flaxj.lax.Dims.tuple;

import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import java.util.List;

/**
 * The shape primitives of {@code jax.lax}, with their abstract-evaluation rules. Each keeps the
 * operand's dtype; the weak-type flag follows JAX ({@code concatenate} and {@code pad} are weak only
 * when all their inputs are, {@code iota} never is).
 */
public final class ShapePrimitives {
  private ShapePrimitives() {}

  /** Whether {@code permutation} leaves every axis in place (a transpose by it is a no-op). */
  public static boolean isIdentityPermutation(int[] permutation) {
    for (int i = 0; i < permutation.length; i++) {
      if (permutation[i] != i) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code broadcast_in_dim[shape, broadcast_dimensions]}: operand dimension {@code i} becomes
   * output dimension {@code broadcast_dimensions[i]}; operand dimensions of size 1 stretch.
   */
  public static final Primitive BROADCAST_IN_DIM =
      new StructuralPrimitive("broadcast_in_dim", 1, 1, ShapePrimitives::broadcastInDim);

  /** {@code reshape[new_sizes]}: the same elements in row-major order, in a new shape. */
  public static final Primitive RESHAPE =
      new StructuralPrimitive("reshape", 1, 1, ShapePrimitives::reshape);

  /** {@code transpose[permutation]}: output dimension {@code i} is operand dimension {@code permutation[i]}. */
  public static final Primitive TRANSPOSE =
      new StructuralPrimitive("transpose", 1, 1, ShapePrimitives::transpose);

  /** {@code squeeze[dimensions]}: removes the listed dimensions, each of size 1. */
  public static final Primitive SQUEEZE =
      new StructuralPrimitive("squeeze", 1, 1, ShapePrimitives::squeeze);

  /** {@code rev[dimensions]}: reverses the order of elements along the listed dimensions. */
  public static final Primitive REV = new StructuralPrimitive("rev", 1, 1, ShapePrimitives::rev);

  /** {@code concatenate[dimension]}: joins operands of equal dtype and rank along one dimension. */
  public static final Primitive CONCATENATE = new StructuralPrimitive("concatenate", 1,
      StructuralPrimitive.VARIADIC, ShapePrimitives::concatenate);

  /**
   * {@code pad[padding_config]} on {@code (operand, padding_value)}: per dimension
   * {@code {lo, hi, interior}}; {@code lo}/{@code hi} may be negative (they then cut elements),
   * {@code interior} elements go between neighbours.
   */
  public static final Primitive PAD = new StructuralPrimitive("pad", 2, 2, ShapePrimitives::pad);

  /** {@code iota[dtype, shape, dimension]}: no operands; each element is its index along {@code dimension}. */
  public static final Primitive IOTA = new StructuralPrimitive("iota", 0, 0, ShapePrimitives::iota);

  private static ShapedArray broadcastInDim(Primitive p, List<ShapedArray> in, Params params) {
    ShapedArray x = in.get(0);
    int[] shape = params.getInts("shape");
    int[] dims = params.getInts("broadcast_dimensions");
    String context = "operand shape " + x.shape() + ", target shape " + tuple(shape)
        + ", broadcast_dimensions " + tuple(dims);
    checkNonNegative(p, "shape", shape);
    if (dims.length != x.rank()) {
      throw p.error("broadcast_dimensions must have one entry per operand dimension; got " + context);
    }
    Dims.inRange(p, "broadcast_dimensions", dims, shape.length, context);
    Dims.unique(p, "broadcast_dimensions", dims, context);
    for (int i = 0; i < dims.length; i++) {
      int d = x.shape().dim(i);
      if (d != 1 && d != shape[dims[i]]) {
        throw p.error("operand dimension " + i + " of size " + d
            + " is neither 1 nor the target size " + shape[dims[i]] + "; got " + context);
      }
    }
    return x.withShape(Shape.of(shape));
  }

  private static ShapedArray reshape(Primitive p, List<ShapedArray> in, Params params) {
    ShapedArray x = in.get(0);
    int[] sizes = params.getInts("new_sizes");
    checkNonNegative(p, "new_sizes", sizes);
    long n = 1;
    for (int s : sizes) {
      n *= s;
    }
    if (n != x.shape().size()) {
      throw p.error("cannot reshape array of shape " + x.shape() + " (size " + x.shape().size()
          + ") into shape " + tuple(sizes) + " (size " + n + ")");
    }
    return x.withShape(Shape.of(sizes));
  }

  private static ShapedArray transpose(Primitive p, List<ShapedArray> in, Params params) {
    ShapedArray x = in.get(0);
    int[] perm = params.getInts("permutation");
    String context = "operand shape " + x.shape();
    if (perm.length != x.rank()) {
      throw p.error("permutation " + tuple(perm) + " is not a permutation of the dimensions of "
          + context);
    }
    Dims.inRange(p, "permutation", perm, x.rank(), context);
    Dims.unique(p, "permutation", perm, context);
    int[] out = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      out[i] = x.shape().dim(perm[i]);
    }
    return x.withShape(Shape.of(out));
  }

  private static ShapedArray squeeze(Primitive p, List<ShapedArray> in, Params params) {
    ShapedArray x = in.get(0);
    int[] dims = params.getInts("dimensions");
    String context = "operand shape " + x.shape();
    Dims.inRange(p, "dimensions", dims, x.rank(), context);
    Dims.unique(p, "dimensions", dims, context);
    for (int d : dims) {
      if (x.shape().dim(d) != 1) {
        throw p.error("cannot squeeze dimension " + d + " of size " + x.shape().dim(d)
            + " (only size-1 dimensions can be squeezed); " + context);
      }
    }
    int[] kept = Dims.complement(x.rank(), dims);
    int[] out = new int[kept.length];
    for (int i = 0; i < kept.length; i++) {
      out[i] = x.shape().dim(kept[i]);
    }
    return x.withShape(Shape.of(out));
  }

  private static ShapedArray rev(Primitive p, List<ShapedArray> in, Params params) {
    ShapedArray x = in.get(0);
    int[] dims = params.getInts("dimensions");
    String context = "operand shape " + x.shape();
    Dims.inRange(p, "dimensions", dims, x.rank(), context);
    Dims.unique(p, "dimensions", dims, context);
    return x;
  }

  private static ShapedArray concatenate(Primitive p, List<ShapedArray> in, Params params) {
    int dim = params.getInt("dimension");
    ShapedArray first = in.get(0);
    boolean weak = true;
    int total = 0;
    for (ShapedArray a : in) {
      if (a.rank() != first.rank()) {
        throw p.error("cannot concatenate arrays with different numbers of dimensions: got "
            + Dims.shapes(in));
      }
      if (a.dtype() != first.dtype()) {
        throw p.error("operands must have the same dtype, got " + Dims.dtypes(in) + " for shapes "
            + Dims.shapes(in));
      }
      weak &= a.weakType();
    }
    if (dim < 0 || dim >= first.rank()) {
      throw p.error("dimension " + dim + " out of range for shapes " + Dims.shapes(in));
    }
    for (ShapedArray a : in) {
      for (int d = 0; d < first.rank(); d++) {
        if (d != dim && a.shape().dim(d) != first.shape().dim(d)) {
          throw p.error("cannot concatenate arrays whose shapes differ in dimensions other than "
              + dim + ": got " + Dims.shapes(in));
        }
      }
      total += a.shape().dim(dim);
    }
    int[] out = first.shape().dims();
    out[dim] = total;
    return new ShapedArray(Shape.of(out), first.dtype(), weak);
  }

  private static ShapedArray pad(Primitive p, List<ShapedArray> in, Params params) {
    ShapedArray x = in.get(0);
    ShapedArray value = in.get(1);
    int[][] config = params.getIntMatrix("padding_config");
    String context = "padding_config " + config(config) + " and operand shape " + x.shape();
    if (value.rank() != 0) {
      throw p.error("padding_value must be a scalar, got shape " + value.shape());
    }
    if (value.dtype() != x.dtype()) {
      throw p.error("operand and padding_value must have the same dtype, got " + x.dtype()
          + " and " + value.dtype());
    }
    if (config.length != x.rank()) {
      throw p.error("padding_config needs one (lo, hi, interior) per dimension; got " + context);
    }
    int[] out = new int[config.length];
    for (int d = 0; d < config.length; d++) {
      if (config[d].length != 3) {
        throw p.error("each padding_config entry must be (lo, hi, interior); got " + context);
      }
      if (config[d][2] < 0) {
        throw p.error("interior padding must be non-negative; got " + context);
      }
      long n = x.shape().dim(d);
      long size = config[d][0] + config[d][1] + (n == 0 ? 0 : n + (n - 1) * config[d][2]);
      if (size < 0 || size > Integer.MAX_VALUE) {
        throw p.error("dimension " + d + " has size " + size + " after padding; got " + context);
      }
      out[d] = (int) size;
    }
    return new ShapedArray(Shape.of(out), x.dtype(), x.weakType() && value.weakType());
  }

  private static ShapedArray iota(Primitive p, List<ShapedArray> in, Params params) {
    DType dtype = params.getDType("dtype");
    int[] shape = params.getInts("shape");
    int dim = params.getInt("dimension");
    if (!dtype.isInteger() && !dtype.isFloating()) {
      throw p.error("dtype must be an integer or floating dtype, got " + dtype);
    }
    checkNonNegative(p, "shape", shape);
    if (dim < 0 || dim >= shape.length) {
      throw p.error("dimension " + dim + " out of range for shape " + tuple(shape));
    }
    return new ShapedArray(Shape.of(shape), dtype, false);
  }

  private static void checkNonNegative(Primitive p, String name, int[] sizes) {
    for (int s : sizes) {
      if (s < 0) {
        throw p.error(name + " " + tuple(sizes) + " has a negative dimension");
      }
    }
  }

  private static String config(int[][] config) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < config.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(tuple(config[i]));
    }
    return sb.append(config.length == 1 ? ",)" : ")").toString();
  }
}
