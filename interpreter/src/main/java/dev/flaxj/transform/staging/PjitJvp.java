package dev.flaxj.transform.staging;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Params;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.EvalJaxpr;
import dev.flaxj.transform.jvp.Jvp;
import dev.flaxj.transform.jvp.JvpResult;
import dev.flaxj.transform.jvp.JvpRules;
import dev.flaxj.transform.jvp.Zero;
import java.util.ArrayList;
import java.util.List;

/**
 * Forward mode of {@code jit} (JAX's {@code _pjit_jvp}): the JVP of the jaxpr, taking the primals
 * and the tangents that are not symbolic zeros, is staged into a new {@code jit} of the same name.
 * Output tangents that the JVP leaves as symbolic zeros are not computed by it; they come back as
 * {@link Zero}s.
 */
public final class PjitJvp {
  private PjitJvp() {}

  /** Registers the rule; called from {@link JvpRules}' table. */
  public static void register() {
    JvpRules.register(Pjit.PJIT, PjitJvp::jvp);
  }

  private static JvpResult jvp(List<Value> primals, List<Value> tangents, Params params) {
    ClosedJaxpr jaxpr = Pjit.jaxpr(params);
    int n = primals.size();
    List<Value> operands = new ArrayList<>(primals);
    List<ShapedArray> inAvals = new ArrayList<>();
    primals.forEach(p -> inAvals.add(p.aval()));
    for (Value t : tangents) {
      if (!Zero.is(t)) {
        operands.add(t);
        inAvals.add(t.aval());
      }
    }
    List<Boolean> nonzeroOut = new ArrayList<>();
    ClosedJaxpr jvpJaxpr = Staging.traceToJaxpr(ins -> {
      List<Value> ts = new ArrayList<>(n);
      int next = n;
      for (int i = 0; i < n; i++) {
        ts.add(Zero.is(tangents.get(i)) ? tangents.get(i) : ins.get(next++));
      }
      JvpResult r = Jvp.jvpFlat(ins.subList(0, n), ts, args -> EvalJaxpr.eval(jaxpr, args));
      List<Value> outs = new ArrayList<>(r.primalsOut());
      for (Value t : r.tangentsOut()) {
        nonzeroOut.add(!Zero.is(t));
        if (!Zero.is(t)) {
          outs.add(t);
        }
      }
      return outs;
    }, inAvals);
    List<Value> outs = Pjit.call(jvpJaxpr, Pjit.name(params), operands);
    int nOut = nonzeroOut.size();
    List<Value> tangentsOut = new ArrayList<>(nOut);
    int next = nOut;
    for (int i = 0; i < nOut; i++) {
      tangentsOut.add(nonzeroOut.get(i) ? outs.get(next++) : Zero.of(outs.get(i).aval()));
    }
    return new JvpResult(new ArrayList<>(outs.subList(0, nOut)), tangentsOut);
  }
}
