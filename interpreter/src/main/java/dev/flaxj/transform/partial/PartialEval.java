package dev.flaxj.transform.partial;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.transform.TraceStack;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.EvalJaxpr;
import dev.flaxj.transform.ir.Var;
import dev.flaxj.transform.staging.Staging;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * Partial evaluation of a flat function (Autodidax's {@code partial_eval_flat}): what depends on
 * known inputs only is computed now, the rest is staged into a program over the unknown inputs.
 */
public final class PartialEval {
  private PartialEval() {}

  /**
   * The outputs as partial values and the staged program: its inputs are the unknown inputs
   * (in order), its outputs the unknown outputs (in order), its constants the residuals, known
   * values it needs.
   */
  public record Result(List<PartialVal> outputs, ClosedJaxpr jaxpr) {
    public Result {
      outputs = List.copyOf(outputs);
    }
  }

  /**
   * Partially evaluates {@code f} on {@code inputs}; the outputs whose index {@code instantiate}
   * accepts (asked after {@code f} has run; null: none) are made unknown even when they are
   * known.
   */
  public static Result partialEvalFlat(Function<List<Value>, List<Value>> f,
      List<PartialVal> inputs, IntPredicate instantiate) {
    try (TraceStack.Entry entry = TraceStack.push(PartialEvalTrace::new, null)) {
      PartialEvalTrace trace = (PartialEvalTrace) entry.main().trace();
      List<PartialEvalTracer> in = new ArrayList<>(inputs.size());
      List<Value> args = new ArrayList<>(inputs.size());
      for (PartialVal pval : inputs) {
        PartialEvalTracer t = trace.newArg(pval);
        in.add(t);
        args.add(t);
      }
      List<Value> outs = f.apply(args);
      List<PartialVal> pvals = new ArrayList<>(outs.size());
      List<PartialEvalTracer> unknownOut = new ArrayList<>();
      for (int i = 0; i < outs.size(); i++) {
        PartialEvalTracer t = (PartialEvalTracer) TraceStack.fullRaise(trace, outs.get(i));
        if (instantiate != null && instantiate.test(i)) {
          t = trace.instantiateConst(t);
        }
        pvals.add(t.pval());
        if (!t.isKnown()) {
          unknownOut.add(t);
        }
      }
      List<PartialEvalTracer> unknownIn = new ArrayList<>();
      for (PartialEvalTracer t : in) {
        if (!t.isKnown()) {
          unknownIn.add(t);
        }
      }
      return new Result(pvals, RecipeJaxpr.build(unknownIn, unknownOut));
    }
  }

  /**
   * Unzips {@code jaxpr} into a known and an unknown part by data dependence (JAX's
   * {@code partial_eval_jaxpr_nounits}): an equation with an unknown input goes to the unknown
   * part, the others to the known part, and known values the unknown part needs are passed as
   * residuals. Outputs flagged in {@code instantiate} (null: none) are unknown even when they
   * could be known. Higher-order primitives with a {@link PartialEvalRule} are unzipped
   * recursively. The known part is staged, so it can run later or under another transformation.
   */
  public static JaxprSplit partialEvalJaxpr(ClosedJaxpr jaxpr, boolean[] unknowns,
      boolean[] instantiate) {
    List<ShapedArray> inAvals = jaxpr.inAvals();
    if (unknowns.length != inAvals.size()) {
      throw new IllegalArgumentException("partial_eval_jaxpr: " + unknowns.length
          + " unknown flags for a jaxpr of " + inAvals.size() + " inputs");
    }
    List<ShapedArray> knownAvals = new ArrayList<>();
    for (int i = 0; i < unknowns.length; i++) {
      if (!unknowns[i]) {
        knownAvals.add(inAvals.get(i));
      }
    }
    Result[] inner = new Result[1];
    ClosedJaxpr known = Staging.traceToJaxpr(knownIns -> {
      List<PartialVal> pvals = new ArrayList<>(unknowns.length);
      int k = 0;
      for (int i = 0; i < unknowns.length; i++) {
        pvals.add(unknowns[i] ? PartialVal.unknown(inAvals.get(i))
            : PartialVal.known(knownIns.get(k++)));
      }
      Result r = partialEvalFlat(ins -> EvalJaxpr.eval(jaxpr, ins), pvals,
          instantiate == null ? null : i -> instantiate[i]);
      inner[0] = r;
      List<Value> outs = new ArrayList<>();
      for (PartialVal pv : r.outputs()) {
        if (pv.isKnown()) {
          outs.add(pv.value());
        }
      }
      outs.addAll(r.jaxpr().consts());
      return outs;
    }, knownAvals);
    Result r = inner[0];
    boolean[] outUnknowns = new boolean[r.outputs().size()];
    for (int i = 0; i < outUnknowns.length; i++) {
      outUnknowns[i] = !r.outputs().get(i).isKnown();
    }
    List<ShapedArray> residuals = new ArrayList<>();
    for (Var v : r.jaxpr().jaxpr().constvars()) {
      residuals.add(v.aval());
    }
    return new JaxprSplit(known, Staging.constsAsInputs(r.jaxpr()), outUnknowns, residuals);
  }
}
