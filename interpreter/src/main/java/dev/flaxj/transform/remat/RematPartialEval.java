package dev.flaxj.transform.remat;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Params;
import dev.flaxj.transform.ir.EvalJaxpr;
import dev.flaxj.transform.ir.Jaxpr;
import dev.flaxj.transform.partial.PartialEvalRules;
import dev.flaxj.transform.partial.PartialEvalTrace;
import dev.flaxj.transform.partial.PartialEvalTracer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Partial evaluation of a checkpoint (JAX's {@code remat_partial_eval}), what linearize and so
 * reverse mode run, and where the policy acts: {@link PolicyPartialEval} splits the body; the
 * known part runs now and keeps only the residuals the policy saves; the unknown part is staged
 * as a new checkpoint ({@code differentiated=True}) that recomputes everything else from them.
 */
final class RematPartialEval {
  private RematPartialEval() {}

  /** Called once, when {@link RematPrimitive} is initialised. */
  static void register() {
    PartialEvalRules.register(RematPrimitive.REMAT, RematPartialEval::partialEval);
  }

  private static List<Value> partialEval(PartialEvalTrace trace, List<PartialEvalTracer> args,
      Params params) {
    Jaxpr body = RematPrimitive.body(params);
    int n = args.size();
    boolean[] unknown = new boolean[n];
    for (int i = 0; i < n; i++) {
      unknown[i] = !args.get(i).isKnown();
    }
    boolean[] all = new boolean[n];
    Arrays.fill(all, true);
    PolicyPartialEval.Split split =
        PolicyPartialEval.split(body, unknown, all, RematPrimitive.policy(params));
    boolean[] outUnknown = split.outUnknowns();

    // the staged side computes only the unknown outputs, from the residuals it really uses
    List<Boolean> keep = new ArrayList<>();
    for (int i = 0; i < outUnknown.length; i++) {
      if (split.outInstantiated()[i]) {
        keep.add(outUnknown[i]);
      }
    }
    JaxprDce.Result staged = JaxprDce.dce(split.staged(), toArray(keep));
    int numRes = split.numResiduals();
    boolean[] usedIns = staged.usedInputs();
    int numKnownOuts = 0;
    for (boolean u : outUnknown) {
      numKnownOuts += u ? 0 : 1;
    }
    boolean[] keepKnown = new boolean[numKnownOuts + numRes];
    Arrays.fill(keepKnown, 0, numKnownOuts, true);
    System.arraycopy(usedIns, 0, keepKnown, numKnownOuts, numRes);
    JaxprDce.Result known = JaxprDce.dce(split.known(), keepKnown);

    // run the known part now: the known outputs and the saved residuals
    List<Value> knownIns = new ArrayList<>();
    int k = 0;
    for (PartialEvalTracer t : args) {
      if (t.isKnown() && known.usedInputs()[k++]) {
        knownIns.add(t.pval().value());
      }
    }
    List<Value> knownOuts = EvalJaxpr.eval(known.jaxpr(), List.of(), knownIns);

    // stage the rest as a checkpoint that recomputes what was not saved
    List<PartialEvalTracer> stagedIns = new ArrayList<>();
    for (Value r : knownOuts.subList(numKnownOuts, knownOuts.size())) {
      stagedIns.add(trace.known(r));
    }
    for (int i = 0; i < n; i++) {
      if (usedIns[numRes + i]) {
        stagedIns.add(args.get(i));
      }
    }
    Jaxpr unknownBody = staged.jaxpr();
    List<ShapedArray> outAvals = new ArrayList<>();
    unknownBody.outvars().forEach(a -> outAvals.add(a.aval()));
    List<PartialEvalTracer> unknownOuts = trace.stage(RematPrimitive.REMAT, stagedIns,
        params.with("jaxpr", unknownBody).with("differentiated", true), outAvals);

    List<Value> result = new ArrayList<>(outUnknown.length);
    int ki = 0;
    int ui = 0;
    for (boolean u : outUnknown) {
      result.add(u ? unknownOuts.get(ui++) : trace.known(knownOuts.get(ki++)));
    }
    return result;
  }

  private static boolean[] toArray(List<Boolean> flags) {
    boolean[] out = new boolean[flags.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = flags.get(i);
    }
    return out;
  }
}
