package dev.flaxj.lax;

import dev.flaxj.array.ShapedArray;
import java.util.List;

/**
 * An elementwise primitive of one operand whose result has the operand's shape, dtype and weak
 * type ({@code neg}, {@code exp}, {@code round}, {@code integer_pow}, ...).
 */
final class UnaryPrimitive extends ElementwisePrimitive {
  /** Checks the static parameters against the operand type; throws {@code self.error(...)}. */
  @FunctionalInterface
  interface ParamRule {
    void check(Primitive self, ShapedArray operand, Params params);
  }

  private final DTypeSet accepted;
  private final ParamRule paramRule;

  UnaryPrimitive(String name, DTypeSet accepted) {
    this(name, accepted, (self, x, p) -> { });
  }

  UnaryPrimitive(String name, DTypeSet accepted, ParamRule paramRule) {
    super(name);
    this.accepted = accepted;
    this.paramRule = paramRule;
  }

  @Override
  public List<ShapedArray> abstractEval(List<ShapedArray> in, Params params) {
    requireOperands(in, 1);
    requireDType(in, 0, accepted);
    paramRule.check(this, in.get(0), params);
    return List.of(in.get(0));
  }
}
