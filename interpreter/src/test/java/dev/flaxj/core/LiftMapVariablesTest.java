package dev.flaxj.core;

import static dev.flaxj.core.LiftTesting.assertFloats;
import static dev.flaxj.core.LiftTesting.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaxj.array.Value;
import dev.flaxj.errors.ModifyScopeVariableError;
import dev.flaxj.errors.ScopeCollectionNotFound;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class LiftMapVariablesTest {
  private static final Value X = Jnp.divide(Jnp.reshape(Jnp.arange(5.0), 1, 5), 5f);
  private static final UnaryOperator<Object> TRIU = vs -> Trees.map((Value a) -> Jnp.triu(a), vs);
  private static final Map<String, Object> VARS = Map.of("params", Map.of("k", Jnp.ones(2, 2)),
      "state", Map.of("s", Jnp.ones(2)));

  private static UnaryOperator<Object> times(float f) {
    return vs -> Trees.map((Value a) -> Jnp.multiply(a, f), vs);
  }

  @Test
  void causalDenseInitRunsTwiceAndMasksAsFlax() {
    AtomicInteger calls = new AtomicInteger();
    ScopeFunction dense = (scope, a) -> {
      calls.incrementAndGet();
      return Jnp.matmul(a[0], scope.param("kernel", Initializers.lecunNormal(), 5, 5));
    };
    ScopeFunction initFn = (scope, a) -> LiftMapVariables.mapVariables("params").mapInFn(TRIU).init(true)
        .build(dense).apply(scope.push("dense"), a);
    Tuple r = Core.init(initFn).call(Random.key(0), X);
    // from flax 0.12.8: lift.map_variables(d5, 'params', triu-mask, init=True) in scope 'dense'
    assertEquals(2, calls.get(), "with init=True the function runs once to create, once mapped");
    assertFloats(at(r.get(1), "params", "dense", "kernel"), new int[] {5, 5}, 0.5208563804626465,
        0.14583739638328552, 0.21238960325717926, 0.6749691367149353, 0.6364073753356934, 0.0,
        0.43648096919059753, 0.1943034827709198, -0.4507465064525604, -0.2611289322376251, 0.0, 0.0,
        -0.5627439618110657, 0.3644390404224396, -0.12784691154956818, 0.0, 0.0, 0.0, -0.5817561149597168,
        -0.2512516975402832, 0.0, 0.0, 0.0, 0.0, 0.21937668323516846);
    double[] y = {0.0, 0.08729619532823563, -0.1862368881702423, -0.29342737793922424, -0.0786142349243164};
    assertFloats(r.get(0), new int[] {1, 5}, y);
    ScopeFunction applyFn = (scope, a) -> LiftMapVariables.mapVariables("params").mapInFn(TRIU).build(dense)
        .apply(scope.push("dense"), a);
    assertFloats(Core.apply(applyFn).call((Map<String, ?>) r.get(1), null, X), new int[] {1, 5}, y);
  }

  @Test
  void onlyTheMappedCollectionsAreTransformed() {
    ScopeFunction f = (scope, a) -> Jnp.add(Jnp.matmul(a[0], scope.getVariable("params", "k")),
        scope.getVariable("state", "s"));
    // from flax 0.12.8: doubling 'params' gives 5, doubling 'state' gives 4 (x = ones((1, 2)))
    assertFloats(Core.apply(LiftMapVariables.mapVariables("params").mapInFn(times(2)).build(f))
        .call(VARS, null, Jnp.ones(1, 2)), new int[] {1, 2}, 5, 5);
    assertFloats(Core.apply(LiftMapVariables.mapVariables("state").mapInFn(times(2)).build(f))
        .call(VARS, null, Jnp.ones(1, 2)), new int[] {1, 2}, 4, 4);
  }

  private static final ScopeFunction INCREMENT = (scope, a) -> {
    Object c = scope.getVariable("state", "count");
    scope.putVariable("state", "count", Jnp.add(c, 1f));
    return c;
  };

  @Test
  void mutableMappedCollectionsAreWrittenBackThroughTheOutFunction() {
    Map<String, Object> state = Map.of("state", Map.of("count", Jnp.array(1f)));
    Tuple r = (Tuple) Core.apply(LiftMapVariables.mapVariables("state").mapInFn(times(10)).mapOutFn(times(0.1f))
        .mutable(true).build(INCREMENT), "state").call(state, null);
    // from flax 0.12.8: the function sees 1 * 10 and writes 11, stored as 11 / 10
    assertFloats(r.get(0), new int[] {}, 10);
    assertFloats(at(r.get(1), "state", "count"), new int[] {}, 1.100000023841858);
    assertFloats(at(state, "state", "count"), new int[] {}, 1);
  }

  @Test
  void mappedCollectionsAreReadOnlyWithoutMutableOrInit() {
    Map<String, Object> state = Map.of("state", Map.of("count", Jnp.array(1f)));
    Object before = at(state, "state", "count");
    // from flax 0.12.8: ModifyScopeVariableError (collection "state" is immutable)
    assertThrows(ModifyScopeVariableError.class, () -> Core.apply(LiftMapVariables.mapVariables("state")
        .mapInFn(times(10)).mapOutFn(times(0.1f)).build(INCREMENT), "state").call(state, null));
    assertSame(before, at(state, "state", "count"));
    // from flax 0.12.8: without init=True, params cannot be created inside: ScopeCollectionNotFound
    ScopeFunction create = (scope, a) -> scope.param("kernel", Initializers.lecunNormal(), 5, 5);
    assertThrows(ScopeCollectionNotFound.class,
        () -> Core.init(LiftMapVariables.mapVariables("params").mapInFn(TRIU).build(create)).call(Random.key(0)));
  }

  @Test
  void rngsAndVariablesFiltersLimitWhatIsPassed() {
    Map<String, Value> rngs = Map.of("params", Random.key(1), "dropout", Random.key(2));
    ScopeFunction draw = (scope, a) -> Random.normal(scope.makeRng("dropout"), 2);
    // from flax 0.12.8: with rngs='params' make_rng('dropout') falls back to params
    assertFloats(Core.apply(LiftMapVariables.mapVariables("params").rngs("params").build(draw)).call(Map.of(), rngs),
        new int[] {2}, 1.6249592304229736, 0.30813068151474);
    assertFloats(Core.apply(LiftMapVariables.mapVariables("params").build(draw)).call(Map.of(), rngs),
        new int[] {2}, -0.2998703122138977, -0.040714625269174576);
    ScopeFunction readState = (scope, a) -> scope.variable("state", "s", null);
    assertFloats(Core.apply(LiftMapVariables.mapVariables("params").build(readState)).call(VARS, null),
        new int[] {2}, 1, 1);
    // from flax 0.12.8: variables='params' leaves 'state' out: ScopeCollectionNotFound
    assertThrows(ScopeCollectionNotFound.class, () -> Core.apply(LiftMapVariables.mapVariables("params")
        .variables("params").build(readState)).call(VARS, null));
  }
}
