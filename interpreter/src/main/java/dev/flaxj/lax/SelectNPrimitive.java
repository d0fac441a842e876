package dev.flaxj.lax;

import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import java.util.List;

/**
 * {@code select_n(which, *cases)}: element {@code i} of the result is element {@code i} of case
 * {@code which[i]}. {@code which} is bool (false picks case 0, true case 1; at most two cases)
 * or an integer, and is a scalar or has the cases' shape; the cases agree in shape and dtype.
 * The result is weakly typed when every case is.
 */
final class SelectNPrimitive extends ElementwisePrimitive {
  private static final DTypeSet WHICH = DTypeSet.BOOL_OR_INTEGER;

  SelectNPrimitive() {
    super("select_n");
  }

  @Override
  public List<ShapedArray> abstractEval(List<ShapedArray> in, Params params) {
    if (in.size() < 2) {
      throw error("expected a selector and at least one case, got " + in.size() + " operand"
          + (in.size() == 1 ? " (" + describe(in) + ")" : "s"));
    }
    ShapedArray which = in.get(0);
    List<ShapedArray> cases = in.subList(1, in.size());
    if (!WHICH.contains(which.dtype())) {
      throw error("`which` must be boolean or integer type, got " + which.str());
    }
    if (which.dtype() == DType.BOOL && cases.size() > 2) {
      throw error("a boolean `which` cannot select from more than 2 cases, got "
          + cases.size() + " (" + describe(in) + ")");
    }
    for (int i = 0; i < cases.size(); i++) {
      requireDType(cases, i, DTypeSet.ANY_OR_KEY);
    }
    requireSameShapes(cases);
    requireSameDTypes(cases);
    ShapedArray first = cases.get(0);
    if (which.rank() != 0 && !which.shape().equals(first.shape())) {
      throw error("`which` must be scalar or have the same shape as the cases, got "
          + describe(in));
    }
    return List.of(new ShapedArray(first.shape(), first.dtype(), allWeak(cases)));
  }
}
