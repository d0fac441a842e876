package dev.flaxj.transform.partial;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.transform.ir.Atom;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.Jaxpr;
import dev.flaxj.transform.ir.JaxprEqn;
import dev.flaxj.transform.ir.Literal;
import dev.flaxj.transform.ir.Var;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the staged program of a partial evaluation from the recipes of its unknown tracers
 * (Autodidax's {@code tracers_to_jaxpr}): the equations that the outputs depend on, in an order
 * where each comes after its inputs; known values used by them become constants (scalar arrays
 * are written inline as literals, as JAX does).
 */
final class RecipeJaxpr {
  private RecipeJaxpr() {}

  static ClosedJaxpr build(List<PartialEvalTracer> inputs, List<PartialEvalTracer> outputs) {
    Map<PartialEvalTracer, Atom> atoms = new IdentityHashMap<>();
    for (PartialEvalTracer t : inputs) {
      if (!(t.recipe() instanceof Recipe.LambdaBinding)) {
        throw new IllegalStateException("an input of the staged program is not an argument: " + t);
      }
      atoms.put(t, new Var(t.aval()));
    }
    Map<Value, Var> constVars = new IdentityHashMap<>();
    List<Var> constvars = new ArrayList<>();
    List<Value> consts = new ArrayList<>();
    List<JaxprEqn> eqns = new ArrayList<>();
    for (PartialEvalTracer t : topologicalOrder(outputs)) {
      Recipe r = t.recipe();
      if (r instanceof Recipe.LambdaBinding) {
        if (!atoms.containsKey(t)) {
          throw new IllegalStateException("the staged program depends on an input that is not one "
              + "of its arguments: " + t);
        }
      } else if (r instanceof Recipe.Const) {
        Value v = ((Recipe.Const) r).value();
        if (v instanceof Array && v.rank() == 0) {
          atoms.put(t, new Literal((Array) v));
        } else {
          atoms.put(t, constVars.computeIfAbsent(v, k -> {
            Var var = new Var(t.aval());
            constvars.add(var);
            consts.add(k);
            return var;
          }));
        }
      } else if (r instanceof Recipe.Eqn) {
        Recipe.Eqn e = (Recipe.Eqn) r;
        if (!atoms.containsKey(t)) {
          List<Atom> in = new ArrayList<>(e.inputs.size());
          for (PartialEvalTracer i : e.inputs) {
            in.add(atoms.get(i));
          }
          List<Var> out = new ArrayList<>(e.outputs().size());
          for (PartialEvalTracer o : e.outputs()) {
            Var v = new Var(o.aval());
            atoms.put(o, v);
            out.add(v);
          }
          eqns.add(new JaxprEqn(e.primitive, e.params, in, out));
        }
      } else {
        throw new IllegalStateException("a known value among the staged program's outputs: " + t);
      }
    }
    List<Var> invars = new ArrayList<>(inputs.size());
    for (PartialEvalTracer t : inputs) {
      invars.add((Var) atoms.get(t));
    }
    List<Atom> outvars = new ArrayList<>(outputs.size());
    for (PartialEvalTracer t : outputs) {
      outvars.add(atoms.get(t));
    }
    return new ClosedJaxpr(new Jaxpr(constvars, invars, eqns, outvars), consts);
  }

  /** The tracers the outputs depend on, each after its parents (iterative, for deep programs). */
  private static List<PartialEvalTracer> topologicalOrder(List<PartialEvalTracer> outputs) {
    List<PartialEvalTracer> order = new ArrayList<>();
    Set<PartialEvalTracer> done = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<PartialEvalTracer> started = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<PartialEvalTracer> stack = new ArrayDeque<>();
    Deque<Iterator<PartialEvalTracer>> parents = new ArrayDeque<>();
    for (PartialEvalTracer root : outputs) {
      if (started.add(root)) {
        stack.push(root);
        parents.push(parentsOf(root).iterator());
      }
      while (!stack.isEmpty()) {
        Iterator<PartialEvalTracer> it = parents.peek();
        if (it.hasNext()) {
          PartialEvalTracer p = it.next();
          if (started.add(p)) {
            stack.push(p);
            parents.push(parentsOf(p).iterator());
          } else if (!done.contains(p)) {
            throw new IllegalStateException("cycle in the staged program at " + p);
          }
        } else {
          parents.pop();
          PartialEvalTracer t = stack.pop();
          done.add(t);
          order.add(t);
        }
      }
    }
    return order;
  }

  private static List<PartialEvalTracer> parentsOf(PartialEvalTracer t) {
    return t.recipe() instanceof Recipe.Eqn ? ((Recipe.Eqn) t.recipe()).inputs : List.of();
  }
}
