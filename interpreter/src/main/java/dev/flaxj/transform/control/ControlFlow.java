package dev.flaxj.transform.control;

import dev.flaxj.transform.TreeFunction;
import dev.flaxj.tree.Tuple;
import java.util.List;

/**
 * JAX's structured control flow ({@code jax.lax.cond}, {@code switch}, {@code while_loop},
 * {@code fori_loop}, {@code scan}) over pytrees. Each stages its functions to jaxprs and binds a
 * higher-order primitive ({@code cond}, {@code while}, {@code scan}) that evaluation, {@code jit},
 * {@code jvp}, {@code vmap} and reverse mode all understand. Bad arguments raise JAX's errors:
 * {@link ControlFlowTypeError} where JAX raises {@code TypeError}, {@link IllegalArgumentException}
 * where it raises {@code ValueError}.
 */
public final class ControlFlow {
  private ControlFlow() {}

  /**
   * {@code lax.cond(pred, true_fun, false_fun, *operands)}: {@code true_fun(*operands)} if
   * {@code pred} else {@code false_fun(*operands)}. {@code pred} is a bool or number scalar (a
   * number means {@code pred != 0}); both branches are traced and must return the same structure
   * and types. Under {@code vmap} with a batched predicate both branches run and a select picks.
   */
  public static Object cond(Object pred, TreeFunction trueFun, TreeFunction falseFun, Object... operands) {
    return CondCall.cond(pred, trueFun, falseFun, operands);
  }

  /**
   * {@code lax.switch(index, branches, *operands)}: {@code branches[clamp(0, index, n - 1)]
   * (*operands)}, for an integer scalar {@code index}.
   */
  public static Object switchCase(Object index, List<? extends TreeFunction> branches, Object... operands) {
    return CondCall.switchCase(index, branches, operands);
  }

  /**
   * {@code lax.while_loop(cond_fun, body_fun, init_val)}: {@code val = body_fun(val)} while
   * {@code cond_fun(val)}; the carry keeps its structure and types. Forward-mode differentiable;
   * reverse mode fails, as in JAX.
   */
  public static Object whileLoop(TreeFunction condFun, TreeFunction bodyFun, Object initVal) {
    return WhileCall.whileLoop(condFun, bodyFun, initVal);
  }

  /**
   * {@code lax.fori_loop(lower, upper, body_fun, init_val)}: {@code val = body_fun(i, val)} for
   * {@code i} in {@code [lower, upper)}. Concrete bounds make it a {@code scan} (reverse mode
   * works), traced bounds a {@code while_loop}.
   */
  public static Object foriLoop(Object lower, Object upper, TreeFunction bodyFun, Object initVal) {
    return ForiCall.foriLoop(lower, upper, bodyFun, initVal, null);
  }

  /** {@link #foriLoop(Object, Object, TreeFunction, Object)} with {@code unroll} (an int or a bool; concrete bounds only). */
  public static Object foriLoop(Object lower, Object upper, TreeFunction bodyFun, Object initVal, Object unroll) {
    return ForiCall.foriLoop(lower, upper, bodyFun, initVal, unroll);
  }

  /**
   * {@code lax.scan(f, init, xs)}: {@code (carry, y) = f(carry, x)} for each {@code x} along the
   * leading axis of {@code xs} (a pytree; null for none); returns {@code (carry, ys)} with the
   * {@code y}s stacked.
   */
  public static Tuple scan(TreeFunction f, Object init, Object xs) {
    return ScanCall.scan(f, init, xs, null, false, 1);
  }

  /** {@code lax.scan(f, init, xs, length)}: {@code length} is needed when {@code xs} is null. */
  public static Tuple scan(TreeFunction f, Object init, Object xs, Integer length) {
    return ScanCall.scan(f, init, xs, length, false, 1);
  }

  /**
   * {@code lax.scan(f, init, xs, length, reverse, unroll)}: {@code reverse} walks the leading axis
   * backwards (and stacks the outputs in index order); {@code unroll} is a non-negative int or a
   * bool and does not change results.
   */
  public static Tuple scan(TreeFunction f, Object init, Object xs, Integer length, boolean reverse,
      Object unroll) {
    return ScanCall.scan(f, init, xs, length, reverse, unroll);
  }
}
