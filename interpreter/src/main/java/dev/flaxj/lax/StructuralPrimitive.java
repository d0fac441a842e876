package dev.flaxj.lax;

import dev.flaxj.array.ShapedArray;
import java.util.List;

/**
 * A shape or indexing primitive: one output, whose abstract value a rule computes from the
 * inputs and parameters after the number of inputs has been checked.
 */
final class StructuralPrimitive extends Primitive {
  /** Output type of one application; throws {@code self.error(...)} on bad input. */
  @FunctionalInterface
  interface Rule {
    ShapedArray apply(Primitive self, List<ShapedArray> inputs, Params params);
  }

  /** {@code maxInputs} value for primitives that take any number of inputs from the minimum on. */
  static final int VARIADIC = Integer.MAX_VALUE;

  private final int minInputs;
  private final int maxInputs;
  private final Rule rule;

  StructuralPrimitive(String name, int minInputs, int maxInputs, Rule rule) {
    super(name);
    this.minInputs = minInputs;
    this.maxInputs = maxInputs;
    this.rule = rule;
  }

  @Override
  public List<ShapedArray> abstractEval(List<ShapedArray> inputs, Params params) {
    int n = inputs.size();
    if (n < minInputs || n > maxInputs) {
      String expected = minInputs == maxInputs ? Integer.toString(minInputs)
          : maxInputs == VARIADIC ? "at least " + minInputs : minInputs + " to " + maxInputs;
      throw error("expected " + expected + " operand" + (expected.equals("1") ? "" : "s")
          + ", got " + n);
    }
    return List.of(rule.apply(this, inputs, params));
  }
}
