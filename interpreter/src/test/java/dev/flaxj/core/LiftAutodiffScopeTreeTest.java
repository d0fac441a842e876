package dev.flaxj.core;

import static dev.flaxj.core.LiftTesting.assertFloats;
import static dev.flaxj.core.LiftTesting.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.jvp.JvpOutput;
import dev.flaxj.transform.partial.VjpOutput;
import dev.flaxj.tree.Tuple;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lifted jvp and vjp of a function of a scope tree (a list of two child scopes). */
class LiftAutodiffScopeTreeTest {
  /** {@code a.w * x + b.w * x * x} for the scopes {@code [a, b]}. */
  private static Object fn(Object scopes, Object... x) {
    Scope a = (Scope) ((List<?>) scopes).get(0);
    Scope b = (Scope) ((List<?>) scopes).get(1);
    return Jnp.add(Jnp.multiply(a.param("w", Initializers.ones()), x[0]),
        Jnp.multiply(Jnp.multiply(b.param("w", Initializers.ones()), x[0]), x[0]));
  }

  @Test
  void tangentsAndCotangentsFollowTheScopeTree() {
    Tuple r = (Tuple) Core.apply((scope, a) -> {
      List<Scope> scopes = List.of(scope.push("a"), scope.push("b"));
      JvpOutput jvp = LiftJvp.jvp().callTree(LiftAutodiffScopeTreeTest::fn, scopes, a,
          new Object[] {Jnp.zeros(3)}, List.of(Map.of("params", Map.of("w", Jnp.array(1f))),
              Map.of("params", Map.of("w", Jnp.array(10f)))));
      VjpOutput vjp = LiftVjp.vjp().callTree(LiftAutodiffScopeTreeTest::fn, scopes, a);
      return Tuple.of(jvp.primalOut(), jvp.tangentOut(), vjp.vjpFn().apply(Jnp.ones(3)));
    }).call(Map.of("params", Map.of("a", Map.of("w", Jnp.array(2f)), "b", Map.of("w", Jnp.array(3f)))), null,
        Jnp.arange(3.0));
    // from flax 0.12.8: lift.jvp(fn, [a, b], (x,), (zeros,), [{'params': {'w': 1.}}, {'params': {'w': 10.}}])
    assertFloats(r.get(0), new int[] {3}, 0, 5, 16);
    assertFloats(r.get(1), new int[] {3}, 0, 11, 42);
    // from flax 0.12.8: lift.vjp(fn, [a, b], x), bwd(ones): a list of variable cotangents, one per scope
    Tuple grads = (Tuple) r.get(2);
    List<?> perScope = (List<?>) grads.get(0);
    assertEquals(2, perScope.size());
    assertFloats(at(perScope.get(0), "params", "w"), new int[] {}, 3);
    assertFloats(at(perScope.get(1), "params", "w"), new int[] {}, 5);
    assertFloats(grads.get(1), new int[] {3}, 2, 8, 14);
  }
}
