package dev.flaxj.transform.partial;

import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.transform.ir.Atom;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.Jaxpr;
import dev.flaxj.transform.ir.JaxprEqn;
import dev.flaxj.transform.ir.Literal;
import dev.flaxj.transform.ir.Var;
import dev.flaxj.transform.jvp.Tangents;
import dev.flaxj.transform.jvp.Zero;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Transposes a program that is linear in some of its inputs (JAX's {@code backward_pass}):
 * equations on known values only are evaluated forward; the others, linear in the unknown
 * inputs, are walked in reverse, each turning the cotangents of its outputs into cotangents of
 * its linear inputs by its {@link TransposeRule}. Cotangents meeting at a variable add up;
 * symbolic zeros cost nothing.
 */
public final class BackwardPass {
  private BackwardPass() {}

  /**
   * Cotangents of the inputs of {@code closed} given cotangents of its outputs. {@code args}
   * holds, per input, a known {@link Value} or an {@link UndefinedPrimal} (a linear input). The
   * result has one entry per input: the cotangent (possibly a {@link Zero}) of each linear one,
   * null for known ones.
   */
  public static List<Value> transpose(ClosedJaxpr closed, List<?> args, List<? extends Value> cts) {
    Jaxpr jaxpr = closed.jaxpr();
    if (args.size() != jaxpr.invars().size() || cts.size() != jaxpr.outvars().size()) {
      throw new IllegalArgumentException("backward pass: the program takes "
          + jaxpr.invars().size() + " inputs and has " + jaxpr.outvars().size()
          + " outputs, got " + args.size() + " inputs and " + cts.size() + " cotangents");
    }
    Map<Var, Value> primals = new IdentityHashMap<>();
    for (int i = 0; i < jaxpr.constvars().size(); i++) {
      primals.put(jaxpr.constvars().get(i), closed.consts().get(i));
    }
    for (int i = 0; i < args.size(); i++) {
      Object a = args.get(i);
      if (!(a instanceof UndefinedPrimal)) {
        primals.put(jaxpr.invars().get(i), (Value) a);
      }
    }
    List<JaxprEqn> linear = forward(jaxpr, primals);
    Map<Var, Value> ctEnv = new IdentityHashMap<>();
    for (int i = 0; i < cts.size(); i++) {
      accumulate(ctEnv, jaxpr.outvars().get(i), cts.get(i));
    }
    for (int k = linear.size() - 1; k >= 0; k--) {
      JaxprEqn eqn = linear.get(k);
      List<Value> ctsOut = new ArrayList<>(eqn.outvars().size());
      boolean allZero = true;
      for (Var v : eqn.outvars()) {
        Value ct = ctEnv.remove(v);
        ctsOut.add(ct == null ? Zero.of(v.aval()) : ct);
        allZero &= ct == null || ct instanceof Zero;
      }
      if (allZero) {
        continue;
      }
      List<Object> in = new ArrayList<>(eqn.inputs().size());
      for (Atom a : eqn.inputs()) {
        in.add(read(primals, a));
      }
      List<Value> ctsIn = TransposeRules.get(eqn.primitive()).apply(ctsOut, in, eqn.params());
      for (int i = 0; i < ctsIn.size(); i++) {
        if (ctsIn.get(i) != null && in.get(i) instanceof UndefinedPrimal) {
          accumulate(ctEnv, eqn.inputs().get(i), ctsIn.get(i));
        }
      }
    }
    List<Value> result = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      Var v = jaxpr.invars().get(i);
      Value ct = ctEnv.get(v);
      result.add(args.get(i) instanceof UndefinedPrimal ? (ct == null ? Zero.of(v.aval()) : ct) : null);
    }
    return result;
  }

  /** Evaluates the equations on known values; returns the others (the linear ones), in order. */
  private static List<JaxprEqn> forward(Jaxpr jaxpr, Map<Var, Value> primals) {
    List<JaxprEqn> linear = new ArrayList<>();
    for (JaxprEqn eqn : jaxpr.eqns()) {
      Value[] in = new Value[eqn.inputs().size()];
      boolean known = true;
      for (int i = 0; i < in.length && known; i++) {
        Object a = read(primals, eqn.inputs().get(i));
        known = !(a instanceof UndefinedPrimal);
        in[i] = known ? (Value) a : null;
      }
      if (!known) {
        linear.add(eqn);
        continue;
      }
      List<Value> outs = Bind.bind(eqn.primitive(), eqn.params(), in);
      for (int i = 0; i < outs.size(); i++) {
        primals.put(eqn.outvars().get(i), outs.get(i));
      }
    }
    return linear;
  }

  /** A known value, or an {@link UndefinedPrimal} for a linear variable. */
  private static Object read(Map<Var, Value> primals, Atom a) {
    if (a instanceof Literal) {
      return ((Literal) a).value();
    }
    Value v = primals.get(a);
    return v != null ? v : new UndefinedPrimal(a.aval());
  }

  private static void accumulate(Map<Var, Value> ctEnv, Atom a, Value ct) {
    if (a instanceof Var) {
      ctEnv.merge((Var) a, ct, Tangents::add);
    }
  }
}
