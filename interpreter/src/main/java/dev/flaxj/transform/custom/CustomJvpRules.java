package dev.flaxj.transform.custom;

import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.Params;
import dev.flaxj.transform.batching.AxisData;
import dev.flaxj.transform.batching.BatchResult;
import dev.flaxj.transform.batching.BatchRules;
import dev.flaxj.transform.jvp.JvpResult;
import dev.flaxj.transform.jvp.JvpRules;
import dev.flaxj.transform.jvp.Tangents;
import dev.flaxj.transform.partial.TransposeRules;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of {@code custom_jvp_call}. JVP: the user's rule, called on the primals and
 * (instantiated) tangents of the explicit arguments; under linearize its tangent computation is
 * what gets staged and transposed. Batching: the body and the rule batched. Transpose (when the
 * call itself lands in a linear program): the transpose of the primal body.
 */
public final class CustomJvpRules {
  private CustomJvpRules() {}

  public static void registerJvp() {
    JvpRules.register(CustomJvpCallPrimitive.CUSTOM_JVP_CALL, CustomJvpRules::jvp);
  }

  public static void registerBatching() {
    BatchRules.register(CustomJvpCallPrimitive.CUSTOM_JVP_CALL, CustomJvpRules::batch);
  }

  public static void registerTranspose() {
    TransposeRules.register(CustomJvpCallPrimitive.CUSTOM_JVP_CALL, (cts, args, params) ->
        LinearBody.transpose(CustomJvpCallPrimitive.callJaxpr(params), args, cts));
  }

  /**
   * The body batched, every output at the front; the rule batched alike (a tangent is batched
   * where its primal is).
   */
  private static BatchResult batch(List<Value> args, int[] dims, Params params, AxisData axis) {
    int numConsts = params.getInt("num_consts");
    int k = args.size() - numConsts;
    int[] ruleDims = new int[2 * k];
    for (int i = 0; i < k; i++) {
      ruleDims[i] = dims[numConsts + i];
      ruleDims[k + i] = dims[numConsts + i];
    }
    FlatJvp rule = CustomJvpCallPrimitive.jvp(params);
    FlatJvp batchedRule = (primals, tangents) -> BatchedCall.atFront(
        xs -> rule.apply(xs.subList(0, k), xs.subList(k, 2 * k)), axis,
        Lists.concat(primals, tangents), ruleDims);
    BatchedBody body = BatchedBody.of(CustomJvpCallPrimitive.callJaxpr(params), args, dims, axis, true);
    List<Value> outs = Bind.bind(CustomJvpCallPrimitive.CUSTOM_JVP_CALL, params
        .with("call_jaxpr", body.jaxpr()).with("jvp", batchedRule)
        .with("num_consts", body.consts().size() + numConsts), body.operands(args));
    return new BatchResult(outs, body.outDims());
  }

  private static JvpResult jvp(List<Value> primals, List<Value> tangents, Params params) {
    int numConsts = params.getInt("num_consts");
    ClosedOverTangents.requireZero("custom_jvp", tangents, numConsts);
    int n = primals.size();
    List<Value> outs = CustomJvpCallPrimitive.jvp(params).apply(primals.subList(numConsts, n),
        Tangents.instantiate(tangents.subList(numConsts, n)));
    int m = outs.size() / 2;
    return new JvpResult(new ArrayList<>(outs.subList(0, m)), new ArrayList<>(outs.subList(m, 2 * m)));
  }
}
