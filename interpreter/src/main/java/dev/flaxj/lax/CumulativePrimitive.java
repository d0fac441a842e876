package dev.flaxj.lax;

import dev.flaxj.array.ShapedArray;
import java.util.List;

/**
 * An inclusive scan along one axis ({@code cumsum}, {@code cumprod}, {@code cummax},
 * {@code cummin}); parameters {@code axis} (non-negative) and {@code reverse}. The result has the
 * operand's shape and dtype.
 */
final class CumulativePrimitive extends Primitive {
  CumulativePrimitive(String name) {
    super(name);
  }

  @Override
  public List<ShapedArray> abstractEval(List<ShapedArray> inputs, Params params) {
    if (inputs.size() != 1) {
      throw error("expects one operand, got " + inputs.size());
    }
    ShapedArray x = inputs.get(0);
    if (!DTypeSet.NUMBER.contains(x.dtype())) {
      throw error("does not accept dtype " + x.dtype() + " (accepted: "
          + DTypeSet.NUMBER.description() + ")");
    }
    int axis = params.getInt("axis");
    if (axis < 0) {
      throw error("negative axis " + axis + " is not allowed (operand " + x.str() + ")");
    }
    if (axis >= x.rank()) {
      throw error("axis " + axis + " is out of bounds for operand " + x.str());
    }
    return List.of(x);
  }
}
