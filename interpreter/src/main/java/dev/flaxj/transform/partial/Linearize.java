package dev.flaxj.transform.partial;

import dev.flaxj.transform.TreeFunction;

/**
 * {@code jax.linearize}: the primal output now, and the JVP at the primals as a function of the
 * tangents alone, evaluated from a staged linear program (nothing of the primal computation is
 * repeated when it is called).
 */
public final class Linearize {
  private Linearize() {}

  /** {@code jax.linearize(f, *primals)}. */
  public static LinearizeOutput linearize(TreeFunction f, Object... primals) {
    return linearize(f, primals, false);
  }

  /** {@code jax.linearize(f, *primals, has_aux=hasAux)}. */
  public static LinearizeOutput linearize(TreeFunction f, Object[] primals, boolean hasAux) {
    Traced t = Traced.of(f, primals, hasAux);
    return new LinearizeOutput(t.primalOut(), t.jvpFn(), t.aux);
  }
}
