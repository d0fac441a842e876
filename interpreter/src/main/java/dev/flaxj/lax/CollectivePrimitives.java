package dev.flaxj.lax;

import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import java.util.Arrays;
import java.util.List;

/**
 * The collectives over named axes of enclosing {@code vmap}s, with the single-machine semantics
 * {@code nn.vmap(axis_name=...)} exposes. They have no kernels: a batch trace of each named axis
 * always interprets them ({@link NamedAxisPrimitive}). Parameters as in a JAX jaxpr.
 */
public final class CollectivePrimitives {
  private CollectivePrimitives() {}

  /**
   * {@code psum[axes, axis_index_groups]}: each operand summed over the named axes (a
   * {@code String[]}); {@code axis_index_groups} is always null. Bool operands are not accepted
   * ({@link Lax#psum} converts them to int32, as JAX does).
   */
  public static final NamedAxisPrimitive PSUM = new AllReduce("psum", false);
  /** {@code pmax[axes, axis_index_groups]}: the elementwise maximum over the named axes. */
  public static final NamedAxisPrimitive PMAX = new AllReduce("pmax", true);
  /** {@code pmin[axes, axis_index_groups]}: the elementwise minimum over the named axes. */
  public static final NamedAxisPrimitive PMIN = new AllReduce("pmin", true);

  /**
   * {@code all_gather[axis_name, all_gather_dimension, axis_size, tiled, axis_index_groups]}:
   * the operands of every index of the named axis (a one-name {@code String[]}), stacked along a
   * new dimension {@code all_gather_dimension} of size {@code axis_size}, or with
   * {@code tiled} concatenated along that existing dimension.
   */
  public static final NamedAxisPrimitive ALL_GATHER = new NamedAxisPrimitive("all_gather") {
    @Override
    public List<String> axisNames(Params params) {
      return Arrays.asList((String[]) params.get("axis_name"));
    }

    @Override
    public String unboundMessage(String axisName) {
      return "unbound axis name: " + axisName;
    }

    @Override
    public List<ShapedArray> abstractEval(List<ShapedArray> in, Params params) {
      if (in.size() != 1) {
        throw error("expects one operand, got " + in.size());
      }
      ShapedArray x = in.get(0);
      int dim = params.getInt("all_gather_dimension");
      int size = params.getInt("axis_size");
      boolean tiled = params.getBoolean("tiled");
      if (dim < 0 || dim > x.rank() || (tiled && dim == x.rank())) {
        throw error("all_gather_dimension " + dim + " is out of bounds for operand " + x.str()
            + (tiled ? " (tiled)" : ""));
      }
      int[] dims = x.shape().dims();
      int[] out;
      if (tiled) {
        out = dims;
        out[dim] *= size;
      } else {
        out = new int[dims.length + 1];
        System.arraycopy(dims, 0, out, 0, dim);
        out[dim] = size;
        System.arraycopy(dims, dim, out, dim + 1, dims.length - dim);
      }
      return List.of(x.withShape(Shape.of(out)));
    }
  };

  /** {@code axis_index[axis_name]}: no operands; the index along the named axis, int32. */
  public static final NamedAxisPrimitive AXIS_INDEX = new NamedAxisPrimitive("axis_index") {
    @Override
    public List<String> axisNames(Params params) {
      return List.of(params.getString("axis_name"));
    }

    @Override
    public List<ShapedArray> abstractEval(List<ShapedArray> in, Params params) {
      if (!in.isEmpty()) {
        throw error("takes no operands, got " + in.size());
      }
      return List.of(new ShapedArray(Shape.SCALAR, DType.INT32, false));
    }
  };

  /** {@code psum}, {@code pmax}, {@code pmin}: outputs have the operands' types. */
  private static final class AllReduce extends NamedAxisPrimitive {
    private final boolean acceptsBool;

    AllReduce(String name, boolean acceptsBool) {
      super(name);
      this.acceptsBool = acceptsBool;
    }

    @Override
    public List<String> axisNames(Params params) {
      return Arrays.asList((String[]) params.get("axes"));
    }

    /** JAX names psum in this message for pmax and pmin too. */
    @Override
    public String unboundMessage(String axisName) {
      return "Found an unbound axis name: " + axisName
          + ". To fix this, please call psum under `jax.shard_map`.";
    }

    @Override
    public List<ShapedArray> abstractEval(List<ShapedArray> in, Params params) {
      if (in.isEmpty()) {
        throw error("requires at least one operand");
      }
      for (ShapedArray a : in) {
        if (a.dtype() == DType.KEY || (a.dtype() == DType.BOOL && !acceptsBool)) {
          throw error("does not accept dtype " + a.dtype() + " (got " + a.str() + ")");
        }
      }
      return in;
    }
  }
}
