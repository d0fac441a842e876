package dev.flaxj.transform.custom;

import static dev.flaxj.transform.batching.BatchRules.NOT_MAPPED;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.transform.batching.AxisData;
import dev.flaxj.transform.batching.BatchResult;
import dev.flaxj.transform.batching.Batching;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.EvalJaxpr;
import dev.flaxj.transform.ir.Jaxpr;
import dev.flaxj.transform.staging.Staging;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a higher-order primitive batched and staged again (JAX's {@code batch_jaxpr}): it
 * takes the batched operands as they are (batch dimensions where {@code dims} says) and returns
 * each output batched at the front, or unbatched when it does not depend on the batch and
 * {@code forceAll} is false. Values it closes over are leading inputs, {@link #consts()}.
 */
public record BatchedBody(Jaxpr jaxpr, List<Value> consts, int[] outDims) {
  public static BatchedBody of(Jaxpr body, List<? extends Value> args, int[] dims, AxisData axis,
      boolean forceAll) {
    List<ShapedArray> avals = new ArrayList<>();
    args.forEach(a -> avals.add(a.aval()));
    int[] outDims = new int[body.outvars().size()];
    ClosedJaxpr batched = Staging.traceToJaxpr(ins -> {
      BatchResult r = Batching.batch(xs -> EvalJaxpr.eval(body, List.of(), xs), axis, ins, dims);
      List<Value> outs = new ArrayList<>();
      for (int i = 0; i < outDims.length; i++) {
        int d = r.dims()[i];
        outDims[i] = d == NOT_MAPPED && !forceAll ? NOT_MAPPED : 0;
        Value out = r.outs().get(i);
        outs.add(outDims[i] == NOT_MAPPED ? out : Batching.moveBatch(out, d, 0, axis.size()));
      }
      return outs;
    }, avals);
    return new BatchedBody(Staging.constsAsInputs(batched).jaxpr(), batched.consts(), outDims);
  }

  /** The consts followed by {@code args}. */
  public Value[] operands(List<? extends Value> args) {
    return Lists.concat(consts, args).toArray(new Value[0]);
  }

  @Override
  public int[] outDims() {
    return outDims.clone();
  }
}
