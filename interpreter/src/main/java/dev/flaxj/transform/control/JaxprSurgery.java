package dev.flaxj.transform.control;

import dev.flaxj.array.Value;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.Jaxpr;
import dev.flaxj.transform.ir.Var;
import java.util.ArrayList;
import java.util.List;

/** Rewrites of jaxpr binders that the control-flow primitives need (no equation changes). */
final class JaxprSurgery {
  private JaxprSurgery() {}

  /** Branches that take one shared list of consts, then their own arguments. */
  record Merged(List<ClosedJaxpr> jaxprs, List<Value> consts) {}

  /**
   * JAX's {@code _merge_common_consts}: jaxprs that take their own consts ({@code consts.get(b)})
   * then their arguments are rewritten to take the consts of all of them (values closed over by
   * several, compared by identity, appear once), then their arguments.
   */
  static Merged mergeConsts(List<ClosedJaxpr> fns, List<List<Value>> consts) {
    List<Value> all = new ArrayList<>();
    List<int[]> slots = new ArrayList<>();
    for (List<Value> fnConsts : consts) {
      int[] slot = new int[fnConsts.size()];
      boolean[] taken = new boolean[all.size() + slot.length];
      for (int i = 0; i < slot.length; i++) {
        Value c = fnConsts.get(i);
        int k = -1;
        for (int j = 0; j < all.size() && k < 0; j++) {
          if (all.get(j) == c && !taken[j]) {
            k = j;
          }
        }
        if (k < 0) {
          k = all.size();
          all.add(c);
        }
        taken[k] = true;
        slot[i] = k;
      }
      slots.add(slot);
    }
    List<ClosedJaxpr> out = new ArrayList<>(fns.size());
    for (int b = 0; b < fns.size(); b++) {
      Jaxpr j = fns.get(b).jaxpr();
      int[] slot = slots.get(b);
      Var[] constVars = new Var[all.size()];
      for (int i = 0; i < slot.length; i++) {
        constVars[slot[i]] = j.invars().get(i);
      }
      for (int k = 0; k < constVars.length; k++) {
        if (constVars[k] == null) {
          constVars[k] = new Var(all.get(k).aval());
        }
      }
      List<Var> invars = Lists.concat(List.of(constVars), j.invars().subList(slot.length, j.invars().size()));
      out.add(new ClosedJaxpr(new Jaxpr(List.of(), invars, j.eqns(), j.outvars()), List.of()));
    }
    return new Merged(out, all);
  }

  /**
   * JAX's {@code rearrange_binders} for a jaxpr of primals then tangents: with the primal inputs
   * in groups of sizes {@code primalsIn} and the tangent inputs in groups {@code tangentsIn}, the
   * inputs become {@code [p0, t0, p1, t1, ...]}; likewise the outputs.
   */
  static ClosedJaxpr rearrange(ClosedJaxpr closed, int[] primalsIn, int[] tangentsIn, int[] primalsOut,
      int[] tangentsOut) {
    Jaxpr j = closed.jaxpr();
    return new ClosedJaxpr(new Jaxpr(j.constvars(), interleave(j.invars(), primalsIn, tangentsIn), j.eqns(),
        interleave(j.outvars(), primalsOut, tangentsOut)), closed.consts());
  }

  private static <T> List<T> interleave(List<T> xs, int[] first, int[] second) {
    int firstTotal = 0;
    for (int n : first) {
      firstTotal += n;
    }
    List<T> out = new ArrayList<>(xs.size());
    int a = 0;
    int b = firstTotal;
    for (int g = 0; g < first.length; g++) {
      out.addAll(xs.subList(a, a + first[g]));
      a += first[g];
      out.addAll(xs.subList(b, b + second[g]));
      b += second[g];
    }
    if (b != xs.size()) {
      throw new IllegalStateException("rearrange: groups cover " + b + " of " + xs.size() + " binders");
    }
    return out;
  }

  /** {@code closed} taking {@code extra} more (unused) inputs of these types at the end. */
  static ClosedJaxpr withUnusedInputs(ClosedJaxpr closed, List<dev.flaxj.array.ShapedArray> extra) {
    Jaxpr j = closed.jaxpr();
    List<Var> invars = new ArrayList<>(j.invars());
    for (dev.flaxj.array.ShapedArray a : extra) {
      invars.add(new Var(a));
    }
    return new ClosedJaxpr(new Jaxpr(j.constvars(), invars, j.eqns(), j.outvars()), closed.consts());
  }

  /** {@code closed} with its inputs reordered: new input {@code k} is old input {@code order[k]}. */
  static ClosedJaxpr permuteInputs(ClosedJaxpr closed, int[] order) {
    Jaxpr j = closed.jaxpr();
    List<Var> invars = new ArrayList<>(order.length);
    for (int i : order) {
      invars.add(j.invars().get(i));
    }
    return new ClosedJaxpr(new Jaxpr(j.constvars(), invars, j.eqns(), j.outvars()), closed.consts());
  }

  /**
   * JAX's {@code _jaxpr_forwarding}: for each output, the index of the input it is (an output
   * that is simply an input variable), or -1.
   */
  static int[] forwarding(ClosedJaxpr closed) {
    Jaxpr j = closed.jaxpr();
    int[] out = new int[j.outvars().size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = -1;
      for (int i = 0; i < j.invars().size(); i++) {
        if (j.outvars().get(k) == j.invars().get(i)) {
          out[k] = i;
          break;
        }
      }
    }
    return out;
  }

  /** {@code closed} returning only the outputs flagged in {@code keep}. */
  static ClosedJaxpr pruneOutputs(ClosedJaxpr closed, boolean[] keep) {
    Jaxpr j = closed.jaxpr();
    return new ClosedJaxpr(new Jaxpr(j.constvars(), j.invars(), j.eqns(), Lists.select(keep, j.outvars(), true)),
        closed.consts());
  }

  /** JAX's {@code move_binders_to_front}: the flagged inputs first (in order), then the others. */
  static ClosedJaxpr moveInputsToFront(ClosedJaxpr closed, boolean[] move) {
    Jaxpr j = closed.jaxpr();
    List<Var> invars = Lists.concat(Lists.select(move, j.invars(), true), Lists.select(move, j.invars(), false));
    return new ClosedJaxpr(new Jaxpr(j.constvars(), invars, j.eqns(), j.outvars()), closed.consts());
  }

  /** {@code closed} without the flagged inputs, which it must not use. */
  static ClosedJaxpr dropInputs(ClosedJaxpr closed, boolean[] drop) {
    Jaxpr j = closed.jaxpr();
    return new ClosedJaxpr(new Jaxpr(j.constvars(), Lists.select(drop, j.invars(), false), j.eqns(), j.outvars()),
        closed.consts());
  }

  /** Which inputs the outputs depend on (JAX's {@code dce_jaxpr} with every output used). */
  static boolean[] usedInputs(ClosedJaxpr closed) {
    Jaxpr j = closed.jaxpr();
    java.util.Set<Object> live = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    live.addAll(j.outvars());
    for (int e = j.eqns().size() - 1; e >= 0; e--) {
      dev.flaxj.transform.ir.JaxprEqn eqn = j.eqns().get(e);
      if (eqn.outvars().stream().anyMatch(live::contains)) {
        live.addAll(eqn.inputs());
      }
    }
    boolean[] used = new boolean[j.invars().size()];
    for (int i = 0; i < used.length; i++) {
      used[i] = live.contains(j.invars().get(i));
    }
    return used;
  }
}
