package dev.flaxj.core;

import dev.flaxj.transform.control.ControlFlow;
import java.util.List;

/**
 * Flax's lifted {@code cond} ({@code flax.core.lift.cond}): {@code trueFun(scope, operands...)} if
 * {@code pred} else {@code falseFun(scope, operands...)}, by {@code lax.cond}, with the variable and
 * RNG lifting (and the same-structure rule) of {@link LiftSwitch}.
 */
public final class LiftCond {
  private Object variables = true;
  private Object rngs = true;

  private LiftCond() {}

  public static LiftCond cond() {
    return new LiftCond();
  }

  public LiftCond variables(Object filter) {
    variables = filter;
    return this;
  }

  public LiftCond rngs(Object filter) {
    rngs = filter;
    return this;
  }

  public Object apply(Object pred, ScopeFunction trueFun, ScopeFunction falseFun, Scope scope, Object... operands) {
    return applyTree(pred, ScopeTreeFunction.of(trueFun), ScopeTreeFunction.of(falseFun), scope, operands);
  }

  /** {@link #apply} on a tree of scopes. */
  public Object applyTree(Object pred, ScopeTreeFunction trueFun, ScopeTreeFunction falseFun, Object scopes,
      Object... operands) {
    return LiftSwitch.lift("cond", scopes, variables, rngs, List.of(trueFun, falseFun),
        (pure, ops) -> ControlFlow.cond(pred, pure.get(0), pure.get(1), ops), operands);
  }
}
