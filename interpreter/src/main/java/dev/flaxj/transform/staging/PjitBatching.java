package dev.flaxj.transform.staging;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Params;
import dev.flaxj.transform.batching.AxisData;
import dev.flaxj.transform.batching.BatchResult;
import dev.flaxj.transform.batching.BatchRules;
import dev.flaxj.transform.batching.Batching;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.EvalJaxpr;
import java.util.ArrayList;
import java.util.List;

/**
 * Batching of {@code jit} (JAX's {@code _pjit_batcher}): the jaxpr, batched with the arguments'
 * batch dimensions as they are, is staged into a new {@code jit} of the same name; each output
 * keeps the batch dimension (or none) that batching the jaxpr gave it.
 */
public final class PjitBatching {
  private PjitBatching() {}

  /** Registers the rule; called from {@link BatchRules}' table. */
  public static void register() {
    BatchRules.register(Pjit.PJIT, PjitBatching::batch);
  }

  private static BatchResult batch(List<Value> args, int[] dims, Params params, AxisData axis) {
    ClosedJaxpr jaxpr = Pjit.jaxpr(params);
    List<ShapedArray> inAvals = new ArrayList<>(args.size());
    args.forEach(a -> inAvals.add(a.aval()));
    int[][] outDims = new int[1][];
    ClosedJaxpr batched = Staging.traceToJaxpr(ins -> {
      BatchResult r = Batching.batch(vs -> EvalJaxpr.eval(jaxpr, vs), axis, ins, dims);
      outDims[0] = r.dims();
      return r.outs();
    }, inAvals);
    return new BatchResult(Pjit.call(batched, Pjit.name(params), args), outDims[0]);
  }
}
