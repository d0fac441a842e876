package dev.flaxj.core;

import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.custom.CustomVjp;
import dev.flaxj.tree.TreeDef;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Flax's lifted {@code custom_vjp} ({@code flax.core.lift.custom_vjp}): a function of a scope whose
 * reverse-mode derivative, with respect to its arguments and the collections {@code gradVars}
 * matches, is given by two rules. The forward rule takes the same arguments as the function and
 * returns a pair {@code (output, residuals)}; the residuals may hold the function returned by
 * {@link LiftVjp} (it is a pytree). The backward rule is called as {@code backward(*nondiff_args,
 * residuals, output_cotangent)}, without a scope, and returns {@code (variable cotangents,
 * *argument cotangents)}, the variable cotangents shaped like the scope tree (for one scope:
 * collection -> variables, the collections {@code gradVars} matches). Argument numbers in {@code
 * nondiffArgnums} count the scope as 0.
 */
public final class LiftCustomVjp {
  private Object gradVars = "params";
  private int[] nondiffArgnums = {};

  private LiftCustomVjp() {}

  public static LiftCustomVjp customVjp() {
    return new LiftCustomVjp();
  }

  /** The collections differentiated (default {@code "params"}). */
  public LiftCustomVjp gradVars(Object filter) {
    gradVars = filter;
    return this;
  }

  /** Arguments that are not differentiated; passed first to the backward rule. */
  public LiftCustomVjp nondiffArgnums(int... argnums) {
    nondiffArgnums = argnums.clone();
    return this;
  }

  /** The scope function {@code fn} with the custom VJP. */
  public ScopeFunction build(ScopeFunction fn, ScopeFunction forwardFn, TreeFunction backwardFn) {
    return buildTree(ScopeTreeFunction.of(fn), ScopeTreeFunction.of(forwardFn), backwardFn).onScope();
  }

  /** The function of a scope tree {@code fn} with the custom VJP. */
  public ScopeTreeFunction buildTree(ScopeTreeFunction fn, ScopeTreeFunction forwardFn,
      TreeFunction backwardFn) {
    int[] nondiff = nondiffArgnums.clone();
    Object filters = gradVars;
    return (scopes, primals) -> Pack.pack("custom_vjp", body(fn, forwardFn, backwardFn, nondiff, Trees.structure(scopes)),
        List.of(filters, true), List.of(filters, true), List.of(true)).apply(scopes, primals);
  }

  private static Pack.Body body(ScopeTreeFunction fn, ScopeTreeFunction forwardFn, TreeFunction backwardFn,
      int[] nondiff, TreeDef scopeTree) {
    return (pack, variableGroups, rngGroups, args) -> {
      Object others = variableGroups.get(1);
      CustomVjp f = new CustomVjp(a -> {
        LiftedCall c = LiftedCall.run(pack, fn, List.of(a[0], others), rngGroups, LiftedCall.tail(a), false);
        return Tuple.of(c.y(), c.outGroups());
      }, nondiff);
      f.defvjp(a -> {
        LiftedCall c = LiftedCall.run(pack, forwardFn, List.of(a[0], others), rngGroups, LiftedCall.tail(a), true);
        return Tuple.of(Tuple.of(c.y(), c.outGroups()), c.aux());
      }, a -> {
        Object[] call = a.clone(); // (*nondiff_args, residuals, (output cotangent, variables cotangent))
        call[a.length - 1] = ((Tuple) a[a.length - 1]).get(0);
        List<Object> grads = new ArrayList<>(items(backwardFn.apply(call)));
        grads.set(0, new Tuple(scopeTree.flattenUpTo(grads.get(0))));
        return new Tuple(grads);
      });
      return (Tuple) f.apply(LiftedCall.prepend(variableGroups.get(0), args));
    };
  }

  private static List<?> items(Object out) {
    if (out instanceof Tuple t && t.size() > 0) {
      return t.items();
    }
    if (out instanceof List<?> l && !l.isEmpty()) {
      return l;
    }
    throw new IllegalArgumentException("the backward rule of a lifted custom_vjp must return a tuple "
        + "(variable cotangents, *argument cotangents), but it returned " + out);
  }
}
