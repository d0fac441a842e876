package dev.flaxj.core;

import static dev.flaxj.core.LiftTesting.assertFloats;
import static dev.flaxj.core.LiftTesting.at;

import dev.flaxj.array.Value;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.transform.Jax;
import dev.flaxj.tree.Tuple;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiftCheckpointTest {
  private static final Value X = Jnp.arange(3.0);

  private static Object f(Scope scope, Object... a) {
    Object w = scope.param("w", Initializers.normal(), 3);
    Object k = scope.push("dense").param("k", Initializers.normal(), 3);
    return Jnp.sin(Jnp.add(Jnp.multiply(a[0], w), k));
  }

  @Test
  void initCreatesTheSameParamsAsFlax() {
    Tuple r = Core.init(LiftCheckpoint.checkpoint().build(LiftCheckpointTest::f)).call(Random.key(0), X);
    // from flax 0.12.8: init(lift.checkpoint(f))(key(0), arange(3.))
    assertFloats(at(r.get(1), "params", "w"), new int[] {3}, 0.0007614249479956925, -0.01615745946764946,
        -0.016857724636793137);
    assertFloats(at(r.get(1), "params", "dense", "k"), new int[] {3}, 0.01097299437969923,
        0.0030093209352344275, 0.004389587789773941);
    assertFloats(r.get(0), new int[] {3}, 0.010972774587571621, -0.01314775925129652, -0.029321657493710518);
  }

  @Test
  void gradientThroughTheRematerialisedFunctionMatchesFlax() {
    ScopeFunction remat = LiftCheckpoint.checkpoint().build(LiftCheckpointTest::f);
    Map<String, Object> params = Map.of("w", Jnp.array(new float[] {0.0007614249479956925f,
        -0.01615745946764946f, -0.016857724636793137f}), "dense", Map.of("k", Jnp.array(new float[] {
        0.01097299437969923f, 0.0030093209352344275f, 0.004389587789773941f})));
    Object g = Jax.grad(a -> Jnp.sum((Value) Core.apply(remat).call(Map.of("params", a[0]), null, X)))
        .apply(params);
    // from flax 0.12.8: jax.grad(lambda p: apply(lift.checkpoint(f))({'params': p}, x).sum())
    assertFloats(at(g, "w"), new int[] {3}, 0.0, 0.9999135732650757, 1.9991400241851807);
    assertFloats(at(g, "dense", "k"), new int[] {3}, 0.9999397993087769, 0.9999135732650757,
        0.9995700120925903);
  }
}
