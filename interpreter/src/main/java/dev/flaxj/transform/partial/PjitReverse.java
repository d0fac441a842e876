package dev.flaxj.transform.partial;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Params;
import dev.flaxj.transform.ir.Atom;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.Jaxpr;
import dev.flaxj.transform.jvp.Tangents;
import dev.flaxj.transform.jvp.Zero;
import dev.flaxj.transform.staging.Pjit;
import dev.flaxj.transform.staging.Staging;
import java.util.ArrayList;
import java.util.List;

/**
 * Reverse mode of {@code jit}. Partial evaluation (JAX's {@code _pjit_partial_eval}) unzips the
 * jaxpr: the known part runs now as a {@code jit} of its own, returning the known outputs and the
 * residuals (except residuals that are just known inputs, which are forwarded), and the unknown
 * part is staged as a {@code jit} taking the residuals and the unknown inputs. The transpose (JAX's {@code _pjit_transpose}) stages the backward pass of the jaxpr into
 * a new {@code jit} of the same name (as JAX 0.10.2 names it), so jitted code stays jitted under
 * {@code grad}.
 */
final class PjitReverse {
  private PjitReverse() {}

  static void registerPartialEval() {
    PartialEvalRules.register(Pjit.PJIT, PjitReverse::partialEval);
  }

  static void registerTranspose() {
    TransposeRules.register(Pjit.PJIT, PjitReverse::transpose);
  }

  private static List<Value> partialEval(PartialEvalTrace trace, List<PartialEvalTracer> args,
      Params params) {
    String name = Pjit.name(params);
    boolean[] unknowns = new boolean[args.size()];
    List<Value> knownIns = new ArrayList<>();
    List<PartialEvalTracer> unknownIns = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      PartialEvalTracer t = args.get(i);
      unknowns[i] = !t.isKnown();
      if (t.isKnown()) {
        knownIns.add(t.fullLower());
      } else {
        unknownIns.add(t);
      }
    }
    JaxprSplit split = PartialEval.partialEvalJaxpr(Pjit.jaxpr(params), unknowns, null);
    int numKnown = split.numKnownOutputs();
    // residuals that are known inputs passed straight through are taken from the inputs
    Jaxpr known = split.known().jaxpr();
    List<Atom> computed = new ArrayList<>();
    int[] forwarded = new int[known.outvars().size()];
    for (int i = 0; i < forwarded.length; i++) {
      Atom a = known.outvars().get(i);
      forwarded[i] = i < numKnown ? -1 : known.invars().indexOf(a);
      if (forwarded[i] < 0) {
        computed.add(a);
      }
    }
    ClosedJaxpr knownPart = new ClosedJaxpr(new Jaxpr(known.constvars(), known.invars(),
        known.eqns(), computed), split.known().consts());
    List<Value> knownOuts = Pjit.call(knownPart, name, knownIns);
    List<PartialEvalTracer> stagedIns = new ArrayList<>();
    for (int i = numKnown, k = numKnown; i < forwarded.length; i++) {
      stagedIns.add(trace.known(forwarded[i] >= 0 ? knownIns.get(forwarded[i]) : knownOuts.get(k++)));
    }
    stagedIns.addAll(unknownIns);
    ClosedJaxpr unknown = split.unknown();
    List<PartialEvalTracer> unknownOuts = trace.stage(Pjit.PJIT, stagedIns,
        Pjit.params(unknown, name), unknown.outAvals());
    boolean[] outUnknowns = split.outUnknowns();
    List<Value> outs = new ArrayList<>(outUnknowns.length);
    for (int i = 0, k = 0, u = 0; i < outUnknowns.length; i++) {
      outs.add(outUnknowns[i] ? unknownOuts.get(u++) : trace.known(knownOuts.get(k++)));
    }
    return outs;
  }

  /**
   * Operands of the transposed {@code jit}: the known arguments, then the cotangents that are not
   * symbolic zeros; it returns the (instantiated) cotangents of the linear arguments.
   */
  private static List<Value> transpose(List<Value> cts, List<Object> args, Params params) {
    ClosedJaxpr jaxpr = Pjit.jaxpr(params);
    List<Value> operands = new ArrayList<>();
    List<ShapedArray> avals = new ArrayList<>();
    for (Object a : args) {
      if (!LinearArgs.isLinear(a)) {
        operands.add((Value) a);
        avals.add(((Value) a).aval());
      }
    }
    int numKnown = operands.size();
    for (Value ct : cts) {
      if (!Zero.is(ct)) {
        operands.add(ct);
        avals.add(ct.aval());
      }
    }
    ClosedJaxpr backward = Staging.traceToJaxpr(ins -> {
      List<Object> primals = new ArrayList<>(args.size());
      int k = 0;
      for (Object a : args) {
        primals.add(LinearArgs.isLinear(a) ? a : ins.get(k++));
      }
      List<Value> outCts = new ArrayList<>(cts.size());
      for (Value ct : cts) {
        outCts.add(Zero.is(ct) ? ct : ins.get(k++));
      }
      List<Value> inCts = BackwardPass.transpose(jaxpr, primals, outCts);
      List<Value> outs = new ArrayList<>();
      for (int i = 0; i < args.size(); i++) {
        if (LinearArgs.isLinear(args.get(i))) {
          outs.add(Tangents.instantiate(inCts.get(i)));
        }
      }
      return outs;
    }, avals);
    List<Value> outs = Pjit.call(backward, Pjit.name(params), operands);
    Value[] result = LinearArgs.none(args.size());
    for (int i = 0, k = 0; i < args.size(); i++) {
      if (LinearArgs.isLinear(args.get(i))) {
        result[i] = outs.get(k++);
      }
    }
    return LinearArgs.list(result);
  }
}
