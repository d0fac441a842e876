package dev.flaxj.core;

import static dev.flaxj.core.AutodiffFixtures.X;
import static dev.flaxj.core.AutodiffFixtures.Y;
import static dev.flaxj.core.AutodiffFixtures.variables;
import static dev.flaxj.core.LiftTesting.FLAX_DOC;
import static dev.flaxj.core.LiftTesting.assertFloats;
import static dev.flaxj.core.LiftTesting.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaxj.array.Value;
import dev.flaxj.errors.InvalidRngError;
import dev.flaxj.errors.ScopeCollectionNotFound;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.transform.jvp.JvpOutput;
import dev.flaxj.tree.Tuple;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiftJvpTest {
  private static final int[] V3 = {3};
  private static final Object[] TANGENTS = {Jnp.ones(3), Jnp.zeros(3)};

  /** {@code lift.jvp(scaled, scope, (x, y), (ones, zeros), variable_tangents)} under apply. */
  private static JvpOutput applyJvp(LiftJvp jvp, Map<String, ?> variableTangents) {
    return (JvpOutput) Core.apply((scope, a) -> jvp.call(AutodiffFixtures::scaled, scope,
        new Object[] {X, Y}, TANGENTS, variableTangents)).call(variables(), null);
  }

  private static Map<String, Object> paramsTangent() {
    return Map.of("params", Map.of("test", Jnp.array(1f)));
  }

  @Test
  void tangentsOfArgumentsAndVariables() {
    Map<String, Object> vars = variables();
    JvpOutput out = (JvpOutput) Core.apply((scope, a) -> LiftJvp.jvp().call(AutodiffFixtures::scaled,
        scope, new Object[] {X, Y}, TANGENTS, paramsTangent())).call(vars, null);
    // from flax 0.12.8: lift.jvp(scaled, scope, (x, y), (ones, zeros), {'params': {'test': 1.}})
    assertFloats(out.primalOut(), V3, 0, 12, 36);
    assertFloats(out.tangentOut(), V3, 6, 18, 36);
    assertNull(out.aux());
    assertEquals(variables().toString(), vars.toString(), "inputs are not mutated");
  }

  @Test
  void variableTangentsNameTheCollectionsDifferentiatedAndEmptyOnesAreDropped() {
    Map<String, Object> withEmpty = new LinkedHashMap<>(paramsTangent());
    withEmpty.put("state", Map.of());
    // from flax 0.12.8: an empty 'state' entry changes nothing
    assertFloats(applyJvp(LiftJvp.jvp(), withEmpty).tangentOut(), V3, 6, 18, 36);
    Map<String, Object> stateOnly = new LinkedHashMap<>();
    stateOnly.put("params", Map.of());
    stateOnly.put("state", Map.of("counter", Jnp.array(1f)));
    // from flax 0.12.8: {'params': {}, 'state': {'counter': 1.}}
    assertFloats(applyJvp(LiftJvp.jvp(), stateOnly).tangentOut(), V3, 6, 16, 30);
    // from flax 0.12.8: no variable tangents at all
    assertFloats(applyJvp(LiftJvp.jvp(), Map.of()).tangentOut(), V3, 6, 12, 18);
  }

  @Test
  void variableTangentsMustMatchTheLiftedCollections() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Core.init((scope, a) -> LiftJvp.jvp().call(AutodiffFixtures::scaled, scope, a, TANGENTS,
            paramsTangent())).call(Random.key(0), X, Y));
    // from flax 0.12.8: at init the params collection does not exist yet
    assertEquals("primal and tangent arguments to jax.jvp must have the same tree structure; primals "
        + "have tree structure PyTreeDef((({},), (*, *))) whereas tangents have tree structure "
        + "PyTreeDef((({'params': {'test': *}},), (*, *))).", e.getMessage());
  }

  @Test
  void variablesLimitsWhatTheFunctionSees() {
    ScopeCollectionNotFound e = assertThrows(ScopeCollectionNotFound.class,
        () -> applyJvp(LiftJvp.jvp().variables("params"), paramsTangent()));
    // from flax 0.12.8
    assertEquals("Tried to access \"counter\" from collection \"state\" in \"/jvp()\" but the collection is "
        + "empty." + FLAX_DOC + "ScopeCollectionNotFound)", e.getMessage());
  }

  @Test
  void rngsChoosesTheLiftedStreams() {
    ScopeFunction noisyScaled = (scope, a) -> Jnp.multiply(AutodiffFixtures.noisy(scope, a),
        scope.param("test", Initializers.zeros()));
    ScopeFunction f = (scope, a) -> ((LiftJvp) a[1]).call(noisyScaled, scope, new Object[] {a[0]},
        new Object[] {Jnp.ones(3)}, paramsTangent());
    JvpOutput all = (JvpOutput) Core.apply(f).call(variables(), AutodiffFixtures.rngs(), X, LiftJvp.jvp());
    // from flax 0.12.8: rngs={'dropout': key(1), 'params': key(2)}
    assertFloats(all.primalOut(), V3, 0, 1.242017, 3.806717);
    assertFloats(all.tangentOut(), V3, 1.8958287, 1.8630255, 3.806717);
    JvpOutput params = (JvpOutput) Core.apply(f).call(variables(), AutodiffFixtures.rngs(), X,
        LiftJvp.jvp().rngs("params"));
    // from flax 0.12.8: rngs='params'
    assertFloats(params.primalOut(), V3, 0, 0.96752334, 0.040308);
    assertFloats(params.tangentOut(), V3, 0.764276, 1.451285, 0.040308);
    InvalidRngError e = assertThrows(InvalidRngError.class, () -> Core.apply(f).call(variables(),
        AutodiffFixtures.rngs(), X, LiftJvp.jvp().rngs(false)));
    // from flax 0.12.8
    assertEquals("None needs PRNG for \"dropout\"" + FLAX_DOC + "InvalidRngError)", e.getMessage());
  }

  @Test
  void docstringExampleOfTheFunctionalCore() {
    ScopeFunction learnScale = (scope, a) -> Jnp.multiply(scope.param("scale", Initializers.zeros()), a[0]);
    ScopeFunction f = (scope, a) -> {
      Object params = scope.variables().getOrDefault("params", Map.of());
      Object varsT = dev.flaxj.tree.Trees.map((Value v) -> Jnp.onesLike(v), params);
      return LiftJvp.jvp().call(learnScale, scope, new Object[] {a[0]},
          new Object[] {Jnp.zerosLike((Value) a[0])}, Map.of("params", varsT)).tangentOut();
    };
    Tuple init = Core.init(f).call(Random.key(0), X);
    // from flax 0.12.8: init(f)(key(0), arange(3.)), apply(f)({'params': {'scale': 2.}}, arange(3.))
    assertFloats(init.get(0), V3, 0, 0, 0);
    assertFloats(at(init.get(1), "params", "scale"), new int[] {}, 0);
    assertFloats(Core.apply(f).call(Map.of("params", Map.of("scale", Jnp.array(2f))), null, X), V3, 0, 1, 2);
  }
}
