package dev.flaxj.transform.staging;

import dev.flaxj.transform.TreeFunction;
import java.util.Set;

/**
 * {@code jax.jit}: stages a function to a jaxpr once per argument signature and runs the staged
 * program. Options are set on the result: {@code Jit.jit(f).staticArgnums(1)}.
 *
 * <p>Keyword arguments are passed as a trailing {@link Kwargs}; {@code staticArgnames} names
 * those that are static (Java lambdas have no parameter names, so unlike JAX a positional
 * argument cannot be made static by name). A static argument may be any object with
 * {@code equals}/{@code hashCode}; arrays, tracers and Java arrays are rejected with JAX's
 * "Non-hashable static arguments are not supported" error, as JAX rejects arrays and lists.
 */
public final class Jit {
  private Jit() {}

  public static Jitted jit(TreeFunction f) {
    return new Jitted(f, new int[0], Set.of(), new int[0], FunctionNames.of(f));
  }
}
