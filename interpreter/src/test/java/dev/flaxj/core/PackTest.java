package dev.flaxj.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Pack} over trees of scopes: grouping, deduplication, inner scopes, repack and publish. */
class PackTest {
  private static Scope root() {
    Map<String, Object> params = Map.of("w", Jnp.ones(2), "child", Map.of("v", Jnp.zeros(3)));
    return Core.bind(Map.of("params", params, "state", Map.of("n", Jnp.ones())), Map.of("params", Random.key(0)),
        true, Map.of());
  }

  @Test
  void groupsAreTuplesOverTheDeduplicatedScopes() {
    Scope parent = root();
    Scope child = parent.push("child");
    Scope other = Core.bind(Map.of("params", Map.of("u", Jnp.ones(1))), null, true, Map.of());
    List<Object> seen = new ArrayList<>();
    ScopeTreeFunction f = Pack.pack("test", (pack, vars, rngs, args) -> {
      seen.addAll(vars);
      seen.addAll(rngs);
      assertEquals(2, pack.scopeCount());
      Object inner = pack.innerScopes(vars, rngs);
      List<?> scopes = (List<?>) inner;
      Scope innerChild = (Scope) scopes.get(1);
      assertSame(scopes.get(0), innerChild.parent(), "the child is pushed under the packed parent");
      assertEquals(List.of("child"), innerChild.path());
      assertEquals(Jnp.zeros(3).shape(), ((dev.flaxj.array.Value) innerChild.getVariable("params", "v")).shape());
      innerChild.putVariable("params", "v2", Jnp.ones(1));
      return Tuple.of(null, pack.repack(inner));
    }, List.of("params", "state"), List.of("params", "state"), List.of(true));
    f.apply(List.of(parent, child, other));
    // filters x scopes: params, state, then the rng group; each a tuple over (parent, other)
    Tuple params = (Tuple) seen.get(0);
    Tuple state = (Tuple) seen.get(1);
    Tuple rngs = (Tuple) seen.get(2);
    assertEquals(2, params.items().size());
    assertEquals(Map.of("u", Jnp.ones(1)).keySet(), ((Map<?, ?>) ((Map<?, ?>) params.get(1)).get("params")).keySet());
    assertTrue(((Map<?, ?>) state.get(1)).isEmpty());
    assertEquals(List.of("params"), List.copyOf(((Map<?, ?>) rngs.get(0)).keySet()));
    assertTrue(child.hasVariable("params", "v2"), "published into the outer child through its parent");
  }

  @Test
  void innerScopesWriteOnlyWhatTheOutputFiltersLift() {
    Scope s = root();
    Pack.pack("test", (pack, vars, rngs, a) -> {
      Scope inner = pack.innerScope(vars, rngs);
      inner.putVariable("state", "n", Jnp.zeros());
      return Tuple.of(null, pack.repack(inner));
    }, List.of(true), List.of("params", "state"), List.of()).apply(s);
    assertEquals(0f, ((dev.flaxj.array.Array) s.getVariable("state", "n")).rawFloats()[0], "published");

    Scope t = root();
    assertThrows(dev.flaxj.errors.ModifyScopeVariableError.class, () -> Pack.pack("test", (pack, vars, rngs, a) -> {
      Scope inner = pack.innerScope(vars, rngs);
      inner.putVariable("state", "n", Jnp.zeros());
      return Tuple.of(null, pack.repack(inner));
    }, List.of(true), List.of("params"), List.of()).apply(t));
    assertEquals(1f, ((dev.flaxj.array.Array) t.getVariable("state", "n")).rawFloats()[0], "outer unchanged");
  }
}
