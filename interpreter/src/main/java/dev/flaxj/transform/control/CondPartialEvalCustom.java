package dev.flaxj.transform.control;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.transform.ir.Atom;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.JaxprEqn;
import dev.flaxj.transform.ir.Var;
import dev.flaxj.transform.remat.CheckpointPolicy;
import dev.flaxj.transform.remat.PartialEvalCustomRule;
import dev.flaxj.transform.remat.PartialEvalCustomRules;
import dev.flaxj.transform.remat.PolicyPartialEval;
import java.util.ArrayList;
import java.util.List;

/**
 * How a {@code cond} inside a checkpoint is split by the checkpoint's policy (JAX's
 * {@code _cond_partial_eval_custom}). An output is unknown if it is in any branch; every branch
 * is split with the policy, their residuals are merged by type as in {@link CondReverse}; the
 * known cond returns the known outputs and the residuals, the staged cond takes the residuals and
 * every operand. An unknown index stages the whole cond.
 */
public final class CondPartialEvalCustom {
  private CondPartialEvalCustom() {}

  public static void register() {
    PartialEvalCustomRules.register(CondPrimitive.COND, CondPartialEvalCustom::split);
  }

  static PartialEvalCustomRule.Result split(JaxprEqn eqn, boolean[] inUnknowns,
      boolean[] inInstantiated, CheckpointPolicy policy) {
    ClosedJaxpr[] branches = CondPrimitive.branches(eqn.params());
    int numOut = eqn.outvars().size();
    boolean[] allOut = Lists.filled(numOut, true);
    List<Var> newInst = CustomSplits.uninstantiatedInputs(eqn, inInstantiated);
    if (inUnknowns[0]) {
      return new PartialEvalCustomRule.Result(null, eqn, allOut, allOut, newInst);
    }
    boolean[] opsUk = Lists.slice(inUnknowns, 1, inUnknowns.length - 1);
    boolean[] allOps = Lists.filled(opsUk.length, true);
    boolean[] outUk = new boolean[numOut];
    for (ClosedJaxpr b : branches) {
      outUk = Lists.or(outUk, PolicyPartialEval.split(b.jaxpr(), opsUk, allOps, new boolean[numOut],
          allOut, policy).outUnknowns());
    }
    List<PolicyPartialEval.Split> splits = new ArrayList<>(branches.length);
    List<List<ShapedArray>> residuals = new ArrayList<>(branches.length);
    for (ClosedJaxpr b : branches) {
      PolicyPartialEval.Split s = PolicyPartialEval.split(b.jaxpr(), opsUk, allOps, outUk, allOut, policy);
      splits.add(s);
      List<ShapedArray> avals = new ArrayList<>();
      s.staged().invars().subList(0, s.numResiduals()).forEach(v -> avals.add(v.aval()));
      residuals.add(avals);
    }
    CondReverse.MergedResiduals merged = CondReverse.MergedResiduals.of(residuals);
    int numKnownOut = numOut - Lists.count(outUk);
    ClosedJaxpr[] known = new ClosedJaxpr[branches.length];
    ClosedJaxpr[] staged = new ClosedJaxpr[branches.length];
    for (int b = 0; b < branches.length; b++) {
      List<Value> consts = branches[b].consts();
      known[b] = merged.joinOutputs(new ClosedJaxpr(splits.get(b).known(), consts), b, numKnownOut);
      staged[b] = merged.joinInputs(new ClosedJaxpr(splits.get(b).staged(), consts), b);
    }
    List<Var> resVars = CustomSplits.newVars(merged.avals());
    List<Atom> index = eqn.inputs().subList(0, 1);
    List<Atom> ops = eqn.inputs().subList(1, eqn.inputs().size());
    JaxprEqn knownEqn = new JaxprEqn(CondPrimitive.COND, CondPrimitive.params(known),
        Lists.concat(index, Lists.select(opsUk, ops, false)),
        Lists.concat(Lists.select(outUk, eqn.outvars(), false), resVars));
    JaxprEqn stagedEqn = new JaxprEqn(CondPrimitive.COND, CondPrimitive.params(staged),
        Lists.<Atom>concat(index, resVars, ops), eqn.outvars());
    return new PartialEvalCustomRule.Result(knownEqn, stagedEqn, outUk, allOut,
        Lists.concat(newInst, resVars));
  }
}
