package dev.flaxj.transform.custom;

import dev.flaxj.array.Value;
import dev.flaxj.transform.jvp.Zero;
import java.util.List;

/**
 * The custom rules differentiate with respect to the explicit arguments only: a nonzero tangent
 * reaching one of the values the function closes over is an error (JAX's CustomVJPException).
 */
final class ClosedOverTangents {
  private ClosedOverTangents() {}

  static void requireZero(String kind, List<Value> tangents, int numConsts) {
    for (int i = 0; i < numConsts; i++) {
      if (!Zero.is(tangents.get(i))) {
        String rule = kind.equals("custom_vjp") ? "custom VJP rule" : "custom JVP rule";
        String rules = kind.equals("custom_vjp") ? "custom_vjp fwd and bwd rules" : "custom_jvp rule";
        throw new IllegalArgumentException("Detected differentiation of a " + kind + " function with "
            + "respect to a closed-over value. That isn't supported because the " + rule + " only "
            + "specifies how to differentiate the " + kind + " function with respect to explicit input "
            + "parameters. Try passing the closed-over value into the " + kind + " function as an "
            + "argument, and adapting the " + rules + ".");
      }
    }
  }
}
