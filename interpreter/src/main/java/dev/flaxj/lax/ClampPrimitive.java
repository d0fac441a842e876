package dev.flaxj.lax;

import dev.flaxj.array.ShapedArray;
import java.util.List;

/**
 * {@code clamp(min, x, max)}: {@code min(max, max(min, x))} elementwise. {@code min} and
 * {@code max} are scalars or have {@code x}'s shape; all three share one dtype. The result has
 * {@code x}'s type, weak only when all three operands are.
 */
final class ClampPrimitive extends ElementwisePrimitive {
  ClampPrimitive() {
    super("clamp");
  }

  @Override
  public List<ShapedArray> abstractEval(List<ShapedArray> in, Params params) {
    requireOperands(in, 3);
    for (int i = 0; i < 3; i++) {
      requireDType(in, i, DTypeSet.ANY);
    }
    requireSameDTypes(in);
    ShapedArray x = in.get(1);
    for (int i : new int[] {0, 2}) {
      ShapedArray bound = in.get(i);
      if (bound.rank() != 0 && !bound.shape().equals(x.shape())) {
        throw error("requires " + (i == 0 ? "min" : "max") + " to be a scalar or to have the"
            + " operand's shape, got " + describe(in));
      }
    }
    return List.of(new ShapedArray(x.shape(), x.dtype(), allWeak(in)));
  }
}
