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
import java.util.Arrays;
import java.util.List;

/**
 * How a {@code scan} inside a checkpoint is split by the checkpoint's policy (JAX's
 * {@code _scan_partial_eval_custom}). The body is split with the policy, which carries are
 * unknown being a fixpoint; the known scan runs the body's known part and stacks, per iteration,
 * the residuals the policy saves; the staged scan takes every input of the original one plus
 * those stacked residuals as extra sequences, and recomputes the rest. Unlike JAX, residuals
 * that depend on known consts only are stacked too rather than hoisted out of the loop.
 */
public final class ScanPartialEvalCustom {
  private ScanPartialEvalCustom() {}

  public static void register() {
    PartialEvalCustomRules.register(ScanPrimitive.SCAN, ScanPartialEvalCustom::split);
  }

  static PartialEvalCustomRule.Result split(JaxprEqn eqn, boolean[] inUnknowns,
      boolean[] inInstantiated, CheckpointPolicy policy) {
    ScanPrimitive.Loop loop = ScanPrimitive.Loop.of(eqn.params());
    int nc = loop.numConsts();
    int ncarry = loop.numCarry();
    int nys = loop.numYs();
    boolean[] constUk = Lists.slice(inUnknowns, 0, nc);
    boolean[] carryUk = Lists.slice(inUnknowns, nc, ncarry);
    boolean[] xsUk = Lists.slice(inUnknowns, nc + ncarry, loop.numXs());
    boolean[] allIn = Lists.filled(inUnknowns.length, true);
    boolean[] allOut = Lists.filled(ncarry + nys, true);
    PolicyPartialEval.Split body;
    while (true) {
      body = PolicyPartialEval.split(loop.jaxpr().jaxpr(), Lists.concat(constUk, carryUk, xsUk), allIn,
          Lists.concat(carryUk, new boolean[nys]), allOut, policy);
      boolean[] carryOut = Lists.slice(body.outUnknowns(), 0, ncarry);
      if (Arrays.equals(carryOut, carryUk)) {
        break;
      }
      carryUk = Lists.or(carryUk, carryOut);
    }
    boolean[] unknowns = Lists.concat(constUk, carryUk, xsUk);
    int numRes = body.numResiduals();
    List<Value> consts = loop.jaxpr().consts();
    ClosedJaxpr known = new ClosedJaxpr(body.known(), consts);
    // the staged body takes the residuals last, as sequences
    ClosedJaxpr staged = JaxprSurgery.moveInputsToFront(new ClosedJaxpr(body.staged(), consts),
        Lists.concat(new boolean[numRes], allIn));
    List<ShapedArray> resAvals = Lists.slice(staged.inAvals(), inUnknowns.length, numRes);
    List<ShapedArray> stackedAvals = new ArrayList<>(numRes);
    resAvals.forEach(a -> stackedAvals.add(ScanPrimitive.stacked(loop.length(), a)));
    List<Var> residuals = CustomSplits.newVars(stackedAvals);

    ScanPrimitive.Loop knownLoop = loop.with(known, nc - Lists.count(constUk), ncarry - Lists.count(carryUk));
    boolean[] outUnknowns = body.outUnknowns();
    JaxprEqn knownEqn = new JaxprEqn(ScanPrimitive.SCAN, knownLoop.params(),
        Lists.select(unknowns, eqn.inputs(), false),
        Lists.concat(Lists.select(outUnknowns, eqn.outvars(), false), residuals));
    ScanPrimitive.Loop stagedLoop = loop.with(staged, nc, ncarry);
    JaxprEqn stagedEqn = new JaxprEqn(ScanPrimitive.SCAN, stagedLoop.params(),
        Lists.<Atom>concat(eqn.inputs(), residuals), eqn.outvars());
    return new PartialEvalCustomRule.Result(knownEqn, stagedEqn, outUnknowns, allOut,
        Lists.concat(CustomSplits.uninstantiatedInputs(eqn, inInstantiated), residuals));
  }
}
