package dev.flaxj.core;

import static dev.flaxj.core.AutodiffFixtures.X;
import static dev.flaxj.core.LiftTesting.FLAX_DOC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaxj.errors.ScopeCollectionNotFound;
import dev.flaxj.numpy.Jnp;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Flax's debug paths: error messages name the lifted transforms a scope lives in. */
class DebugPathTest {
  /** {@code scope.child(scaled, 'Foo_0')(x, x)}. */
  private static Object inner(Scope scope, Object... a) {
    return AutodiffFixtures.scaled(scope.push("Foo_0"), a[0], a[0]);
  }

  private static String notFound(String var, String col, String path) {
    return "Tried to access \"" + var + "\" from collection \"" + col + "\" in \"" + path
        + "\" but the collection is empty." + FLAX_DOC + "ScopeCollectionNotFound)";
  }

  private static Map<String, Object> params(Object tree) {
    return Map.of("params", tree);
  }

  @Test
  void aTransformWrapsTheLastNameOfThePathAndChildrenFollow() {
    ScopeFunction vmapped = LiftVmap.vmap().inAxes(0).build(DebugPathTest::inner);
    ScopeCollectionNotFound e = assertThrows(ScopeCollectionNotFound.class, () -> Core.apply(
        (scope, a) -> vmapped.apply(scope.push("outer"), a))
        .call(params(Map.of("outer", Map.of("Foo_0", Map.of("test", Jnp.array(2f))))), null, Jnp.expandDims(X, 0)));
    // from flax 0.12.8: lift.vmap(inner, variable_axes={}, split_rngs={}) on scope 'outer'
    assertEquals(notFound("test", "params", "/vmap(outer)/Foo_0"), e.getMessage());
  }

  @Test
  void jitNamesItselfAroundTheScope() {
    ScopeFunction jitted = LiftJit.jit().build((scope, a) -> inner(scope, a[1]));
    ScopeCollectionNotFound e = assertThrows(ScopeCollectionNotFound.class, () -> Core.apply(
        (scope, a) -> jitted.apply(scope.push("outer"), 0, a[0]))
        .call(params(Map.of("outer", Map.of("Foo_0", Map.of("test", Jnp.array(2f))))), null, X));
    // from flax 0.12.8: lift.jit on scope 'outer'; the state collection is missing
    assertEquals(notFound("counter", "state", "/jit(outer)/Foo_0"), e.getMessage());
  }

  @Test
  void nestedTransformsNestTheirNamesAndARootGetsEmptyParentheses() {
    ScopeFunction vmapped = LiftVmap.vmap().build(DebugPathTest::inner);
    ScopeFunction remat = LiftCheckpoint.checkpoint().build(vmapped::apply);
    ScopeCollectionNotFound e = assertThrows(ScopeCollectionNotFound.class, () -> Core.apply(remat)
        .call(params(Map.of("Foo_0", Map.of("test", Jnp.array(2f)))), null, Jnp.expandDims(X, 0)));
    // from flax 0.12.8: lift.checkpoint(lambda sc, x: lift.vmap(inner, variable_axes={}, split_rngs={})(sc, x))
    assertEquals(notFound("test", "params", "/vmap(remat())/Foo_0"), e.getMessage());
  }

  @Test
  void theScopePathItselfStaysPlain() {
    AtomicReference<Scope> seen = new AtomicReference<>();
    ScopeFunction vmapped = LiftVmap.vmap().build((scope, a) -> {
      seen.set(scope.push("Foo_0"));
      return a[0];
    });
    Core.apply((scope, a) -> vmapped.apply(scope.push("outer"), a)).call(Map.of(), null, Jnp.expandDims(X, 0));
    assertEquals(List.of("outer", "Foo_0"), seen.get().path());
    assertEquals(List.of("vmap(outer)", "Foo_0"), seen.get().debugPath());
  }
}
