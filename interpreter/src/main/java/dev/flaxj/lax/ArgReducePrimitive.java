package dev.flaxj.lax;

import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import java.util.List;

/**
 * {@code argmax} / {@code argmin}: the index of the first extreme element along one axis
 * (parameters {@code axes} holding exactly that axis, and {@code index_dtype}). A NaN counts as
 * more extreme than any number, so the first NaN wins, as in JAX.
 */
final class ArgReducePrimitive extends Primitive {
  ArgReducePrimitive(String name) {
    super(name);
  }

  @Override
  public List<ShapedArray> abstractEval(List<ShapedArray> inputs, Params params) {
    if (inputs.size() != 1) {
      throw error("expects one operand, got " + inputs.size());
    }
    ShapedArray x = inputs.get(0);
    if (!DTypeSet.ANY.contains(x.dtype())) {
      throw error("does not accept dtype " + x.dtype());
    }
    int[] axes = params.getInts("axes");
    if (axes.length != 1) {
      throw error("expects exactly one axis, got " + axes.length + " for operand " + x.str());
    }
    int axis = axes[0];
    if (axis < 0 || axis >= x.rank()) {
      throw error("invalid axis " + axis + " for operand " + x.str());
    }
    if (x.shape().dim(axis) < 1) {
      throw error("requires a non-empty reduced dimension, got operand " + x.str()
          + " and axis " + axis);
    }
    DType indexDType = params.getDType("index_dtype");
    if (!indexDType.isInteger()) {
      throw error("index_dtype must be an integer type, got " + indexDType);
    }
    int[] kept = Dims.complement(x.rank(), axes);
    int[] dims = new int[kept.length];
    for (int i = 0; i < kept.length; i++) {
      dims[i] = x.shape().dim(kept[i]);
    }
    return List.of(new ShapedArray(Shape.of(dims), indexDType, false));
  }
}
