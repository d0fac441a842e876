package dev.flaxj.transform.control;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Params;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.EvalJaxpr;
import dev.flaxj.transform.ir.Jaxpr;
import dev.flaxj.transform.ir.Var;
import dev.flaxj.transform.jvp.Tangents;
import dev.flaxj.transform.jvp.Zero;
import dev.flaxj.transform.partial.BackwardPass;
import dev.flaxj.transform.partial.JaxprSplit;
import dev.flaxj.transform.partial.PartialEval;
import dev.flaxj.transform.partial.PartialEvalRules;
import dev.flaxj.transform.partial.PartialEvalTrace;
import dev.flaxj.transform.partial.PartialEvalTracer;
import dev.flaxj.transform.partial.TransposeRules;
import dev.flaxj.transform.partial.UndefinedPrimal;
import dev.flaxj.transform.staging.Staging;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reverse mode of {@code cond}: partial evaluation splits every branch into a known part (run now
 * in one cond, also returning residuals) and an unknown part (staged as a cond over the
 * residuals), and the transpose is a cond of the branches' transposes.
 */
public final class CondReverse {
  private CondReverse() {}

  public static void registerPartialEval() {
    PartialEvalRules.register(CondPrimitive.COND, CondReverse::partialEval);
  }

  public static void registerTranspose() {
    TransposeRules.register(CondPrimitive.COND, CondReverse::transpose);
  }

  /**
   * JAX's {@code _cond_partial_eval}. An unknown index stages the whole cond. Otherwise an output
   * is unknown if it is in any branch; each branch is split with those outputs unknown, the
   * branches' residuals are merged into one list (each branch fills the others' with zeros) and
   * the known cond returns known outputs and residuals.
   */
  static List<Value> partialEval(PartialEvalTrace trace, List<PartialEvalTracer> args, Params params) {
    ClosedJaxpr[] branches = CondPrimitive.branches(params);
    if (!args.get(0).isKnown()) {
      return stageWhole(trace, args, params, branches[0].outAvals());
    }
    List<PartialEvalTracer> ops = args.subList(1, args.size());
    boolean[] opsUk = new boolean[ops.size()];
    List<Value> knownOps = new ArrayList<>();
    List<PartialEvalTracer> unknownOps = new ArrayList<>();
    for (int i = 0; i < opsUk.length; i++) {
      opsUk[i] = !ops.get(i).isKnown();
      if (opsUk[i]) {
        unknownOps.add(ops.get(i));
      } else {
        knownOps.add(ops.get(i).fullLower());
      }
    }
    int numOut = branches[0].outAvals().size();
    boolean[] outUk = new boolean[numOut];
    for (ClosedJaxpr b : branches) {
      outUk = Lists.or(outUk, PartialEval.partialEvalJaxpr(b, opsUk, null).outUnknowns());
    }
    List<JaxprSplit> splits = new ArrayList<>(branches.length);
    List<List<ShapedArray>> residuals = new ArrayList<>(branches.length);
    for (ClosedJaxpr b : branches) {
      JaxprSplit s = PartialEval.partialEvalJaxpr(b, opsUk, outUk);
      splits.add(s);
      residuals.add(s.residuals());
    }
    MergedResiduals merged = MergedResiduals.of(residuals);
    int numKnownOut = numOut - Lists.count(outUk);
    ClosedJaxpr[] known = new ClosedJaxpr[branches.length];
    ClosedJaxpr[] unknown = new ClosedJaxpr[branches.length];
    for (int b = 0; b < branches.length; b++) {
      known[b] = merged.joinOutputs(splits.get(b).known(), b, numKnownOut);
      unknown[b] = merged.joinInputs(splits.get(b).unknown(), b);
    }
    List<Value> knownOuts = CondPrimitive.bind(args.get(0).fullLower(), knownOps, known);
    List<PartialEvalTracer> stagedIns = new ArrayList<>();
    stagedIns.add(args.get(0));
    for (Value r : knownOuts.subList(numKnownOut, knownOuts.size())) {
      stagedIns.add(trace.known(r));
    }
    stagedIns.addAll(unknownOps);
    List<PartialEvalTracer> unknownOuts = trace.stage(CondPrimitive.COND, stagedIns,
        CondPrimitive.params(unknown), unknown[0].outAvals());
    List<Value> outs = new ArrayList<>(numOut);
    for (int j = 0, k = 0, u = 0; j < numOut; j++) {
      outs.add(outUk[j] ? unknownOuts.get(u++) : trace.known(knownOuts.get(k++)));
    }
    return outs;
  }

  static List<Value> stageWhole(PartialEvalTrace trace, List<PartialEvalTracer> args, Params params,
      List<ShapedArray> outAvals) {
    return new ArrayList<>(trace.stage(CondPrimitive.COND, args, params, outAvals));
  }

  /**
   * The residuals of several branches merged by type, as JAX's {@code _merge_branch_residuals}:
   * the i-th residual of a given type in one branch shares a slot with the i-th of that type in
   * the others. {@code slots.get(b)[r]} is the slot of residual r of branch b.
   */
  record MergedResiduals(List<ShapedArray> avals, List<int[]> slots) {
    static MergedResiduals of(List<List<ShapedArray>> perBranch) {
      Map<Map.Entry<ShapedArray, Integer>, Integer> index = new LinkedHashMap<>();
      List<ShapedArray> avals = new ArrayList<>();
      List<int[]> slots = new ArrayList<>();
      for (List<ShapedArray> residuals : perBranch) {
        Map<ShapedArray, Integer> seen = new HashMap<>();
        int[] slot = new int[residuals.size()];
        for (int r = 0; r < slot.length; r++) {
          ShapedArray a = residuals.get(r);
          int occurrence = seen.merge(a, 1, Integer::sum) - 1;
          slot[r] = index.computeIfAbsent(Map.entry(a, occurrence), k -> {
            avals.add(a);
            return avals.size() - 1;
          });
        }
        slots.add(slot);
      }
      return new MergedResiduals(avals, slots);
    }

    /**
     * JAX's {@code _join_cond_outputs}: branch {@code b}'s known part returning its known outputs,
     * then every merged residual (zeros in the slots other branches fill).
     */
    ClosedJaxpr joinOutputs(ClosedJaxpr known, int b, int numKnownOut) {
      int[] slot = slots.get(b);
      return Staging.traceToJaxpr(ins -> {
        List<Value> outs = EvalJaxpr.eval(known, ins);
        List<Value> joined = new ArrayList<>(outs.subList(0, numKnownOut));
        Value[] res = new Value[avals.size()];
        for (int r = 0; r < slot.length; r++) {
          res[slot[r]] = outs.get(numKnownOut + r);
        }
        for (int s = 0; s < res.length; s++) {
          joined.add(res[s] != null ? res[s] : Tangents.instantiate(Zero.of(avals.get(s))));
        }
        return joined;
      }, known.inAvals());
    }

    /** JAX's {@code _join_cond_pe_staged_jaxpr_inputs}: branch {@code b}'s unknown part taking every merged residual. */
    ClosedJaxpr joinInputs(ClosedJaxpr unknown, int b) {
      int[] slot = slots.get(b);
      Jaxpr j = unknown.jaxpr();
      Var[] resVars = new Var[avals.size()];
      for (int r = 0; r < slot.length; r++) {
        resVars[slot[r]] = j.invars().get(r);
      }
      for (int s = 0; s < resVars.length; s++) {
        if (resVars[s] == null) {
          resVars[s] = new Var(avals.get(s));
        }
      }
      List<Var> invars = Lists.concat(List.of(resVars), j.invars().subList(slot.length, j.invars().size()));
      return new ClosedJaxpr(new Jaxpr(j.constvars(), invars, j.eqns(), j.outvars()), unknown.consts());
    }
  }

  /**
   * JAX's {@code _cond_transpose}: a cond whose branches transpose the original ones; it takes the
   * index, the known operands and the output cotangents that are not symbolic zeros, and returns
   * the cotangents of the linear operands (zeros where a branch does not use them).
   */
  static List<Value> transpose(List<Value> cts, List<Object> args, Params params) {
    ClosedJaxpr[] branches = CondPrimitive.branches(params);
    if (args.get(0) instanceof UndefinedPrimal) {
      throw new IllegalStateException("cond: transposing with respect to the branch index");
    }
    List<Object> ops = args.subList(1, args.size());
    boolean[] linear = new boolean[ops.size()];
    List<Value> res = new ArrayList<>();
    for (int i = 0; i < linear.length; i++) {
      linear[i] = ops.get(i) instanceof UndefinedPrimal;
      if (!linear[i]) {
        res.add((Value) ops.get(i));
      }
    }
    boolean[] ctNz = CondRules.nonzeros(cts);
    List<Value> ctsIn = Lists.select(ctNz, cts, true);
    List<ShapedArray> inAvals = Lists.concat(Leaves.avals(res), Leaves.avals(ctsIn));
    ClosedJaxpr[] transposed = new ClosedJaxpr[branches.length];
    for (int b = 0; b < branches.length; b++) {
      ClosedJaxpr branch = branches[b];
      transposed[b] = Staging.traceToJaxpr(ins -> {
        List<Object> primals = new ArrayList<>(linear.length);
        for (int i = 0, k = 0; i < linear.length; i++) {
          primals.add(linear[i] ? new UndefinedPrimal(branch.inAvals().get(i)) : ins.get(k++));
        }
        List<Value> outCts = new ArrayList<>(ctNz.length);
        for (int j = 0, k = res.size(); j < ctNz.length; j++) {
          outCts.add(ctNz[j] ? ins.get(k++) : cts.get(j));
        }
        List<Value> opCts = BackwardPass.transpose(branch, primals, outCts);
        return Tangents.instantiate(Lists.select(linear, opCts, true));
      }, inAvals);
    }
    List<Value> out = CondPrimitive.bind((Value) args.get(0), Lists.concat(res, ctsIn), transposed);
    List<Value> result = new ArrayList<>(args.size());
    result.add(null);
    for (int i = 0, k = 0; i < linear.length; i++) {
      result.add(linear[i] ? out.get(k++) : null);
    }
    return result;
  }
}
