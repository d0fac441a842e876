package dev.flaxj.core;

import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.control.ControlFlow;
import dev.flaxj.tree.Tuple;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Flax's lifted {@code switch} ({@code flax.core.lift.switch}): {@code branches[index](scope,
 * operands...)} by {@code lax.switch}. Each branch runs on an inner scope over the collections
 * {@code variables} matches and the streams {@code rngs} matches; as all branches are traced, the
 * variables they create or update must have the same structure in every branch (otherwise JAX's
 * branch type error).
 */
public final class LiftSwitch {
  private Object variables = true;
  private Object rngs = true;

  private LiftSwitch() {}

  public static LiftSwitch switchCase() {
    return new LiftSwitch();
  }

  public LiftSwitch variables(Object filter) {
    variables = filter;
    return this;
  }

  public LiftSwitch rngs(Object filter) {
    rngs = filter;
    return this;
  }

  public Object apply(Object index, List<? extends ScopeFunction> branches, Scope scope, Object... operands) {
    return applyTree(index, branches.stream().map(ScopeTreeFunction::of).toList(), scope, operands);
  }

  /** {@link #apply} on a tree of scopes. */
  public Object applyTree(Object index, List<? extends ScopeTreeFunction> branches, Object scopes, Object... operands) {
    return lift("switch", scopes, variables, rngs, branches, (pure, ops) -> ControlFlow.switchCase(index, pure, ops), operands);
  }

  /**
   * Runs {@code select(pure branches, operands)}, where each pure branch maps operands to {@code
   * Tuple(output, out variable groups)} of its branch run on inner scopes; shared with {@link LiftCond}.
   */
  static Object lift(String name, Object scopes, Object variables, Object rngs, List<? extends ScopeTreeFunction> branches,
      BiFunction<List<TreeFunction>, Object[], Object> select, Object[] operands) {
    Pack.Body body = (pack, variableGroups, rngGroups, args) -> {
      List<TreeFunction> pure = branches.stream().<TreeFunction>map(branch -> a -> {
        Object inner = pack.innerScopes(variableGroups, rngGroups);
        Object y = branch.apply(inner, a);
        return Tuple.of(y, pack.repack(inner));
      }).toList();
      return (Tuple) select.apply(pure, args);
    };
    return Pack.pack(name, body, List.of(variables), List.of(variables), List.of(rngs)).apply(scopes, operands);
  }
}
