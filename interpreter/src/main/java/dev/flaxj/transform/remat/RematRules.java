package dev.flaxj.transform.remat;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.Params;
import dev.flaxj.transform.batching.BatchResult;
import dev.flaxj.transform.batching.BatchRules;
import dev.flaxj.transform.custom.BatchedBody;
import dev.flaxj.transform.custom.LinearBody;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.EvalJaxpr;
import dev.flaxj.transform.ir.Jaxpr;
import dev.flaxj.transform.jvp.Jvp;
import dev.flaxj.transform.jvp.JvpResult;
import dev.flaxj.transform.jvp.JvpRules;
import dev.flaxj.transform.jvp.Zero;
import dev.flaxj.transform.partial.TransposeRules;
import dev.flaxj.transform.partial.UndefinedPrimal;
import dev.flaxj.transform.staging.Staging;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of {@code remat2} (checkpoint) and {@code name}. JVP and batching: the body
 * transformed, inside a new checkpoint. Transpose: the body's non-linear part re-run on the
 * residuals, then its linear part transposed. Partial evaluation, where the policy acts, is
 * {@link RematPartialEval}. {@code name} is the identity under every transformation.
 */
public final class RematRules {
  private RematRules() {}

  public static void registerJvp() {
    JvpRules.register(RematPrimitive.REMAT, RematRules::jvp);
    JvpRules.register(NamePrimitive.NAME, (primals, tangents, params) -> new JvpResult(
        Bind.bind(NamePrimitive.NAME, params, primals.get(0)), tangents));
  }

  public static void registerBatching() {
    BatchRules.register(RematPrimitive.REMAT, (args, dims, params, axis) -> {
      BatchedBody b = BatchedBody.of(RematPrimitive.body(params), args, dims, axis, false);
      return new BatchResult(Bind.bind(RematPrimitive.REMAT, params.with("jaxpr", b.jaxpr()),
          b.operands(args)), b.outDims());
    });
    BatchRules.register(NamePrimitive.NAME, (args, dims, params, axis) ->
        new BatchResult(Bind.bind(NamePrimitive.NAME, params, args.get(0)), dims));
  }

  public static void registerTranspose() {
    TransposeRules.register(RematPrimitive.REMAT, RematRules::transpose);
  }

  private static JvpResult jvp(List<Value> primals, List<Value> tangents, Params params) {
    Jaxpr body = RematPrimitive.body(params);
    int n = primals.size();
    List<ShapedArray> inAvals = new ArrayList<>();
    List<Value> operands = new ArrayList<>(primals);
    primals.forEach(p -> inAvals.add(p.aval()));
    for (Value t : tangents) {
      if (!Zero.is(t)) {
        inAvals.add(t.aval());
        operands.add(t);
      }
    }
    boolean[] outNonzero = new boolean[body.outvars().size()];
    ClosedJaxpr jvpBody = Staging.traceToJaxpr(ins -> {
      List<Value> ts = new ArrayList<>(n);
      int next = n;
      for (int i = 0; i < n; i++) {
        ts.add(Zero.is(tangents.get(i)) ? tangents.get(i) : ins.get(next++));
      }
      JvpResult r = Jvp.jvpFlat(ins.subList(0, n), ts, args -> EvalJaxpr.eval(body, List.of(), args));
      List<Value> outs = new ArrayList<>(r.primalsOut());
      for (int i = 0; i < outNonzero.length; i++) {
        Value t = r.tangentsOut().get(i);
        outNonzero[i] = !Zero.is(t);
        if (outNonzero[i]) {
          outs.add(t);
        }
      }
      return outs;
    }, inAvals);
    List<Value> outs = bindStaged(jvpBody, operands, params);
    List<Value> primalsOut = new ArrayList<>(outs.subList(0, outNonzero.length));
    List<Value> tangentsOut = new ArrayList<>();
    int next = outNonzero.length;
    for (int i = 0; i < outNonzero.length; i++) {
      tangentsOut.add(outNonzero[i] ? outs.get(next++) : Zero.of(primalsOut.get(i).aval()));
    }
    return new JvpResult(primalsOut, tangentsOut);
  }

  /**
   * JAX's {@code remat_transpose}: the body's non-linear part re-run on the known inputs and its
   * linear part transposed ({@link LinearBody}), staged into a new checkpoint of the known inputs
   * and nonzero output cotangents.
   */
  private static List<Value> transpose(List<Value> cts, List<Object> args, Params params) {
    Jaxpr body = RematPrimitive.body(params);
    List<ShapedArray> inAvals = new ArrayList<>();
    List<Value> operands = new ArrayList<>();
    for (Object a : args) {
      if (a instanceof Value v) {
        inAvals.add(v.aval());
        operands.add(v);
      }
    }
    int numKnown = operands.size();
    for (Value ct : cts) {
      if (!Zero.is(ct)) {
        inAvals.add(ct.aval());
        operands.add(ct);
      }
    }
    boolean[] ctZero = new boolean[args.size()];
    ClosedJaxpr transposed = Staging.traceToJaxpr(ins -> {
      List<Object> primals = new ArrayList<>(args.size());
      int next = 0;
      for (Object a : args) {
        primals.add(a instanceof Value ? ins.get(next++) : a);
      }
      List<Value> outCts = new ArrayList<>(cts.size());
      next = numKnown;
      for (Value ct : cts) {
        outCts.add(Zero.is(ct) ? ct : ins.get(next++));
      }
      List<Value> inCts = LinearBody.transpose(body, primals, outCts);
      List<Value> nonzero = new ArrayList<>();
      for (int i = 0; i < inCts.size(); i++) {
        Value ct = inCts.get(i);
        ctZero[i] = ct == null || Zero.is(ct);
        if (!ctZero[i]) {
          nonzero.add(ct);
        }
      }
      return nonzero;
    }, inAvals);
    List<Value> outs = bindStaged(transposed, operands, params);
    List<Value> result = new ArrayList<>(args.size());
    int next = 0;
    for (int i = 0; i < args.size(); i++) {
      Object a = args.get(i);
      if (a instanceof UndefinedPrimal u) {
        result.add(ctZero[i] ? Zero.of(u.aval()) : outs.get(next++));
      } else {
        result.add(null);
      }
    }
    return result;
  }

  /** A new checkpoint of {@code body}; the values it closes over become leading operands. */
  private static List<Value> bindStaged(ClosedJaxpr body, List<Value> operands, Params params) {
    List<Value> all = new ArrayList<>(body.consts());
    all.addAll(operands);
    return Bind.bind(RematPrimitive.REMAT, params.with("jaxpr", Staging.constsAsInputs(body).jaxpr()),
        all.toArray(new Value[0]));
  }
}
