package dev.flaxj.core;

import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.jvp.Jvp;
import dev.flaxj.transform.jvp.JvpOutput;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flax's lifted {@code jvp} ({@code flax.core.lift.jvp}): {@code jax.jvp} of a function of a scope
 * along tangents of its arguments and of variables. {@code variableTangents} (for one scope a map
 * collection -> tangents; for a scope tree a tree of such maps) gives the tangents of the
 * collections it names, which must match those collections' structure; empty collections in it
 * are dropped, and the collections it does not name have zero tangents. The other collections
 * {@code variables} matches and the RNG streams {@code rngs} matches are available inside, not
 * differentiated. No tangents are returned for variables.
 */
public final class LiftJvp {
  private Object variables = true;
  private Object rngs = true;

  private LiftJvp() {}

  public static LiftJvp jvp() {
    return new LiftJvp();
  }

  public LiftJvp variables(Object filter) {
    variables = filter;
    return this;
  }

  public LiftJvp rngs(Object filter) {
    rngs = filter;
    return this;
  }

  /**
   * {@code lift.jvp(fn, scope, primals, tangents, variable_tangents)}: the output and its tangent
   * ({@link JvpOutput#aux()} is null).
   */
  public JvpOutput call(ScopeFunction fn, Scope scope, Object[] primals, Object[] tangents,
      Map<String, ?> variableTangents) {
    return callTree(ScopeTreeFunction.of(fn), scope, primals, tangents, variableTangents);
  }

  /** {@code lift.jvp(fn, scope_tree, primals, tangents, variable_tangents)}. */
  public JvpOutput callTree(ScopeTreeFunction fn, Object scopes, Object[] primals, Object[] tangents,
      Object variableTangents) {
    List<Map<String, Object>> perScope = new ArrayList<>();
    for (Object vt : Trees.structure(scopes).flattenUpTo(variableTangents)) {
      Map<String, Object> nonEmpty = new LinkedHashMap<>();
      ((Map<?, ?>) vt).forEach((col, t) -> {
        if (t != null && !(t instanceof Map<?, ?> m && m.isEmpty())) {
          nonEmpty.put((String) col, t);
        }
      });
      perScope.add(nonEmpty);
    }
    Tuple varTangents = new Tuple(new ArrayList<>(perScope));
    List<String> target = new ArrayList<>(perScope.get(0).keySet());
    Pack.Body body = (pack, variableGroups, rngGroups, args) -> {
      Object others = variableGroups.get(1);
      TreeFunction wrapper = a -> {
        Object[] fnArgs = ((Tuple) a[1]).items().toArray();
        LiftedCall c = LiftedCall.run(pack, fn, List.of(a[0], others), rngGroups, fnArgs, false);
        return Tuple.of(c.y(), c.outGroups());
      };
      JvpOutput out = Jvp.jvp(wrapper, new Object[] {variableGroups.get(0), Tuple.of(args)},
          new Object[] {varTangents, Tuple.of(tangents)});
      Tuple primalOut = (Tuple) out.primalOut();
      Object yTangent = ((Tuple) out.tangentOut()).get(0);
      return Tuple.of(new JvpOutput(primalOut.get(0), yTangent, null), primalOut.get(1));
    };
    return (JvpOutput) Pack.pack("jvp", body, List.of(target, variables), List.of(variables), List.of(rngs))
        .apply(scopes, primals);
  }
}
