package dev.flaxj.core;

import static dev.flaxj.core.LiftControlTesting.assertWeakInt;
import static dev.flaxj.core.LiftControlTesting.dense;
import static dev.flaxj.core.LiftTesting.assertFloats;
import static dev.flaxj.core.LiftTesting.assertFloatsWithinUlps;
import static dev.flaxj.core.LiftTesting.at;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Value;
import dev.flaxj.errors.InvalidRngError;
import dev.flaxj.errors.ModifyScopeVariableError;
import dev.flaxj.errors.ScopeCollectionNotFound;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.transform.control.ControlFlowTypeError;
import dev.flaxj.tree.Tuple;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiftWhileLoopTest {
  private static final Value X = Jnp.ones(2, 2);

  private static final ScopeFunction COND = (scope, a) -> Jnp.less(scope.getVariable("state", "acc"), 10);

  private static final ScopeFunction BODY = (scope, a) -> {
    Object acc = scope.variable("state", "acc", args -> Jnp.array(0));
    scope.putVariable("state", "acc", Jnp.add(acc, 1));
    return dense(scope.push("Dense_0", true), a[0], 2);
  };

  /** The seed example #13 at the core level: the body once on init, the loop on apply. */
  private static final ScopeFunction EXAMPLE = (scope, a) -> scope.isMutableCollection("params")
      ? BODY.apply(scope, a[0])
      : LiftWhileLoop.whileLoop().carryVariables("state").apply(COND, BODY, scope, a[0]);

  private static Map<String, ?> initialVariables() {
    return (Map<String, ?>) Core.init(EXAMPLE).call(Random.key(0), X).get(1);
  }

  @Test
  void carriedStateCountsTheIterationsAsFlax() {
    Map<String, ?> variables = initialVariables();
    // from flax 0.12.8 (init: the body once)
    assertFloats(at(variables, "params", "Dense_0", "kernel"), new int[] {2, 2}, -1.1679985523223877,
        0.5335484147071838, -0.9742164611816406, -0.6024712324142456);
    Object acc = at(variables, "state", "acc");
    Tuple r = (Tuple) Core.apply(EXAMPLE, List.of("state")).call(variables, null, X);
    // from flax 0.12.8: apply(..., mutable=['state']) runs 9 iterations, acc = 10 (weak int32)
    assertWeakInt(at(r.get(1), "state", "acc"), 10);
    assertFloatsWithinUlps(r.get(0), new int[] {2, 2}, 2, 0.057875391095876694, -3.6322131156921387,
        0.057875391095876694, -3.6322131156921387);
    assertSame(acc, at(variables, "state", "acc"));
  }

  @Test
  void withoutCarryVariablesTheStateIsReadOnly() {
    Map<String, ?> variables = initialVariables();
    // from flax 0.12.8: ModifyScopeVariableError (collection "state" is immutable)
    assertThrows(ModifyScopeVariableError.class, () -> Core.apply((scope, a) -> LiftWhileLoop.whileLoop()
        .apply(COND, BODY, scope, a[0]), List.of("state")).call(variables, null, X));
  }

  @Test
  void withoutBroadcastVariablesTheParamsAreNotSeen() {
    Map<String, ?> variables = initialVariables();
    // from flax 0.12.8: ScopeCollectionNotFound for "kernel" in "params"
    assertThrows(ScopeCollectionNotFound.class, () -> Core.apply((scope, a) -> LiftWhileLoop.whileLoop()
        .carryVariables("state").broadcastVariables(false).apply(COND, BODY, scope, a[0]), List.of("state"))
        .call(variables, null, X));
  }

  @Test
  void initialisingInsideTheBodyFails() {
    ScopeFunction loopOnInit = (scope, a) -> {
      scope.variable("state", "acc", args -> Jnp.array(0));
      return LiftWhileLoop.whileLoop().carryVariables("state").apply(COND, BODY, scope, a[0]);
    };
    // from flax 0.12.8: params are broadcast (read-only) and empty: ScopeCollectionNotFound
    assertThrows(ScopeCollectionNotFound.class, () -> Core.init(loopOnInit).call(Random.key(0), X));
    ScopeFunction carryParams = (scope, a) -> {
      scope.variable("state", "acc", args -> Jnp.array(0));
      return LiftWhileLoop.whileLoop().carryVariables(List.of("state", "params")).apply(COND, BODY, scope, a[0]);
    };
    // from flax 0.12.8: no RNG stream is lifted unless split_rngs names it: InvalidRngError
    assertThrows(InvalidRngError.class, () -> Core.init(carryParams).call(Random.key(0), X));
    ScopeFunction carryParamsWithRng = (scope, a) -> {
      scope.variable("state", "acc", args -> Jnp.array(0));
      return LiftWhileLoop.whileLoop().carryVariables(List.of("state", "params")).splitRngs("params", false)
          .apply(COND, BODY, scope, a[0]);
    };
    // from flax 0.12.8: TypeError "while_loop body function carry input and carry output must have the same
    // pytree structure" (the params collection gains entries)
    ControlFlowTypeError e = assertThrows(ControlFlowTypeError.class,
        () -> Core.init(carryParamsWithRng).call(Random.key(0), X));
    assertTrue(e.getMessage().contains("carry input and carry output must have the same pytree structure"),
        e.getMessage());
  }

  private static final ScopeFunction FEW = (scope, a) -> Jnp.less(((Tuple) a[0]).get(0), 3);
  private static final ScopeFunction NOISY = (scope, a) -> {
    Tuple c = (Tuple) a[0];
    return Tuple.of(Jnp.add(c.get(0), 1), Jnp.add(c.get(1), Random.normal(scope.makeRng("noise"), 2)));
  };

  private static Object noisyLoop(LiftWhileLoop loop, ScopeFunction cond) {
    return ((Tuple) Core.apply((scope, a) -> loop.apply(cond, NOISY, scope, Tuple.of(0, Jnp.zeros(2))))
        .call(Map.of(), Map.of("noise", Random.key(3)))).get(1);
  }

  @Test
  void splitRngsFoldTheIterationIntoTheKeyAsFlax() {
    // from flax 0.12.8: split_rngs={'noise': False} adds the same noise three times, {'noise': True} not
    assertFloats(noisyLoop(LiftWhileLoop.whileLoop().splitRngs("noise", false), FEW), new int[] {2},
        -0.7071093320846558, -1.0771582126617432);
    assertFloats(noisyLoop(LiftWhileLoop.whileLoop().splitRngs("noise", true), FEW), new int[] {2},
        -0.5861644744873047, 1.6537997722625732);
    // from flax 0.12.8: a stream not named in split_rngs is not lifted at all
    assertThrows(InvalidRngError.class, () -> noisyLoop(LiftWhileLoop.whileLoop(), FEW));
    // (XLA compiled Flax's loop: last-bit differences allowed)
    // from flax 0.12.8: the condition draws from fold_in(key, -i) and advances the shared counter first
    ScopeFunction noisyCond = (scope, a) -> Jnp.logicalAnd(Jnp.less(((Tuple) a[0]).get(0), 3),
        Jnp.less(Random.uniform(scope.makeRng("noise")), 2f));
    assertFloatsWithinUlps(noisyLoop(LiftWhileLoop.whileLoop().splitRngs("noise", true), noisyCond), new int[] {2},
        2, -2.573115110397339, -0.845906674861908);
  }

  @Test
  void theConditionCannotWrite() {
    ScopeFunction writingCond = (scope, a) -> {
      scope.putVariable("state", "acc", Jnp.array(0));
      return FEW.apply(scope, a);
    };
    // from flax 0.12.8: ModifyScopeVariableError — cond_fn's scope is immutable
    assertThrows(ModifyScopeVariableError.class, () -> Core.apply((scope, a) -> LiftWhileLoop.whileLoop()
        .carryVariables("state").splitRngs("noise", false).apply(writingCond, NOISY, scope, Tuple.of(0, Jnp.zeros(2))),
        "state").call(Map.of("state", Map.of("acc", Jnp.array(0))), Map.of("noise", Random.key(3))));
  }
}
