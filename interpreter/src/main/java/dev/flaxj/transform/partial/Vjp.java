package dev.flaxj.transform.partial;

import dev.flaxj.transform.TreeFunction;

/**
 * Reverse-mode differentiation, as {@code jax.vjp}: the function is linearized at the primals
 * (JVP under partial evaluation) and the VJP function transposes the staged linear map.
 */
public final class Vjp {
  private Vjp() {}

  /** {@code jax.vjp(f, *primals)}: positional arguments as pytrees. */
  public static VjpOutput vjp(TreeFunction f, Object... primals) {
    return vjp(f, primals, false);
  }

  /**
   * {@code jax.vjp(f, *primals, has_aux=hasAux)}: with {@code hasAux}, {@code f} returns a pair
   * {@code (output, aux)} and only the output is differentiated.
   */
  public static VjpOutput vjp(TreeFunction f, Object[] primals, boolean hasAux) {
    Traced t = Traced.of(f, primals, hasAux);
    return new VjpOutput(t.primalOut(), t.vjpFn(), t.aux);
  }
}
