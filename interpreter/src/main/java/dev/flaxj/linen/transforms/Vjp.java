package dev.flaxj.linen.transforms;

import dev.flaxj.core.LiftVjp;
import dev.flaxj.linen.Module;
import dev.flaxj.linen.ModuleMethod;
import dev.flaxj.transform.partial.VjpOutput;
import java.util.List;

/**
 * {@code nn.vjp(fn, mdl, *primals, has_aux=, vjp_variables=, variables=, rngs=, multi_scope=)}: the
 * lifted {@code jax.vjp} of {@code fn(mdl, *primals)}, with respect to the primals and the
 * collections {@code vjpVariables} matches (default {@code "params"}). The VJP function maps an
 * output cotangent to {@code Tuple(variable cotangents, *primal cotangents)}; it is a pytree, so it
 * may be returned as the residuals of a {@link CustomVjp} forward rule. With {@code multiScope},
 * bound modules among the primals are lifted too and the variable cotangents are a list with one
 * entry per lifted scope (theirs first, {@code mdl}'s last); without it they are refused.
 */
public final class Vjp {
  private final LiftVjp core = LiftVjp.vjp();
  private boolean multiScope;

  private Vjp() {}

  public static Vjp vjp() {
    return new Vjp();
  }

  /** {@code fn} returns {@code (output, aux)}; only the output is differentiated. */
  public Vjp hasAux(boolean hasAux) {
    core.hasAux(hasAux);
    return this;
  }

  public Vjp vjpVariables(Object filter) {
    core.vjpVariables(filter);
    return this;
  }

  public Vjp variables(Object filter) {
    core.variables(filter);
    return this;
  }

  public Vjp rngs(Object filter) {
    core.rngs(filter);
    return this;
  }

  public Vjp multiScope(boolean multiScope) {
    this.multiScope = multiScope;
    return this;
  }

  /** Runs the lifted VJP of {@code fn(mdl, *primals)}. */
  public VjpOutput call(ModuleMethod fn, Module mdl, Object... primals) {
    return (VjpOutput) LinenLift.direct("vjp", fns -> (scopes, args) -> core.callTree(fns.get(0), scopes, args),
        List.of(fn), mdl, multiScope, primals);
  }
}
