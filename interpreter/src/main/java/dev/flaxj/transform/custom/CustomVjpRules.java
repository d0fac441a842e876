package dev.flaxj.transform.custom;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.Params;
import dev.flaxj.transform.batching.AxisData;
import dev.flaxj.transform.batching.BatchResult;
import dev.flaxj.transform.batching.BatchRules;
import dev.flaxj.transform.batching.Batching;
import dev.flaxj.transform.jvp.JvpResult;
import dev.flaxj.transform.jvp.JvpRules;
import dev.flaxj.transform.jvp.Tangents;
import dev.flaxj.transform.jvp.Zero;
import dev.flaxj.transform.partial.TransposeRules;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of {@code custom_vjp_call} and {@code custom_lin}. JVP of the call: run the user's
 * {@code fwd} on the primals, keep its residuals, and make the output tangents a
 * {@code custom_lin} of the residuals and input tangents. Under linearize that {@code custom_lin}
 * is staged into the linear program, and its transpose calls the user's {@code bwd}; evaluated
 * (plain forward mode) it fails with JAX's error.
 */
public final class CustomVjpRules {
  private CustomVjpRules() {}

  public static void registerJvp() {
    JvpRules.register(CustomVjpCallPrimitive.CUSTOM_VJP_CALL, CustomVjpRules::jvp);
  }

  public static void registerBatching() {
    BatchRules.register(CustomVjpCallPrimitive.CUSTOM_VJP_CALL, CustomVjpRules::batch);
    BatchRules.register(CustomLinPrimitive.CUSTOM_LIN, (args, dims, params, axis) -> {
      throw new IllegalArgumentException(CustomLinPrimitive.JVP_MESSAGE);
    });
  }

  public static void registerTranspose() {
    TransposeRules.register(CustomLinPrimitive.CUSTOM_LIN, CustomVjpRules::transposeLin);
  }

  /**
   * The body batched, every output at the front; {@code fwd} batched with its outputs and
   * residuals at the front; {@code bwd} batched on those, each input cotangent then put where its
   * input carries the batch, or summed over the batch for an unbatched input.
   */
  private static BatchResult batch(List<Value> args, int[] dims, Params params, AxisData axis) {
    int numConsts = params.getInt("num_consts");
    int k = args.size() - numConsts;
    int[] argDims = java.util.Arrays.copyOfRange(dims, numConsts, dims.length);
    FlatFwd fwd = CustomVjpCallPrimitive.fwd(params);
    FlatBwd bwd = CustomVjpCallPrimitive.bwd(params);
    int[] numOuts = new int[1];
    FlatFwd batchedFwd = primals -> {
      List<Value> all = BatchedCall.atFront(xs -> {
        FlatFwd.Result r = fwd.apply(xs);
        numOuts[0] = r.outs().size();
        return Lists.concat(r.outs(), r.residuals());
      }, axis, primals, argDims);
      return new FlatFwd.Result(all.subList(0, numOuts[0]), all.subList(numOuts[0], all.size()));
    };
    FlatBwd batchedBwd = (residuals, cts) -> {
      int numRes = residuals.size();
      List<Value> ctsIn = BatchedCall.atFront(
          xs -> bwd.apply(xs.subList(0, numRes), xs.subList(numRes, xs.size())),
          axis, Lists.concat(residuals, cts), new int[numRes + cts.size()]);
      List<Value> out = new ArrayList<>(k);
      for (int i = 0; i < k; i++) {
        Value ct = ctsIn.get(i);
        Value arg = args.get(numConsts + i);
        out.add(Zero.is(ct) ? Zero.of(arg.aval())
            : argDims[i] == BatchRules.NOT_MAPPED ? Lax.reduceSum(ct, 0)
            : Batching.moveBatch(ct, 0, argDims[i], axis.size()));
      }
      return out;
    };
    BatchedBody body = BatchedBody.of(CustomVjpCallPrimitive.callJaxpr(params), args, dims, axis, true);
    List<Value> outs = Bind.bind(CustomVjpCallPrimitive.CUSTOM_VJP_CALL, params
        .with("call_jaxpr", body.jaxpr()).with("fwd", batchedFwd).with("bwd", batchedBwd)
        .with("num_consts", body.consts().size() + numConsts), body.operands(args));
    return new BatchResult(outs, body.outDims());
  }

  private static JvpResult jvp(List<Value> primals, List<Value> tangents, Params params) {
    int numConsts = params.getInt("num_consts");
    ClosedOverTangents.requireZero("custom_vjp", tangents, numConsts);
    int n = primals.size();
    FlatBwd bwd = CustomVjpCallPrimitive.bwd(params);
    FlatFwd.Result fwd = CustomVjpCallPrimitive.fwd(params).apply(primals.subList(numConsts, n));
    List<Value> operands = new ArrayList<>(fwd.residuals());
    boolean[] inZeros = new boolean[n - numConsts];
    for (int i = numConsts; i < n; i++) {
      Value t = tangents.get(i);
      inZeros[i - numConsts] = Zero.is(t);
      if (!Zero.is(t)) {
        operands.add(t);
      }
    }
    List<ShapedArray> outAvals = new ArrayList<>();
    fwd.outs().forEach(o -> outAvals.add(Zero.of(o.aval()).aval()));
    List<Value> tangentsOut = Bind.bind(CustomLinPrimitive.CUSTOM_LIN,
        CustomLinPrimitive.params(fwd.residuals().size(), bwd, outAvals, inZeros),
        operands.toArray(new Value[0]));
    return new JvpResult(fwd.outs(), tangentsOut);
  }

  /** JAX's {@code _custom_lin_transpose}: the user's bwd on the residuals and output cotangents. */
  private static List<Value> transposeLin(List<Value> cts, List<Object> args, Params params) {
    int numRes = params.getInt("num_res");
    boolean[] inZeros = (boolean[]) params.get("in_zeros");
    List<Value> residuals = new ArrayList<>();
    for (int i = 0; i < numRes; i++) {
      residuals.add((Value) args.get(i));
    }
    List<Value> ctsIn = ((FlatBwd) params.get("bwd")).apply(residuals, Tangents.instantiate(cts));
    List<Value> out = new ArrayList<>(args.size());
    for (int i = 0; i < numRes; i++) {
      out.add(null);
    }
    for (int i = 0; i < inZeros.length; i++) {
      if (!inZeros[i]) {
        out.add(ctsIn.get(i));
      }
    }
    return out;
  }
}
