package dev.flaxj.transform.control;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.transform.ir.Atom;
import dev.flaxj.transform.ir.JaxprEqn;
import dev.flaxj.transform.ir.Var;
import java.util.ArrayList;
import java.util.List;

/** What the policy-driven partial-evaluation rules of scan, cond and while share. */
final class CustomSplits {
  private CustomSplits() {}

  /**
   * The input variables of {@code eqn} the staged side does not have yet: they become residuals
   * when the staged equation takes every input, as these rules' staged equations do.
   */
  static List<Var> uninstantiatedInputs(JaxprEqn eqn, boolean[] inInstantiated) {
    List<Var> out = new ArrayList<>();
    for (int i = 0; i < inInstantiated.length; i++) {
      Atom a = eqn.inputs().get(i);
      if (a instanceof Var v && !inInstantiated[i]) {
        out.add(v);
      }
    }
    return out;
  }

  /** New variables of the given types. */
  static List<Var> newVars(List<ShapedArray> avals) {
    List<Var> out = new ArrayList<>(avals.size());
    avals.forEach(a -> out.add(new Var(a)));
    return out;
  }
}
