package dev.flaxj.core;

import dev.flaxj.array.Value;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import java.util.LinkedHashMap;
import java.util.Map;

/** Functions of a scope and inputs shared by the tests of the lifted autodiff transforms. */
final class AutodiffFixtures {
  private AutodiffFixtures() {}

  static final Value X = Jnp.arange(3.0);
  static final Value Y = Jnp.add(X, 1.0);

  /** {@code p * x * y * counter} with param {@code test} (zeros) and state {@code counter} (1.0). */
  static Object scaled(Scope scope, Object... a) {
    Object p = scope.param("test", Initializers.zeros());
    Object c = scope.variable("state", "counter", i -> Jnp.array(1f));
    return Jnp.multiply(Jnp.multiply(Jnp.multiply(p, a[0]), a[1]), c);
  }

  /** {@code {'params': {'test': 2.}, 'state': {'counter': 3.}}}, the variables the tests apply. */
  static Map<String, Object> variables() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("params", new LinkedHashMap<>(Map.of("test", Jnp.array(2f))));
    v.put("state", new LinkedHashMap<>(Map.of("counter", Jnp.array(3f))));
    return v;
  }

  /** {@code x * uniform(make_rng('dropout'), x.shape)}. */
  static Object noisy(Scope scope, Object... a) {
    Value x = (Value) a[0];
    return Jnp.multiply(x, Random.uniform(scope.makeRng("dropout"), x.shape().dims()));
  }

  /** Streams {@code dropout: key(1)} and {@code params: key(2)}. */
  static Map<String, Object> rngs() {
    return Map.of("dropout", Random.key(1), "params", Random.key(2));
  }
}
