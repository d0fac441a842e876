package dev.flaxj.transform.remat;

import dev.flaxj.transform.ir.Atom;
import dev.flaxj.transform.ir.Jaxpr;
import dev.flaxj.transform.ir.JaxprEqn;
import dev.flaxj.transform.ir.Var;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Dead-code elimination of a jaxpr (JAX's {@code pe.dce_jaxpr}): keeps the wanted outputs, the
 * equations they need and the inputs those use. Equations are kept or dropped whole, except
 * nested checkpoints, which are pruned too.
 */
final class JaxprDce {
  private JaxprDce() {}

  /** The pruned jaxpr and, per original input, whether it is still an input. */
  record Result(Jaxpr jaxpr, boolean[] usedInputs) {}

  static Result dce(Jaxpr jaxpr, boolean[] usedOutputs) {
    Set<Var> live = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Atom> outvars = new ArrayList<>();
    for (int i = 0; i < usedOutputs.length; i++) {
      if (usedOutputs[i]) {
        Atom a = jaxpr.outvars().get(i);
        outvars.add(a);
        markLive(live, a);
      }
    }
    Deque<JaxprEqn> kept = new ArrayDeque<>();
    List<JaxprEqn> eqns = jaxpr.eqns();
    for (int i = eqns.size() - 1; i >= 0; i--) {
      JaxprEqn eqn = eqns.get(i);
      if (eqn.outvars().stream().anyMatch(live::contains)) {
        JaxprEqn pruned = eqn.primitive() == RematPrimitive.REMAT ? pruneRemat(eqn, live) : eqn;
        kept.addFirst(pruned);
        pruned.inputs().forEach(a -> markLive(live, a));
      }
    }
    boolean[] usedInputs = new boolean[jaxpr.invars().size()];
    List<Var> invars = new ArrayList<>();
    for (int i = 0; i < usedInputs.length; i++) {
      Var v = jaxpr.invars().get(i);
      usedInputs[i] = live.contains(v);
      if (usedInputs[i]) {
        invars.add(v);
      }
    }
    return new Result(new Jaxpr(jaxpr.constvars(), invars, new ArrayList<>(kept), outvars), usedInputs);
  }

  /** A checkpoint keeps only its used outputs, and the body only what they need (JAX's remat_dce). */
  private static JaxprEqn pruneRemat(JaxprEqn eqn, Set<Var> live) {
    boolean[] used = new boolean[eqn.outvars().size()];
    List<Var> outvars = new ArrayList<>();
    for (int i = 0; i < used.length; i++) {
      used[i] = live.contains(eqn.outvars().get(i));
      if (used[i]) {
        outvars.add(eqn.outvars().get(i));
      }
    }
    Result body = dce(RematPrimitive.body(eqn.params()), used);
    List<Atom> inputs = new ArrayList<>();
    for (int i = 0; i < eqn.inputs().size(); i++) {
      if (body.usedInputs()[i]) {
        inputs.add(eqn.inputs().get(i));
      }
    }
    return new JaxprEqn(eqn.primitive(), eqn.params().with("jaxpr", body.jaxpr()), inputs, outvars);
  }

  private static void markLive(Set<Var> live, Atom a) {
    if (a instanceof Var) {
      live.add((Var) a);
    }
  }
}
