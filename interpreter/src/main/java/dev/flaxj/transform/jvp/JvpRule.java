package dev.flaxj.transform.jvp;

import dev.flaxj.array.Value;
import dev.flaxj.lax.Params;
import java.util.List;

/**
 * The forward-mode rule of one primitive: from primal inputs and their tangents (each possibly a
 * symbolic {@link Zero}) to primal outputs and their tangents. Rules compute with ordinary
 * {@code Lax}/{@code Jnp} calls, so they nest under other transformations.
 */
@FunctionalInterface
public interface JvpRule {
  JvpResult apply(List<Value> primals, List<Value> tangents, Params params);
}
