package dev.flaxj.lax;

import dev.flaxj.array.ShapedArray;
import java.util.List;

/**
 * {@code pow}: a floating base and a floating or integer exponent of the same shape; two
 * floating operands must have one dtype. The result has the base's dtype.
 */
final class PowPrimitive extends BinaryPrimitive {
  PowPrimitive() {
    super("pow", DTypeSet.FLOATING);
  }

  @Override
  void checkDTypes(List<ShapedArray> in, DTypeSet accepted) {
    requireDType(in, 0, DTypeSet.FLOATING);
    requireDType(in, 1, DTypeSet.NUMBER);
    if (in.get(1).dtype().isFloating()) {
      requireSameDTypes(in);
    }
  }
}
