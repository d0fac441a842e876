package dev.flaxj.core;

import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.partial.Vjp;
import dev.flaxj.transform.partial.VjpOutput;
import dev.flaxj.tree.Tuple;
import java.util.List;

/**
 * Flax's lifted {@code value_and_grad} ({@code flax.core.lift.value_and_grad}): the output of a
 * function of a scope and its gradients with respect to the arguments only (the collections
 * {@code variables} matches and the RNG streams {@code rngs} matches are available inside, not
 * differentiated). Like Flax's core function it pulls back a cotangent of ones, so it does not
 * check that the output is a scalar (the linen {@code value_and_grad} does).
 */
public final class LiftValueAndGrad {
  private boolean hasAux;
  private Object variables = true;
  private Object rngs = true;

  private LiftValueAndGrad() {}

  public static LiftValueAndGrad valueAndGrad() {
    return new LiftValueAndGrad();
  }

  /** {@code fn} returns {@code (output, aux)}; only the output is differentiated. */
  public LiftValueAndGrad hasAux(boolean hasAux) {
    this.hasAux = hasAux;
    return this;
  }

  public LiftValueAndGrad variables(Object filter) {
    variables = filter;
    return this;
  }

  public LiftValueAndGrad rngs(Object filter) {
    rngs = filter;
    return this;
  }

  /**
   * {@code lift.value_and_grad(fn, scope, *primals)}: {@code Tuple(output, grads)}, or with {@code
   * hasAux} {@code Tuple(output, aux, grads)}; {@code grads} is a tuple with one gradient per primal.
   */
  public Tuple call(ScopeFunction fn, Scope scope, Object... primals) {
    return callTree(ScopeTreeFunction.of(fn), scope, primals);
  }

  /** {@code lift.value_and_grad(fn, scope_tree, *primals)}. */
  public Tuple callTree(ScopeTreeFunction fn, Object scopes, Object... primals) {
    Pack.Body body = (pack, variableGroups, rngGroups, args) -> {
      TreeFunction wrapper = a -> {
        LiftedCall c = LiftedCall.run(pack, fn, variableGroups, rngGroups, a, hasAux);
        return Tuple.of(c.y(), Tuple.of(c.aux(), c.outGroups()));
      };
      VjpOutput out = Vjp.vjp(wrapper, args, true);
      Tuple aux = (Tuple) out.aux();
      Object y = out.primalOut();
      Object grads = out.vjpFn().apply(Jnp.onesLike(FlatFunction.asValue(y)));
      Tuple result = hasAux ? Tuple.of(y, aux.get(0), grads) : Tuple.of(y, grads);
      return Tuple.of(result, aux.get(1));
    };
    return (Tuple) Pack.pack("value_and_grad", body, List.of(variables), List.of(variables), List.of(rngs)).apply(scopes, primals);
  }
}
