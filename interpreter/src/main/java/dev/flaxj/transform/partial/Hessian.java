package dev.flaxj.transform.partial;

import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.jvp.Jvp;

/**
 * {@code jax.hessian}: {@code jacfwd(jacrev(f))}, forward over reverse, with the same
 * {@code argnums} and {@code has_aux} for both (builder methods, as JAX's keyword arguments).
 */
public final class Hessian implements TreeFunction {
  private final TreeFunction f;
  private final int[] argnums;
  private final boolean single;
  private final boolean hasAux;

  private Hessian(TreeFunction f, int[] argnums, boolean single, boolean hasAux) {
    this.f = f;
    this.argnums = argnums;
    this.single = single;
    this.hasAux = hasAux;
  }

  /** {@code jax.hessian(f)}: with respect to the first argument. */
  public static Hessian hessian(TreeFunction f) {
    return new Hessian(f, new int[] {0}, true, false);
  }

  public Hessian argnums(int argnum) {
    return new Hessian(f, new int[] {argnum}, true, hasAux);
  }

  public Hessian argnums(int... argnums) {
    return new Hessian(f, argnums.clone(), false, hasAux);
  }

  public Hessian hasAux(boolean hasAux) {
    return new Hessian(f, argnums, single, hasAux);
  }

  @Override
  public Object apply(Object... args) {
    Jacrev inner = Jacrev.jacrev(f).hasAux(hasAux);
    TreeFunction h = single
        ? Jvp.jacfwd(inner.argnums(argnums[0]), argnums[0], hasAux)
        : Jvp.jacfwd(inner.argnums(argnums), argnums, hasAux);
    return h.apply(args);
  }
}
