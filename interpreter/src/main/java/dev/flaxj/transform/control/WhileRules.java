package dev.flaxj.transform.control;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Params;
import dev.flaxj.transform.batching.AxisData;
import dev.flaxj.transform.batching.BatchResult;
import dev.flaxj.transform.batching.BatchRules;
import dev.flaxj.transform.batching.Batching;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.Jaxpr;
import dev.flaxj.transform.jvp.JvpResult;
import dev.flaxj.transform.jvp.JvpRules;
import dev.flaxj.transform.jvp.Tangents;
import dev.flaxj.transform.partial.JaxprSplit;
import dev.flaxj.transform.partial.PartialEval;
import dev.flaxj.transform.partial.PartialEvalRules;
import dev.flaxj.transform.partial.PartialEvalTrace;
import dev.flaxj.transform.partial.PartialEvalTracer;
import dev.flaxj.transform.partial.TransposeRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The transformation rules of {@code while}, registered into each rule table. */
public final class WhileRules {
  private WhileRules() {}

  public static void registerJvp() {
    JvpRules.register(WhilePrimitive.WHILE, WhileRules::jvp);
  }

  /**
   * JAX's {@code _while_loop_jvp}: the body is differentiated with respect to its nonzero consts
   * and the carries whose tangents can become nonzero (a fixpoint: a carry is nonzero if its
   * initial tangent is, or if the body makes it so); the loop then carries those tangents along.
   * The condition ignores them.
   */
  static JvpResult jvp(List<Value> primals, List<Value> tangents, Params params) {
    WhilePrimitive.Loop loop = WhilePrimitive.Loop.of(params);
    int nc = loop.condNconsts();
    int nb = loop.bodyNconsts();
    int ncarry = primals.size() - nc - nb;
    boolean[] nz = CondRules.nonzeros(tangents);
    boolean[] bconstNz = Lists.slice(nz, nc, nb);
    boolean[] carryNz = Lists.slice(nz, nc + nb, ncarry);
    JaxprTransforms.JvpJaxpr bodyJvp;
    while (true) {
      bodyJvp = JaxprTransforms.jvpJaxpr(loop.bodyJaxpr(), Lists.concat(bconstNz, carryNz), carryNz);
      if (Arrays.equals(bodyJvp.nonzerosOut(), carryNz)) {
        break;
      }
      carryNz = Lists.or(carryNz, bodyJvp.nonzerosOut());
    }
    List<Value> bconstDot = Lists.select(bconstNz, tangents.subList(nc, nc + nb), true);
    List<Value> initDot = Tangents.instantiate(
        Lists.select(carryNz, tangents.subList(nc + nb, primals.size()), true));
    ClosedJaxpr body = JaxprSurgery.rearrange(bodyJvp.jaxpr(), new int[] {nb, ncarry},
        new int[] {bconstDot.size(), initDot.size()}, new int[] {ncarry}, new int[] {initDot.size()});
    List<ShapedArray> dotAvals = new ArrayList<>();
    initDot.forEach(t -> dotAvals.add(t.aval()));
    ClosedJaxpr cond = JaxprSurgery.withUnusedInputs(loop.condJaxpr(), dotAvals);
    WhilePrimitive.Loop jvpLoop = new WhilePrimitive.Loop(cond, nc, body, nb + bconstDot.size());
    List<Value> out = jvpLoop.bind(primals.subList(0, nc),
        Lists.concat(primals.subList(nc, nc + nb), bconstDot),
        Lists.concat(primals.subList(nc + nb, primals.size()), initDot));
    return CondRules.splitTangents(out, ncarry, carryNz);
  }

  public static void registerBatching() {
    BatchRules.register(WhilePrimitive.WHILE, WhileRules::batch);
  }

  /**
   * JAX's {@code _while_loop_batching_rule}: which carries are batched is a fixpoint over the
   * body. If the predicate then depends on the batch, every carry is batched at 0, the condition
   * returns one flag per lane and the loop runs until no lane wants more, keeping finished
   * lanes unchanged (see {@link WhilePrimitive#impl}). Otherwise batched carries sit after the
   * predicate's own dimensions and the loop stays one loop.
   */
  static BatchResult batch(List<Value> args, int[] dims, Params params, AxisData axis) {
    WhilePrimitive.Loop loop = WhilePrimitive.Loop.of(params);
    int nc = loop.condNconsts();
    int nb = loop.bodyNconsts();
    int ncarry = args.size() - nc - nb;
    int[] cconstDims = Arrays.copyOfRange(dims, 0, nc);
    int[] bconstDims = Arrays.copyOfRange(dims, nc, nc + nb);
    int[] initDims = Arrays.copyOfRange(dims, nc + nb, dims.length);
    boolean[] carryBatched = Lists.mapped(initDims);
    while (true) {
      boolean[] out = JaxprTransforms.batchJaxpr(loop.bodyJaxpr(), axis,
          Lists.concat(Lists.mapped(bconstDims), carryBatched), carryBatched).outBatched();
      if (Arrays.equals(out, carryBatched)) {
        break;
      }
      carryBatched = Lists.or(carryBatched, out);
    }
    boolean predBatched = JaxprTransforms.batchJaxpr(loop.condJaxpr(), axis,
        Lists.concat(Lists.mapped(cconstDims), carryBatched), new boolean[1]).outBatched()[0];
    int[] carryDims;
    int predDim;
    if (predBatched) {
      carryDims = new int[ncarry];
      predDim = 0;
    } else {
      int condRank = loop.condJaxpr().outAvals().get(0).rank();
      carryDims = JaxprTransforms.dims(carryBatched, condRank, BatchRules.NOT_MAPPED);
      predDim = BatchRules.NOT_MAPPED;
    }
    ClosedJaxpr body = JaxprTransforms.batchJaxpr(loop.bodyJaxpr(), axis, Lists.concat(bconstDims, carryDims),
        carryDims).jaxpr();
    ClosedJaxpr cond = JaxprTransforms.batchJaxpr(loop.condJaxpr(), axis, Lists.concat(cconstDims, carryDims),
        new int[] {predDim}).jaxpr();
    List<Value> init = new ArrayList<>(ncarry);
    for (int i = 0; i < ncarry; i++) {
      Value x = args.get(nc + nb + i);
      init.add(carryDims[i] == BatchRules.NOT_MAPPED ? x : Batching.moveBatch(x, initDims[i], carryDims[i], axis.size()));
    }
    List<Value> out = new WhilePrimitive.Loop(cond, nc, body, nb)
        .bind(args.subList(0, nc), args.subList(nc, nc + nb), init);
    return new BatchResult(out, carryDims);
  }

  public static void registerPartialEval() {
    PartialEvalRules.register(WhilePrimitive.WHILE, WhileRules::partialEval);
  }

  public static void registerTranspose() {
    TransposeRules.register(WhilePrimitive.WHILE, (cts, args, params) -> {
      throw new IllegalArgumentException("Reverse-mode differentiation does not work for "
          + "lax.while_loop or lax.fori_loop with dynamic start/stop values. Try using lax.scan, "
          + "or using fori_loop with static start/stop.");
    });
  }

  /**
   * JAX's {@code _while_partial_eval}: when the predicate depends on known values only, a loop
   * over the known part of the carry (a fixpoint over the body) computes the known outputs now;
   * the unknown outputs come from the whole loop, staged (nothing is saved per iteration, so
   * reverse mode then fails in the transpose, with JAX's message).
   */
  static List<Value> partialEval(PartialEvalTrace trace, List<PartialEvalTracer> args, Params params) {
    WhilePrimitive.Loop loop = WhilePrimitive.Loop.of(params);
    int nc = loop.condNconsts();
    int nb = loop.bodyNconsts();
    int ncarry = args.size() - nc - nb;
    boolean[] unknown = new boolean[args.size()];
    for (int i = 0; i < unknown.length; i++) {
      unknown[i] = !args.get(i).isKnown();
    }
    boolean[] cconstUk = Lists.slice(unknown, 0, nc);
    boolean[] bconstUk = Lists.slice(unknown, nc, nb);
    boolean[] carryUk = Lists.slice(unknown, nc + nb, ncarry);
    JaxprSplit body;
    while (true) {
      body = PartialEval.partialEvalJaxpr(loop.bodyJaxpr(), Lists.concat(bconstUk, carryUk), carryUk);
      if (Arrays.equals(body.outUnknowns(), carryUk)) {
        break;
      }
      carryUk = Lists.or(carryUk, body.outUnknowns());
    }
    JaxprSplit cond = PartialEval.partialEvalJaxpr(loop.condJaxpr(), Lists.concat(cconstUk, carryUk), null);
    List<ShapedArray> outAvals = loop.bodyJaxpr().outAvals();
    List<PartialEvalTracer> whole = trace.stage(WhilePrimitive.WHILE, args, params, outAvals);
    if (cond.outUnknowns()[0] || !Lists.any(Lists.not(carryUk))) {
      return new ArrayList<>(whole);
    }
    boolean[] known = Lists.not(Lists.concat(cconstUk, bconstUk, carryUk));
    List<Value> knownIns = new ArrayList<>();
    for (int i = 0; i < known.length; i++) {
      if (known[i]) {
        knownIns.add(args.get(i).fullLower());
      }
    }
    int kc = nc - Lists.count(cconstUk);
    int kb = nb - Lists.count(bconstUk);
    WhilePrimitive.Loop knownLoop = new WhilePrimitive.Loop(prefixOutputs(cond.known(), 1), kc,
        prefixOutputs(body.known(), body.numKnownOutputs()), kb);
    List<Value> knownOuts = knownLoop.bind(knownIns.subList(0, kc), knownIns.subList(kc, kc + kb),
        knownIns.subList(kc + kb, knownIns.size()));
    List<Value> outs = new ArrayList<>(ncarry);
    for (int j = 0, k = 0; j < ncarry; j++) {
      outs.add(carryUk[j] ? whole.get(j) : trace.known(knownOuts.get(k++)));
    }
    return outs;
  }

  /** {@code closed} returning only its first {@code n} outputs (the residuals dropped). */
  private static ClosedJaxpr prefixOutputs(ClosedJaxpr closed, int n) {
    Jaxpr j = closed.jaxpr();
    return new ClosedJaxpr(new Jaxpr(j.constvars(), j.invars(), j.eqns(), j.outvars().subList(0, n)),
        closed.consts());
  }
}
