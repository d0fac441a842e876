package dev.flaxj.lax;

import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import java.util.List;

/**
 * A monoid reduction over a set of axes ({@code reduce_sum}, {@code reduce_max},
 * {@code reduce_and}, ...): parameter {@code axes}, result shape the operand's without them.
 */
final class ReducePrimitive extends Primitive {
  private final DTypeSet accepts;
  private final boolean keepsWeakType;

  ReducePrimitive(String name, DTypeSet accepts, boolean keepsWeakType) {
    super(name);
    this.accepts = accepts;
    this.keepsWeakType = keepsWeakType;
  }

  @Override
  public List<ShapedArray> abstractEval(List<ShapedArray> inputs, Params params) {
    if (inputs.size() != 1) {
      throw error("expects one operand, got " + inputs.size());
    }
    ShapedArray x = inputs.get(0);
    if (!accepts.contains(x.dtype())) {
      throw error("does not accept dtype " + x.dtype() + " (accepted: " + accepts.description()
          + ")");
    }
    int[] axes = params.getInts("axes");
    for (int i = 0; i < axes.length; i++) {
      if (axes[i] < 0 || axes[i] >= x.rank()) {
        throw error("reduction axes " + Dims.tuple(axes)
            + " contain an out-of-bounds axis for operand " + x.str());
      }
      for (int j = 0; j < i; j++) {
        if (axes[i] == axes[j]) {
          throw error("duplicate value in reduction axes " + Dims.tuple(axes)
              + " for operand " + x.str());
        }
      }
    }
    int[] kept = Dims.complement(x.rank(), axes);
    int[] dims = new int[kept.length];
    for (int i = 0; i < kept.length; i++) {
      dims[i] = x.shape().dim(kept[i]);
    }
    return List.of(new ShapedArray(Shape.of(dims), x.dtype(), keepsWeakType && x.weakType()));
  }
}
