package dev.flaxj.lax;

import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import java.util.List;

/**
 * An elementwise primitive of two operands of one shape and one dtype ({@code add}, {@code max},
 * {@code and}, {@code shift_left}, ...). The result has that shape and dtype, and is weakly typed
 * only when both operands are.
 */
class BinaryPrimitive extends ElementwisePrimitive {
  private final DTypeSet accepted;

  BinaryPrimitive(String name, DTypeSet accepted) {
    super(name);
    this.accepted = accepted;
  }

  @Override
  public final List<ShapedArray> abstractEval(List<ShapedArray> in, Params params) {
    requireOperands(in, 2);
    checkDTypes(in, accepted);
    requireSameShapes(in);
    ShapedArray x = in.get(0);
    return List.of(new ShapedArray(x.shape(), resultDType(x.dtype()), allWeak(in)));
  }

  /** Both operands accepted and equal; {@code pow} relaxes this. */
  void checkDTypes(List<ShapedArray> in, DTypeSet accepted) {
    requireDType(in, 0, accepted);
    requireDType(in, 1, accepted);
    requireSameDTypes(in);
  }

  /** The result dtype for operands of dtype {@code operand}; comparisons give bool. */
  DType resultDType(DType operand) {
    return operand;
  }
}
