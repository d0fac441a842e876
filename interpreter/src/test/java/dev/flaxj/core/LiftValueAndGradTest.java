package dev.flaxj.core;

import static dev.flaxj.core.AutodiffFixtures.X;
import static dev.flaxj.core.AutodiffFixtures.Y;
import static dev.flaxj.core.AutodiffFixtures.variables;
import static dev.flaxj.core.LiftTesting.FLAX_DOC;
import static dev.flaxj.core.LiftTesting.assertFloats;
import static dev.flaxj.core.LiftTesting.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaxj.errors.InvalidRngError;
import dev.flaxj.errors.ScopeCollectionNotFound;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.tree.Tuple;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiftValueAndGradTest {
  private static final int[] V3 = {3};
  private static final int[] SCALAR = {};

  private static Tuple applyValueAndGrad(LiftValueAndGrad vg, Object... args) {
    return (Tuple) Core.apply((scope, a) -> vg.call(AutodiffFixtures::scaled, scope, a))
        .call(variables(), null, args);
  }

  @Test
  void gradientsOfTheArgumentsOnly() {
    Map<String, Object> vars = variables();
    Tuple r = (Tuple) Core.apply((scope, a) -> LiftValueAndGrad.valueAndGrad()
        .call(AutodiffFixtures::scaled, scope, a)).call(vars, null, Jnp.array(3f), Jnp.array(4f));
    // from flax 0.12.8: lift.value_and_grad(scaled, scope, 3., 4.)
    assertFloats(r.get(0), SCALAR, 72);
    assertFloats(((Tuple) r.get(1)).get(0), SCALAR, 24);
    assertFloats(((Tuple) r.get(1)).get(1), SCALAR, 18);
    assertEquals(2, r.size());
    assertEquals(variables().toString(), vars.toString(), "inputs are not mutated");
  }

  @Test
  void aVectorOutputIsPulledBackWithOnesAsInFlaxsCore() {
    Tuple r = applyValueAndGrad(LiftValueAndGrad.valueAndGrad(), X, Y);
    // from flax 0.12.8: the core function does not check for a scalar output
    assertFloats(r.get(0), V3, 0, 12, 36);
    assertFloats(((Tuple) r.get(1)).get(0), V3, 6, 12, 18);
    assertFloats(((Tuple) r.get(1)).get(1), V3, 0, 6, 12);
  }

  @Test
  void hasAuxPutsTheAuxiliaryDataBetweenValueAndGrads() {
    Tuple r = (Tuple) Core.apply((scope, a) -> LiftValueAndGrad.valueAndGrad().hasAux(true).call((s, b) ->
        Tuple.of(AutodiffFixtures.scaled(s, b), Map.of("aux", Jnp.multiply(b[0], 10.0))), scope, a))
        .call(variables(), null, X, Y);
    // from flax 0.12.8: (y, aux, grads)
    assertEquals(3, r.size());
    assertFloats(r.get(0), V3, 0, 12, 36);
    assertFloats(at(r.get(1), "aux"), V3, 0, 10, 20);
    assertFloats(((Tuple) r.get(2)).get(1), V3, 0, 6, 12);
  }

  @Test
  void variablesLimitsWhatTheFunctionSees() {
    ScopeCollectionNotFound state = assertThrows(ScopeCollectionNotFound.class,
        () -> applyValueAndGrad(LiftValueAndGrad.valueAndGrad().variables("params"), X, Y));
    // from flax 0.12.8
    assertEquals("Tried to access \"counter\" from collection \"state\" in \"/value_and_grad()\" but the "
        + "collection is empty." + FLAX_DOC + "ScopeCollectionNotFound)", state.getMessage());
    ScopeCollectionNotFound params = assertThrows(ScopeCollectionNotFound.class,
        () -> applyValueAndGrad(LiftValueAndGrad.valueAndGrad().variables(false), X, Y));
    // from flax 0.12.8
    assertEquals("Tried to access \"test\" from collection \"params\" in \"/value_and_grad()\" but the "
        + "collection is empty." + FLAX_DOC + "ScopeCollectionNotFound)", params.getMessage());
  }

  @Test
  void rngsChoosesTheLiftedStreams() {
    ScopeFunction f = (scope, a) -> ((LiftValueAndGrad) a[1]).call(AutodiffFixtures::noisy, scope, a[0]);
    Tuple all = (Tuple) Core.apply(f).call(variables(), AutodiffFixtures.rngs(), X,
        LiftValueAndGrad.valueAndGrad());
    // from flax 0.12.8: rngs={'dropout': key(1), 'params': key(2)}
    assertFloats(all.get(0), V3, 0, 0.6210085, 1.9033585);
    assertFloats(((Tuple) all.get(1)).get(0), V3, 0.94791436, 0.6210085, 0.9516792);
    Tuple params = (Tuple) Core.apply(f).call(variables(), AutodiffFixtures.rngs(), X,
        LiftValueAndGrad.valueAndGrad().rngs("params"));
    // from flax 0.12.8: rngs='params'
    assertFloats(params.get(0), V3, 0, 0.48376167, 0.020154);
    assertFloats(((Tuple) params.get(1)).get(0), V3, 0.382138, 0.48376167, 0.010077);
    InvalidRngError e = assertThrows(InvalidRngError.class, () -> Core.apply(f).call(variables(),
        AutodiffFixtures.rngs(), X, LiftValueAndGrad.valueAndGrad().rngs(false)));
    // from flax 0.12.8
    assertEquals("None needs PRNG for \"dropout\"" + FLAX_DOC + "InvalidRngError)", e.getMessage());
  }

  @Test
  void initCreatesVariablesInside() {
    Tuple r = Core.init((scope, a) -> LiftValueAndGrad.valueAndGrad().call(AutodiffFixtures::scaled, scope, a))
        .call(Random.key(0), X, Y);
    // from flax 0.12.8
    assertFloats(((Tuple) r.get(0)).get(0), V3, 0, 0, 0);
    assertFloats(at(r.get(1), "params", "test"), SCALAR, 0);
    assertFloats(at(r.get(1), "state", "counter"), SCALAR, 1);
  }
}
