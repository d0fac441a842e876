package dev.flaxj.lax;

import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code sort}: sorts several same-shaped operands along {@code dimension}, ordered
 * lexicographically by the first {@code num_keys} of them; the others follow the same
 * permutation. Floats sort in JAX's total order: -inf &lt; ... &lt; inf &lt; NaN, with -0.0 equal
 * to 0.0 and all NaNs equal. The reference kernel is always stable, which also satisfies
 * {@code is_stable=False}.
 */
public final class SortPrimitive extends Primitive {
  public static final Primitive SORT = new SortPrimitive();

  private SortPrimitive() {
    super("sort");
  }

  @Override
  public List<ShapedArray> abstractEval(List<ShapedArray> inputs, Params params) {
    if (inputs.isEmpty()) {
      throw error("requires at least one operand");
    }
    ShapedArray first = inputs.get(0);
    for (ShapedArray a : inputs) {
      if (!a.shape().equals(first.shape())) {
        throw error("operands must have equal shapes, got "
            + inputs.stream().map(ShapedArray::str).collect(Collectors.joining(" ")));
      }
    }
    int dimension = params.getInt("dimension");
    if (dimension < 0 || dimension >= first.rank()) {
      throw error("dimension " + dimension + " is out of bounds for operands of shape "
          + first.shape());
    }
    params.getBoolean("is_stable"); // required, though every sort here is stable
    int numKeys = params.getInt("num_keys");
    if (numKeys < 1 || numKeys > inputs.size()) {
      throw error("num_keys=" + numKeys + " must be between 1 and the number of operands "
          + inputs.size());
    }
    for (int k = 0; k < numKeys; k++) {
      if (inputs.get(k).dtype() == DType.KEY) {
        throw error("cannot sort by keys of dtype " + DType.KEY);
      }
    }
    return inputs;
  }
}
