package dev.flaxj.transform.remat;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.lax.Params;
import dev.flaxj.transform.ir.Atom;
import dev.flaxj.transform.ir.Jaxpr;
import dev.flaxj.transform.ir.JaxprEqn;
import dev.flaxj.transform.ir.Literal;
import dev.flaxj.transform.ir.Var;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Policy-driven partial evaluation of a jaxpr (JAX's {@code pe.partial_eval_jaxpr_custom}):
 * splits it into a known jaxpr, which computes the known outputs and the residuals, and a staged
 * jaxpr, which computes the rest from the residuals and the instantiated inputs. A known
 * equation whose outputs the policy may save contributes residuals; any other known equation
 * the staged side needs is copied into it, that is, recomputed. Higher-order primitives with a
 * {@link PartialEvalCustomRule} are split by their rule; nested checkpoints with unknown inputs
 * are split here, with the same policy.
 */
public final class PolicyPartialEval {
  private PolicyPartialEval() {}

  /**
   * The split. {@code known}: known inputs to known outputs followed by the residuals.
   * {@code staged}: the residuals followed by the instantiated inputs, to the instantiated
   * outputs. Per original output, whether it is unknown and whether the staged side has it.
   * Both keep the constvars of the jaxpr that was split (known to both sides).
   */
  public record Split(Jaxpr known, Jaxpr staged, boolean[] outUnknowns, boolean[] outInstantiated,
      int numResiduals) {}

  /** Where a value is available: known and saved, known and available to the staged side, unknown. */
  private enum Status {
    SAVED(false, false), RECOMPUTED(false, true), UNKNOWN(true, true);

    final boolean unknown;
    final boolean instantiated;

    Status(boolean unknown, boolean instantiated) {
      this.unknown = unknown;
      this.instantiated = instantiated;
    }

    static Status of(boolean unknown, boolean instantiated) {
      return unknown ? UNKNOWN : instantiated ? RECOMPUTED : SAVED;
    }
  }

  static Split split(Jaxpr jaxpr, boolean[] inUnknowns, boolean[] inInstantiated, CheckpointPolicy policy) {
    int n = jaxpr.outvars().size();
    return split(jaxpr, inUnknowns, inInstantiated, new boolean[n], new boolean[n], policy);
  }

  /**
   * JAX's {@code pe.partial_eval_jaxpr_custom}, also for the rules of higher-order primitives:
   * outputs flagged in {@code ensureOutUnknowns} are unknown (only the staged side computes
   * them) and those in {@code ensureOutInstantiated} are available to the staged side, even when
   * they could be known or saved.
   */
  public static Split split(Jaxpr jaxpr, boolean[] inUnknowns, boolean[] inInstantiated,
      boolean[] ensureOutUnknowns, boolean[] ensureOutInstantiated, CheckpointPolicy policy) {
    return new Splitter(policy).run(jaxpr, inUnknowns, inInstantiated, ensureOutUnknowns,
        ensureOutInstantiated);
  }

  private static final class Splitter {
    private final CheckpointPolicy policy;
    private final Map<Var, Status> env = new IdentityHashMap<>();
    private final Set<Var> residuals = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Var> residualOrder = new ArrayList<>();
    private final List<JaxprEqn> knownEqns = new ArrayList<>();
    private final List<JaxprEqn> stagedEqns = new ArrayList<>();

    Splitter(CheckpointPolicy policy) {
      this.policy = policy;
    }

    Split run(Jaxpr jaxpr, boolean[] inUnknowns, boolean[] inInstantiated,
        boolean[] ensureOutUnknowns, boolean[] ensureOutInstantiated) {
      List<Var> invars = jaxpr.invars();
      for (int i = 0; i < invars.size(); i++) {
        env.put(invars.get(i), Status.of(inUnknowns[i], inInstantiated[i]));
      }
      jaxpr.constvars().forEach(v -> env.put(v, Status.RECOMPUTED));
      for (JaxprEqn eqn : jaxpr.eqns()) {
        List<Status> in = new ArrayList<>();
        eqn.inputs().forEach(a -> in.add(read(a)));
        boolean anyUnknown = in.stream().anyMatch(s -> s.unknown);
        PartialEvalCustomRule rule = PartialEvalCustomRules.get(eqn.primitive());
        NestedCall call = NestedCall.of(eqn.primitive());
        if (anyUnknown && call != null) {
          splitNestedCall(call, eqn, in);
        } else if (rule != null) {
          applyRule(rule, eqn, in);
        } else if (anyUnknown) {
          stage(eqn, Status.UNKNOWN);
        } else {
          knownEqns.add(eqn);
          List<ShapedArray> avals = new ArrayList<>();
          eqn.inputs().forEach(a -> avals.add(a.aval()));
          if (policy.saveable(eqn.primitive(), avals, eqn.params())) {
            eqn.outvars().forEach(v -> env.put(v, Status.SAVED));
          } else {
            stage(eqn, Status.RECOMPUTED);
          }
        }
      }
      int n = jaxpr.outvars().size();
      boolean[] outUnknowns = new boolean[n];
      boolean[] outInst = new boolean[n];
      List<Atom> knownOuts = new ArrayList<>();
      List<Atom> stagedOuts = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Atom a = jaxpr.outvars().get(i);
        Status s = read(a);
        if (ensureOutInstantiated[i]) {
          ensureInstantiated(a);
        }
        outUnknowns[i] = s.unknown || ensureOutUnknowns[i];
        outInst[i] = s.instantiated || ensureOutInstantiated[i];
        if (!outUnknowns[i]) {
          knownOuts.add(a);
        }
        if (outInst[i]) {
          stagedOuts.add(a);
        }
      }
      List<Var> knownIns = new ArrayList<>();
      List<Var> stagedIns = new ArrayList<>(residualOrder);
      for (int i = 0; i < invars.size(); i++) {
        if (!inUnknowns[i]) {
          knownIns.add(invars.get(i));
        }
        if (inInstantiated[i]) {
          stagedIns.add(invars.get(i));
        }
      }
      knownOuts.addAll(residualOrder);
      Jaxpr known = new Jaxpr(jaxpr.constvars(), knownIns, knownEqns, knownOuts);
      Jaxpr staged = new Jaxpr(jaxpr.constvars(), stagedIns, stagedEqns, stagedOuts);
      return new Split(known, staged, outUnknowns, outInst, residualOrder.size());
    }

    private Status read(Atom a) {
      return a instanceof Literal ? Status.RECOMPUTED : env.get((Var) a);
    }

    /** Copies {@code eqn} to the staged side; its known, saved inputs become residuals. */
    private void stage(JaxprEqn eqn, Status outStatus) {
      eqn.inputs().forEach(this::ensureInstantiated);
      stagedEqns.add(eqn);
      eqn.outvars().forEach(v -> env.put(v, outStatus));
    }

    private void ensureInstantiated(Atom a) {
      if (a instanceof Var && !read(a).instantiated) {
        addResidual((Var) a);
      }
    }

    private void addResidual(Var v) {
      if (residuals.add(v)) {
        residualOrder.add(v);
      }
    }

    /** Splits {@code eqn} by its primitive's rule. */
    private void applyRule(PartialEvalCustomRule rule, JaxprEqn eqn, List<Status> in) {
      int n = in.size();
      boolean[] unks = new boolean[n];
      boolean[] inst = new boolean[n];
      for (int i = 0; i < n; i++) {
        unks[i] = in.get(i).unknown;
        inst[i] = in.get(i).instantiated;
      }
      PartialEvalCustomRule.Result r = rule.apply(eqn, unks, inst, policy);
      if (r.known() != null) {
        knownEqns.add(r.known());
      }
      if (r.staged() != null) {
        stagedEqns.add(r.staged());
      }
      r.residuals().forEach(this::addResidual);
      for (int i = 0; i < eqn.outvars().size(); i++) {
        env.put(eqn.outvars().get(i), Status.of(r.outUnknowns()[i], r.outInstantiated()[i]));
      }
    }

    /**
     * A checkpoint or jit nested in the one being split, with some unknown inputs: split its body
     * with the same policy into a known and a staged call (JAX's call_partial_eval_custom_rule).
     */
    private void splitNestedCall(NestedCall call, JaxprEqn eqn, List<Status> in) {
      int n = in.size();
      boolean[] unks = new boolean[n];
      boolean[] inst = new boolean[n];
      for (int i = 0; i < n; i++) {
        unks[i] = in.get(i).unknown;
        inst[i] = in.get(i).instantiated;
      }
      Split inner = split(call.body(eqn.params()), unks, inst, policy);
      List<Var> newResiduals = new ArrayList<>();
      for (int i = 0; i < inner.numResiduals(); i++) {
        newResiduals.add(new Var(inner.staged().invars().get(i).aval()));
      }
      List<Atom> knownIns = new ArrayList<>();
      List<Atom> stagedIns = new ArrayList<>(newResiduals);
      for (int i = 0; i < n; i++) {
        Atom a = eqn.inputs().get(i);
        if (!unks[i]) {
          knownIns.add(a);
        }
        if (inst[i]) {
          stagedIns.add(a);
        } else if (a instanceof Var) {
          addResidual((Var) a);
        }
      }
      List<Var> knownOuts = new ArrayList<>();
      List<Var> stagedOuts = new ArrayList<>();
      for (int i = 0; i < eqn.outvars().size(); i++) {
        Var v = eqn.outvars().get(i);
        if (!inner.outUnknowns()[i]) {
          knownOuts.add(v);
        }
        if (inner.outInstantiated()[i]) {
          stagedOuts.add(v);
        }
        env.put(v, Status.of(inner.outUnknowns()[i], inner.outInstantiated()[i]));
      }
      knownOuts.addAll(newResiduals);
      Params p = eqn.params();
      knownEqns.add(new JaxprEqn(eqn.primitive(), call.knownParams(p, inner.known()), knownIns, knownOuts));
      stagedEqns.add(new JaxprEqn(eqn.primitive(), call.stagedParams(p, inner.staged()), stagedIns, stagedOuts));
      newResiduals.forEach(this::addResidual);
    }
  }
}
