package dev.flaxj.transform.partial;

import static dev.flaxj.transform.partial.LinearArgs.isLinear;
import static dev.flaxj.transform.partial.LinearArgs.known;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.ElementwisePrimitives;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.Params;
import dev.flaxj.transform.jvp.Zero;
import java.util.List;

/**
 * Transposes of the linear elementwise primitives: {@code add}, {@code sub}, {@code neg},
 * {@code mul} by a known factor, {@code div} of a linear numerator, {@code convert_element_type}
 * and {@code select_n} (linear in its cases). Operands of these primitives have equal shapes, so
 * no unbroadcasting is needed.
 */
final class ElementwiseTranspose {
  private ElementwiseTranspose() {}

  static void register() {
    TransposeRules.register(ElementwisePrimitives.ADD,
        (cts, args, p) -> LinearArgs.list(linear(args, 0, cts.get(0)), linear(args, 1, cts.get(0))));
    TransposeRules.register(ElementwisePrimitives.SUB, (cts, args, p) -> LinearArgs.list(
        linear(args, 0, cts.get(0)), isLinear(args.get(1)) ? Lax.neg(cts.get(0)) : null));
    TransposeRules.register(ElementwisePrimitives.NEG,
        (cts, args, p) -> LinearArgs.list(Lax.neg(cts.get(0))));
    TransposeRules.register(ElementwisePrimitives.MUL, ElementwiseTranspose::mul);
    TransposeRules.register(ElementwisePrimitives.DIV, (cts, args, p) -> LinearArgs.list(
        Lax.div(cts.get(0), known(ElementwisePrimitives.DIV, args.get(1), "divisor")), null));
    TransposeRules.register(ElementwisePrimitives.CONVERT_ELEMENT_TYPE,
        ElementwiseTranspose::convertElementType);
    TransposeRules.register(ElementwisePrimitives.SELECT_N, ElementwiseTranspose::selectN);
  }

  /** {@code ct} for a linear argument, null for a known one. */
  private static Value linear(List<Object> args, int i, Value ct) {
    return isLinear(args.get(i)) ? ct : null;
  }

  private static List<Value> mul(List<Value> cts, List<Object> args, Params params) {
    Value ct = cts.get(0);
    if (isLinear(args.get(0))) {
      return LinearArgs.list(Lax.mul(ct, known(ElementwisePrimitives.MUL, args.get(1), "second factor")), null);
    }
    return LinearArgs.list(null, Lax.mul(known(ElementwisePrimitives.MUL, args.get(0), "first factor"), ct));
  }

  /** Back to the operand's dtype and weak type; an integer operand has a zero cotangent. */
  private static List<Value> convertElementType(List<Value> cts, List<Object> args, Params params) {
    ShapedArray operand = LinearArgs.aval(args.get(0));
    if (Zero.isNonDifferentiable(operand.dtype())) {
      return LinearArgs.list(Zero.of(operand));
    }
    return LinearArgs.list(Lax.convertElementType(cts.get(0), operand.dtype(), operand.weakType()));
  }

  /** Each linear case receives the cotangent where it was selected and zero elsewhere. */
  private static List<Value> selectN(List<Value> cts, List<Object> args, Params params) {
    Value which = known(ElementwisePrimitives.SELECT_N, args.get(0), "selector `which`");
    Value ct = cts.get(0);
    int n = args.size() - 1;
    Value zeros = LinearArgs.zeros(ct.aval());
    Value[] out = LinearArgs.none(args.size());
    for (int i = 0; i < n; i++) {
      if (isLinear(args.get(i + 1))) {
        Value[] cases = new Value[n];
        for (int j = 0; j < n; j++) {
          cases[j] = j == i ? ct : zeros;
        }
        out[i + 1] = Lax.selectN(which, cases);
      }
    }
    return LinearArgs.list(out);
  }
}
