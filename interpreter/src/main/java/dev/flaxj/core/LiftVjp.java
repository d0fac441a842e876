package dev.flaxj.core;

import dev.flaxj.transform.Partial;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.partial.Vjp;
import dev.flaxj.transform.partial.VjpOutput;
import dev.flaxj.tree.TreeDef;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Flax's lifted {@code vjp} ({@code flax.core.lift.vjp}): {@code jax.vjp} of a function of a scope
 * with respect to its arguments and to the collections {@code vjpVariables} matches. The other
 * collections {@code variables} matches and the RNG streams {@code rngs} matches are available
 * inside but not differentiated. The VJP function maps an output cotangent to {@code
 * Tuple(variable cotangents, argument cotangents...)}, the variable cotangents shaped like the
 * scope tree (for one scope: collection -> variables); like {@code jax.vjp}'s it is a pytree.
 */
public final class LiftVjp {
  private boolean hasAux;
  private Object vjpVariables = "params";
  private Object variables = true;
  private Object rngs = true;

  private LiftVjp() {}

  public static LiftVjp vjp() {
    return new LiftVjp();
  }

  /** {@code fn} returns {@code (output, aux)}; only the output is differentiated. */
  public LiftVjp hasAux(boolean hasAux) {
    this.hasAux = hasAux;
    return this;
  }

  /** The collections that get a cotangent (default {@code "params"}). */
  public LiftVjp vjpVariables(Object filter) {
    vjpVariables = filter;
    return this;
  }

  public LiftVjp variables(Object filter) {
    variables = filter;
    return this;
  }

  public LiftVjp rngs(Object filter) {
    rngs = filter;
    return this;
  }

  /** {@code lift.vjp(fn, scope, *primals)}. */
  public VjpOutput call(ScopeFunction fn, Scope scope, Object... primals) {
    return callTree(ScopeTreeFunction.of(fn), scope, primals);
  }

  /** {@code lift.vjp(fn, scope_tree, *primals)}. */
  public VjpOutput callTree(ScopeTreeFunction fn, Object scopes, Object... primals) {
    TreeDef scopeTree = Trees.structure(scopes);
    Pack.Body body = (pack, variableGroups, rngGroups, args) -> {
      Object others = variableGroups.get(1);
      TreeFunction wrapper = a -> {
        LiftedCall c = LiftedCall.run(pack, fn, List.of(a[0], others), rngGroups, LiftedCall.tail(a), hasAux);
        return Tuple.of(c.y(), Tuple.of(c.aux(), c.outGroups()));
      };
      VjpOutput out = Vjp.vjp(wrapper, LiftedCall.prepend(variableGroups.get(0), args), true);
      Tuple aux = (Tuple) out.aux();
      TreeFunction bwd = new Partial(a -> perScope(scopeTree, (Tuple) ((TreeFunction) a[0]).apply(a[1])),
          out.vjpFn());
      return Tuple.of(new VjpOutput(out.primalOut(), bwd, hasAux ? aux.get(0) : null), aux.get(1));
    };
    return (VjpOutput) Pack.pack("vjp", body, List.of(vjpVariables, variables), List.of(variables), List.of(rngs))
        .apply(scopes, primals);
  }

  /** {@code (variable cotangents per packed scope, *argument cotangents)} with the first unflattened. */
  private static Tuple perScope(TreeDef scopeTree, Tuple grads) {
    List<Object> items = new ArrayList<>(grads.items());
    items.set(0, scopeTree.unflatten(((Tuple) grads.get(0)).items()));
    return new Tuple(items);
  }
}
