package dev.flaxj.transform.control;

import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.JaxprEqn;
import dev.flaxj.transform.ir.Var;
import dev.flaxj.transform.remat.CheckpointPolicies;
import dev.flaxj.transform.remat.CheckpointPolicy;
import dev.flaxj.transform.remat.PartialEvalCustomRule;
import dev.flaxj.transform.remat.PartialEvalCustomRules;
import dev.flaxj.transform.remat.PolicyPartialEval;
import java.util.Arrays;
import java.util.List;

/**
 * How a {@code while} inside a checkpoint is split (JAX's {@code _while_partial_eval_custom}):
 * nothing can be saved per iteration, so the policy is ignored. When the predicate depends on
 * known values only, a loop over the known part of the carry (a fixpoint over the body) computes
 * the known outputs on the known side; the staged side runs the whole loop again. Otherwise the
 * whole loop is staged. Reverse mode of the staged loop then fails in its transpose, as JAX's.
 */
public final class WhilePartialEvalCustom {
  private WhilePartialEvalCustom() {}

  public static void register() {
    PartialEvalCustomRules.register(WhilePrimitive.WHILE, WhilePartialEvalCustom::split);
  }

  static PartialEvalCustomRule.Result split(JaxprEqn eqn, boolean[] inUnknowns,
      boolean[] inInstantiated, CheckpointPolicy policy) {
    WhilePrimitive.Loop loop = WhilePrimitive.Loop.of(eqn.params());
    int nc = loop.condNconsts();
    int nb = loop.bodyNconsts();
    int ncarry = inUnknowns.length - nc - nb;
    boolean[] condConstUk = Lists.slice(inUnknowns, 0, nc);
    boolean[] bodyConstUk = Lists.slice(inUnknowns, nc, nb);
    boolean[] carryUk = Lists.slice(inUnknowns, nc + nb, ncarry);
    boolean[] allCarry = Lists.filled(ncarry, true);
    List<Var> newInst = CustomSplits.uninstantiatedInputs(eqn, inInstantiated);
    PolicyPartialEval.Split body;
    while (true) {
      body = PolicyPartialEval.split(loop.bodyJaxpr().jaxpr(), Lists.concat(bodyConstUk, carryUk),
          Lists.filled(nb + ncarry, true), carryUk, allCarry, CheckpointPolicies.NOTHING_SAVEABLE);
      if (Arrays.equals(body.outUnknowns(), carryUk)) {
        break;
      }
      carryUk = Lists.or(carryUk, body.outUnknowns());
    }
    if (body.numResiduals() != 0) {
      throw new IllegalStateException("while: the known part of the body saved residuals");
    }
    PolicyPartialEval.Split cond = PolicyPartialEval.split(loop.condJaxpr().jaxpr(),
        Lists.concat(condConstUk, carryUk), Lists.filled(nc + ncarry, true), new boolean[1],
        new boolean[] {true}, CheckpointPolicies.NOTHING_SAVEABLE);
    if (cond.outUnknowns()[0]) {
      return new PartialEvalCustomRule.Result(null, eqn, allCarry, allCarry, newInst);
    }
    WhilePrimitive.Loop known = new WhilePrimitive.Loop(
        new ClosedJaxpr(cond.known(), loop.condJaxpr().consts()), nc - Lists.count(condConstUk),
        new ClosedJaxpr(body.known(), loop.bodyJaxpr().consts()), nb - Lists.count(bodyConstUk));
    boolean[] unknowns = Lists.concat(condConstUk, bodyConstUk, carryUk);
    JaxprEqn knownEqn = new JaxprEqn(WhilePrimitive.WHILE, known.params(),
        Lists.select(unknowns, eqn.inputs(), false), Lists.select(carryUk, eqn.outvars(), false));
    return new PartialEvalCustomRule.Result(knownEqn, eqn, carryUk, allCarry, newInst);
  }
}
