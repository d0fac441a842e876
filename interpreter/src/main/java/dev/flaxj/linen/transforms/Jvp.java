package dev.flaxj.linen.transforms;

import dev.flaxj.core.LiftJvp;
import dev.flaxj.linen.Module;
import dev.flaxj.linen.ModuleMethod;
import dev.flaxj.transform.jvp.JvpOutput;
import java.util.List;
import java.util.Map;

/**
 * {@code nn.jvp(fn, mdl, primals, tangents, variable_tangents, variables=, rngs=)}: the lifted
 * {@code jax.jvp} of {@code fn(mdl, *primals)} along {@code tangents} and the variable tangents
 * (collection -> tangents of that collection of {@code mdl}; the collections not named have zero
 * tangents). Only {@code mdl}'s own scope is lifted: bound modules among the primals are refused.
 */
public final class Jvp {
  private final LiftJvp core = LiftJvp.jvp();

  private Jvp() {}

  public static Jvp jvp() {
    return new Jvp();
  }

  public Jvp variables(Object filter) {
    core.variables(filter);
    return this;
  }

  public Jvp rngs(Object filter) {
    core.rngs(filter);
    return this;
  }

  /** The output of {@code fn(mdl, *primals)} and its tangent ({@link JvpOutput#aux()} is null). */
  public JvpOutput call(ModuleMethod fn, Module mdl, Object[] primals, Object[] tangents,
      Map<String, ?> variableTangents) {
    return (JvpOutput) LinenLift.direct("jvp", fns -> (scopes, args) -> core.callTree(fns.get(0), scopes,
        (Object[]) args[0], (Object[]) args[1], args[2]), List.of(fn), mdl, false, primals, tangents,
        variableTangents);
  }
}
