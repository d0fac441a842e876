package dev.flaxj.core;

import static dev.flaxj.core.AutodiffFixtures.X;
import static dev.flaxj.core.AutodiffFixtures.Y;
import static dev.flaxj.core.AutodiffFixtures.variables;
import static dev.flaxj.core.LiftTesting.FLAX_DOC;
import static dev.flaxj.core.LiftTesting.assertFloats;
import static dev.flaxj.core.LiftTesting.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaxj.array.Value;
import dev.flaxj.errors.InvalidRngError;
import dev.flaxj.errors.ModifyScopeVariableError;
import dev.flaxj.errors.ScopeCollectionNotFound;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.transform.Jax;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.partial.VjpOutput;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiftVjpTest {
  private static final int[] V3 = {3};
  private static final int[] SCALAR = {};

  /** {@code z, bwd = lift.vjp(scaled, scope, x, y, ...); return z, bwd(ct)} under apply(variables). */
  private static Tuple applyVjp(LiftVjp vjp, Value ct) {
    return (Tuple) Core.apply((scope, a) -> {
      VjpOutput out = vjp.call(AutodiffFixtures::scaled, scope, a);
      return Tuple.of(out.primalOut(), out.vjpFn().apply(ct));
    }).call(variables(), null, X, Y);
  }

  @Test
  void differentiatesParamsAndArgumentsByDefault() {
    Map<String, Object> vars = variables();
    Tuple r = (Tuple) Core.apply((scope, a) -> {
      VjpOutput out = LiftVjp.vjp().call(AutodiffFixtures::scaled, scope, a);
      assertNull(out.aux());
      return Tuple.of(out.primalOut(), out.vjpFn().apply(Jnp.array(new float[] {1, 2, 3})));
    }).call(vars, null, X, Y);
    // from flax 0.12.8: lift.vjp(scaled, scope, x, y), bwd([1., 2., 3.])
    assertFloats(r.get(0), V3, 0, 12, 36);
    Tuple grads = (Tuple) r.get(1);
    assertEquals(List.of("params"), List.copyOf(((Map<?, ?>) grads.get(0)).keySet()));
    assertFloats(at(grads.get(0), "params", "test"), SCALAR, 66);
    assertFloats(grads.get(1), V3, 6, 24, 54);
    assertFloats(grads.get(2), V3, 0, 12, 36);
    assertEquals(variables().toString(), vars.toString(), "inputs are not mutated");
  }

  @Test
  void vjpVariablesChoosesTheCollectionsThatGetCotangents() {
    Value ones = Jnp.ones(3);
    // from flax 0.12.8: vjp_variables='state'
    Tuple state = (Tuple) applyVjp(LiftVjp.vjp().vjpVariables("state"), ones).get(1);
    assertEquals(List.of("state"), List.copyOf(((Map<?, ?>) state.get(0)).keySet()));
    assertFloats(at(state.get(0), "state", "counter"), SCALAR, 16);
    // from flax 0.12.8: vjp_variables=['params', 'state']
    Tuple both = (Tuple) applyVjp(LiftVjp.vjp().vjpVariables(List.of("params", "state")), ones).get(1);
    assertFloats(at(both.get(0), "params", "test"), SCALAR, 24);
    assertFloats(at(both.get(0), "state", "counter"), SCALAR, 16);
    assertFloats(both.get(1), V3, 6, 12, 18);
    // from flax 0.12.8: vjp_variables=False gives {}
    Tuple none = (Tuple) applyVjp(LiftVjp.vjp().vjpVariables(false), ones).get(1);
    assertEquals(Map.of(), none.get(0));
  }

  @Test
  void variablesLimitsWhatTheFunctionSees() {
    ScopeCollectionNotFound e = assertThrows(ScopeCollectionNotFound.class,
        () -> applyVjp(LiftVjp.vjp().variables("params"), Jnp.ones(3)));
    // from flax 0.12.8
    assertEquals("Tried to access \"counter\" from collection \"state\" in \"/vjp()\" but the collection is "
        + "empty." + FLAX_DOC + "ScopeCollectionNotFound)", e.getMessage());
  }

  @Test
  void hasAuxReturnsTheAuxiliaryData() {
    Tuple r = (Tuple) Core.apply((scope, a) -> {
      VjpOutput out = LiftVjp.vjp().hasAux(true).call((s, b) -> Tuple.of(AutodiffFixtures.scaled(s, b),
          Map.of("aux", Jnp.multiply(b[0], 10.0))), scope, a);
      return Tuple.of(out.primalOut(), out.vjpFn().apply(Jnp.ones(3)), out.aux());
    }).call(variables(), null, X, Y);
    // from flax 0.12.8: lift.vjp(..., has_aux=True)
    assertFloats(r.get(0), V3, 0, 12, 36);
    assertFloats(((Tuple) r.get(1)).get(1), V3, 6, 12, 18);
    assertFloats(at(r.get(2), "aux"), V3, 0, 10, 20);
  }

  @Test
  void rngsChoosesTheLiftedStreams() {
    ScopeFunction f = (scope, a) -> {
      VjpOutput out = ((LiftVjp) a[1]).call(AutodiffFixtures::noisy, scope, a[0]);
      return Tuple.of(out.primalOut(), ((Tuple) out.vjpFn().apply(Jnp.ones(3))).get(1));
    };
    Tuple all = (Tuple) Core.apply(f).call(variables(), AutodiffFixtures.rngs(), X, LiftVjp.vjp());
    // from flax 0.12.8: rngs={'dropout': key(1), 'params': key(2)}, lift.vjp(noisy, scope, x)
    assertFloats(all.get(0), V3, 0, 0.6210085, 1.9033585);
    assertFloats(all.get(1), V3, 0.94791436, 0.6210085, 0.9516792);
    Tuple params = (Tuple) Core.apply(f).call(variables(), AutodiffFixtures.rngs(), X,
        LiftVjp.vjp().rngs("params"));
    // from flax 0.12.8: rngs='params', so make_rng('dropout') falls back to params
    assertFloats(params.get(0), V3, 0, 0.48376167, 0.020154);
    assertFloats(params.get(1), V3, 0.382138, 0.48376167, 0.010077);
    InvalidRngError e = assertThrows(InvalidRngError.class, () -> Core.apply(f).call(variables(),
        AutodiffFixtures.rngs(), X, LiftVjp.vjp().rngs(false)));
    // from flax 0.12.8
    assertEquals("None needs PRNG for \"dropout\"" + FLAX_DOC + "InvalidRngError)", e.getMessage());
  }

  @Test
  void mutationsInsideArePublishedOnlyWhereMutable() {
    ScopeFunction counting = (scope, a) -> {
      Value next = Jnp.add(scope.getVariable("state", "counter"), 1.0);
      scope.putVariable("state", "counter", next);
      return Jnp.multiply(a[0], next);
    };
    ScopeFunction f = (scope, a) -> {
      VjpOutput out = LiftVjp.vjp().call(counting, scope, a);
      return Tuple.of(out.primalOut(), ((Tuple) out.vjpFn().apply(Jnp.ones(3))).get(1));
    };
    Map<String, Object> vars = variables();
    Tuple r = (Tuple) Core.apply(f, "state").call(vars, null, X);
    // from flax 0.12.8: apply(f, mutable='state')
    assertFloats(((Tuple) r.get(0)).get(0), V3, 0, 4, 8);
    assertFloats(((Tuple) r.get(0)).get(1), V3, 4, 4, 4);
    assertFloats(at(r.get(1), "state", "counter"), SCALAR, 4);
    assertFloats(at(vars, "state", "counter"), SCALAR, 3);
    ModifyScopeVariableError e = assertThrows(ModifyScopeVariableError.class,
        () -> Core.apply(f).call(variables(), null, X));
    // from flax 0.12.8
    assertEquals("Cannot update variable \"counter\" in \"/vjp()\" because collection \"state\" is immutable."
        + FLAX_DOC + "ModifyScopeVariableError)", e.getMessage());
  }

  @Test
  void anErrorHalfwayLeavesTheInputsAsTheyWere() {
    ScopeFunction failing = (scope, a) -> {
      scope.putVariable("state", "counter", Jnp.add(scope.getVariable("state", "counter"), 1.0));
      scope.putVariable("params", "test", Jnp.array(-1f));
      throw new IllegalStateException("fails after writing");
    };
    Map<String, Object> vars = variables();
    assertThrows(IllegalStateException.class, () -> Core.apply((scope, a) -> LiftVjp.vjp().call(failing, scope, a),
        true).call(vars, null, X));
    assertEquals(variables().toString(), vars.toString());
  }

  @Test
  void initCreatesVariablesInsideAndPublishesThem() {
    Tuple r = Core.init((scope, a) -> {
      VjpOutput out = LiftVjp.vjp().call(AutodiffFixtures::scaled, scope, a);
      return out.vjpFn().apply(Jnp.ones(3));
    }).call(Random.key(0), X, Y);
    // from flax 0.12.8: the params group was empty when lifted, so its cotangent is {}
    assertEquals(Map.of(), ((Tuple) r.get(0)).get(0));
    assertFloats(at(r.get(1), "params", "test"), SCALAR, 0);
    assertFloats(at(r.get(1), "state", "counter"), SCALAR, 1);
  }

  @Test
  void theVjpFunctionIsAPytreeOfResiduals() {
    Tuple r = (Tuple) Core.apply((scope, a) -> {
      VjpOutput out = LiftVjp.vjp().call(AutodiffFixtures::scaled, scope, a);
      Object rebuilt = Trees.structure(out.vjpFn()).unflatten(Trees.leaves(out.vjpFn()));
      Object jitted = Jax.jit(b -> ((TreeFunction) b[0]).apply(b[1]))
          .apply(out.vjpFn(), Jnp.ones(3));
      assertFalse(Trees.leaves(out.vjpFn()).isEmpty());
      return Tuple.of(((TreeFunction) rebuilt).apply(Jnp.ones(3)), jitted);
    }).call(variables(), null, X, Y);
    for (Object grads : r.items()) {
      // from flax 0.12.8: bwd(ones)
      assertFloats(at(((Tuple) grads).get(0), "params", "test"), SCALAR, 24);
      assertFloats(((Tuple) grads).get(1), V3, 6, 12, 18);
    }
  }
}
