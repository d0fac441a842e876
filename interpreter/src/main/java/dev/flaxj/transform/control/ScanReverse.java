package dev.flaxj.transform.control;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Params;
import dev.flaxj.transform.ir.Atom;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.EvalJaxpr;
import dev.flaxj.transform.ir.Jaxpr;
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
import java.util.Arrays;
import java.util.List;

/**
 * Reverse mode of {@code scan}, as JAX: partial evaluation runs the known part of every iteration
 * now in one scan that also stacks the residuals each iteration produces, and stages the unknown
 * (linear) part as a scan over those residuals; the transpose of that linear scan is a scan in
 * the opposite direction that carries the cotangents of the carry and accumulates those of the
 * consts.
 */
public final class ScanReverse {
  private ScanReverse() {}

  public static void registerPartialEval() {
    PartialEvalRules.register(ScanPrimitive.SCAN, ScanReverse::partialEval);
  }

  public static void registerTranspose() {
    TransposeRules.register(ScanPrimitive.SCAN, ScanReverse::transpose);
  }

  /**
   * JAX's {@code _scan_partial_eval}: which carries are unknown is a fixpoint over the body; the
   * body is split accordingly. Residuals that depend on known consts only are computed once and
   * become consts of the unknown scan; the others are outputs of the known scan, stacked, and
   * sequences of the unknown one.
   */
  static List<Value> partialEval(PartialEvalTrace trace, List<PartialEvalTracer> args, Params params) {
    ScanPrimitive.Loop loop = ScanPrimitive.Loop.of(params);
    int nc = loop.numConsts();
    int ncarry = loop.numCarry();
    int nys = loop.numYs();
    boolean[] unknown = new boolean[args.size()];
    for (int i = 0; i < unknown.length; i++) {
      unknown[i] = !args.get(i).isKnown();
    }
    boolean[] constUk = Lists.slice(unknown, 0, nc);
    boolean[] carryUk = Lists.slice(unknown, nc, ncarry);
    boolean[] xsUk = Lists.slice(unknown, nc + ncarry, loop.numXs());
    JaxprSplit split;
    while (true) {
      split = PartialEval.partialEvalJaxpr(loop.jaxpr(), Lists.concat(constUk, carryUk, xsUk),
          Lists.concat(carryUk, new boolean[nys]));
      boolean[] carryOut = Lists.slice(split.outUnknowns(), 0, ncarry);
      if (Arrays.equals(carryOut, carryUk)) {
        break;
      }
      carryUk = Lists.or(carryUk, carryOut);
    }
    unknown = Lists.concat(constUk, carryUk, xsUk);
    List<Value> knownIns = new ArrayList<>();
    List<PartialEvalTracer> unknownIns = new ArrayList<>();
    for (int i = 0; i < unknown.length; i++) {
      if (unknown[i]) {
        unknownIns.add(args.get(i));
      } else {
        knownIns.add(args.get(i).fullLower());
      }
    }
    int knownConsts = nc - Lists.count(constUk);
    int knownCarry = ncarry - Lists.count(carryUk);
    int numKnownOut = split.numKnownOutputs();
    int numRes = split.residuals().size();

    // Residuals computed from known consts alone are hoisted out of the loop (JAX's
    // _scan_known_hoisting): computed once here and passed to the unknown scan as consts.
    List<Value> knownConstVals = knownIns.subList(0, knownConsts);
    JaxprSplit hoist = PartialEval.partialEvalJaxpr(split.known(),
        Lists.concat(new boolean[knownConsts], Lists.filled(knownIns.size() - knownConsts, true)),
        Lists.concat(Lists.filled(numKnownOut, true), new boolean[numRes]));
    boolean[] hoisted = Lists.not(Lists.slice(hoist.outUnknowns(), numKnownOut, numRes));
    List<Value> hoistOuts = EvalJaxpr.eval(hoist.known(), knownConstVals);
    int numHoisted = Lists.count(hoisted);
    List<Value> loopConsts = hoistOuts.subList(numHoisted, hoistOuts.size());

    // The known loop returns the known outputs and stacks the other residuals, except those that
    // are a known sequence's items: that sequence is passed on as it is.
    Jaxpr body = hoist.unknown().jaxpr();
    List<Value> knownXs = knownIns.subList(knownConsts + knownCarry, knownIns.size());
    int xsFrom = loopConsts.size() + knownCarry;
    List<Atom> outvars = new ArrayList<>(body.outvars().subList(0, numKnownOut));
    int[] forwardedXs = new int[numRes];
    for (int r = 0, k = numKnownOut; r < numRes; r++) {
      forwardedXs[r] = -1;
      if (!hoisted[r]) {
        Atom out = body.outvars().get(k++);
        int input = indexOf(body.invars(), out);
        if (input >= xsFrom) {
          forwardedXs[r] = input - xsFrom;
        } else {
          outvars.add(out);
        }
      }
    }
    ClosedJaxpr knownBody = new ClosedJaxpr(new Jaxpr(body.constvars(), body.invars(), body.eqns(), outvars),
        hoist.unknown().consts());
    List<Value> knownOuts = loop.with(knownBody, loopConsts.size(), knownCarry).bind(loopConsts,
        knownIns.subList(knownConsts, knownConsts + knownCarry), knownXs);

    // The unknown scan: [hoisted residuals, unknown consts, unknown carry, unknown xs, other residuals].
    int[] order = new int[numRes + unknownIns.size()];
    List<PartialEvalTracer> stagedIns = new ArrayList<>();
    int k = 0;
    for (int r = 0, h = 0; r < numRes; r++) {
      if (hoisted[r]) {
        order[k++] = r;
        stagedIns.add(trace.known(hoistOuts.get(h++)));
      }
    }
    for (int i = 0; i < unknownIns.size(); i++) {
      order[k++] = numRes + i;
    }
    stagedIns.addAll(unknownIns);
    for (int r = 0, st = numKnownOut; r < numRes; r++) {
      if (!hoisted[r]) {
        order[k++] = r;
        stagedIns.add(trace.known(forwardedXs[r] >= 0 ? knownXs.get(forwardedXs[r]) : knownOuts.get(st++)));
      }
    }
    ClosedJaxpr unknownBody = JaxprSurgery.permuteInputs(split.unknown(), order);
    ScanPrimitive.Loop unknownLoop = loop.with(unknownBody, numHoisted + Lists.count(constUk),
        Lists.count(carryUk));
    List<ShapedArray> outAvals = new ArrayList<>();
    List<ShapedArray> bodyOut = unknownBody.outAvals();
    for (int j = 0; j < bodyOut.size(); j++) {
      outAvals.add(j < unknownLoop.numCarry() ? bodyOut.get(j) : ScanPrimitive.stacked(loop.length(), bodyOut.get(j)));
    }
    List<PartialEvalTracer> unknownOuts = trace.stage(ScanPrimitive.SCAN, stagedIns, unknownLoop.params(), outAvals);
    boolean[] outUk = split.outUnknowns();
    List<Value> outs = new ArrayList<>(outUk.length);
    for (int j = 0, kn = 0, u = 0; j < outUk.length; j++) {
      outs.add(outUk[j] ? unknownOuts.get(u++) : trace.known(knownOuts.get(kn++)));
    }
    return outs;
  }

  private static int indexOf(List<?> xs, Object x) {
    for (int i = 0; i < xs.size(); i++) {
      if (xs.get(i) == x) {
        return i;
      }
    }
    return -1;
  }

  /**
   * JAX's {@code _scan_transpose}. Known consts and sequences are residuals; the transposed scan
   * runs in the other direction with the known consts as its consts, carries the cotangents of
   * the linear consts (accumulated) and of the carry, and scans over the output cotangents and
   * the known sequences, producing the cotangents of the linear sequences. Every carry is treated
   * as linear (a known initial carry gets no cotangent).
   */
  static List<Value> transpose(List<Value> cts, List<Object> args, Params params) {
    ScanPrimitive.Loop loop = ScanPrimitive.Loop.of(params);
    int nc = loop.numConsts();
    int ncarry = loop.numCarry();
    int nys = loop.numYs();
    List<ShapedArray> bodyIn = loop.jaxpr().inAvals();
    List<ShapedArray> bodyOut = loop.jaxpr().outAvals();
    boolean[] linear = new boolean[args.size()];
    for (int i = 0; i < linear.length; i++) {
      linear[i] = args.get(i) instanceof UndefinedPrimal || (i >= nc && i < nc + ncarry);
    }
    boolean[] constLin = Lists.slice(linear, 0, nc);
    boolean[] xsLin = Lists.slice(linear, nc + ncarry, loop.numXs());
    List<Value> ires = Lists.select(constLin, values(args.subList(0, nc)), false);
    List<Value> eres = Lists.select(xsLin, values(args.subList(nc + ncarry, args.size())), false);
    List<Value> ctConsts = new ArrayList<>();
    for (int i = 0; i < nc; i++) {
      if (constLin[i]) {
        ctConsts.add(Tangents.instantiate(Zero.of(bodyIn.get(i))));
      }
    }
    List<Value> ctCarry = Tangents.instantiate(cts.subList(0, ncarry));
    boolean[] ysNz = CondRules.nonzeros(cts.subList(ncarry, cts.size()));
    List<Value> ctYs = Lists.select(ysNz, cts.subList(ncarry, cts.size()), true);
    int nd = ctConsts.size();

    List<ShapedArray> avals = new ArrayList<>(Leaves.avals(ires));
    avals.addAll(Leaves.avals(ctConsts));
    avals.addAll(Leaves.avals(ctCarry));
    ctYs.forEach(y -> avals.add(ScanPrimitive.unstacked(y.aval())));
    eres.forEach(x -> avals.add(ScanPrimitive.unstacked(x.aval())));
    ClosedJaxpr body = Staging.traceToJaxpr(ins -> {
      int at = 0;
      List<Value> iresIn = ins.subList(at, at += ires.size());
      List<Value> dIn = ins.subList(at, at += nd);
      List<Value> cIn = ins.subList(at, at += ncarry);
      List<Value> yIn = ins.subList(at, at += ctYs.size());
      List<Value> eresIn = ins.subList(at, ins.size());
      List<Object> primals = new ArrayList<>(linear.length);
      for (int i = 0, ki = 0, ke = 0; i < linear.length; i++) {
        boolean isXs = i >= nc + ncarry;
        primals.add(linear[i] ? new UndefinedPrimal(bodyIn.get(i)) : isXs ? eresIn.get(ke++) : iresIn.get(ki++));
      }
      List<Value> outCts = new ArrayList<>(cIn);
      for (int j = 0, ky = 0; j < nys; j++) {
        outCts.add(ysNz[j] ? yIn.get(ky++) : Zero.of(bodyOut.get(ncarry + j)));
      }
      List<Value> inCts = BackwardPass.transpose(loop.jaxpr(), primals, outCts);
      List<Value> out = new ArrayList<>();
      for (int i = 0, kd = 0; i < nc; i++) {
        if (constLin[i]) {
          out.add(Tangents.instantiate(Tangents.add(dIn.get(kd++), inCts.get(i))));
        }
      }
      out.addAll(Tangents.instantiate(inCts.subList(nc, nc + ncarry)));
      out.addAll(Tangents.instantiate(Lists.select(xsLin, inCts.subList(nc + ncarry, inCts.size()), true)));
      return out;
    }, avals);
    ScanPrimitive.Loop transposed = new ScanPrimitive.Loop(body, loop.length(), !loop.reverse(),
        ires.size(), nd + ncarry, loop.unroll());
    List<Value> out = transposed.bind(ires, Lists.concat(ctConsts, ctCarry), Lists.concat(ctYs, eres));
    List<Value> result = new ArrayList<>(args.size());
    for (int i = 0, kd = 0, kx = nd + ncarry; i < args.size(); i++) {
      boolean undefined = args.get(i) instanceof UndefinedPrimal;
      if (i < nc) {
        result.add(constLin[i] ? out.get(kd++) : null);
      } else if (i < nc + ncarry) {
        result.add(undefined ? out.get(nd + i - nc) : null);
      } else {
        result.add(undefined ? out.get(kx++) : null);
      }
    }
    return result;
  }

  /** The known arguments as values (null for linear ones), position for position. */
  private static List<Value> values(List<Object> args) {
    List<Value> out = new ArrayList<>(args.size());
    for (Object a : args) {
      out.add(a instanceof Value ? (Value) a : null);
    }
    return out;
  }
}
