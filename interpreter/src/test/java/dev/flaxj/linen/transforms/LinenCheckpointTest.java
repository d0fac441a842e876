package dev.flaxj.linen.transforms;

import static dev.flaxj.goldens.SeedGoldens.assertTreeClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaxj.array.Value;
import dev.flaxj.errors.PyNotImplementedError;
import dev.flaxj.errors.ScopeCollectionNotFound;
import dev.flaxj.errors.TransformedMethodReturnValueError;
import dev.flaxj.goldens.SeedGoldens;
import dev.flaxj.linen.ApplyOptions;
import dev.flaxj.linen.Dense;
import dev.flaxj.linen.Dropout;
import dev.flaxj.linen.Module;
import dev.flaxj.linen.Variable;
import dev.flaxj.nn.Activations;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.JaxprEqn;
import dev.flaxj.transform.remat.CheckpointPolicies;
import dev.flaxj.transform.remat.CheckpointPolicy;
import dev.flaxj.transform.remat.SavedResiduals;
import dev.flaxj.transform.staging.MakeJaxpr;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code nn.checkpoint}'s keyword arguments, each against a program of {@code
 * seed-vmap_scan_checkpoint.json} (recorded from flax 0.12.8) whose result would differ if the
 * argument were ignored.
 */
class LinenCheckpointTest {
  static final SeedGoldens GOLDENS = SeedGoldens.load("vmap_scan_checkpoint");

  /** {@code Dense(3)(x)}, doubled if the Python bool {@code double} is true. */
  static final class FlagMLP extends Module {
    @Override
    protected Object forward(Object... a) {
      Value x = new Dense(3).call((Value) a[0]);
      return (Boolean) a[1] ? Jnp.multiply(x, 2.0f) : x;
    }
  }

  @Test
  void staticArgnumsCountTheModuleAsZero() {
    SeedGoldens.Program p = GOLDENS.program("checkpoint_static_argnums");
    Checkpoint c = Checkpoint.checkpoint().staticArgnums(2);
    Tuple out = c.module(FlagMLP::new).initWithOutput(Random.key(0), p.value("x"), true);
    assertTreeClose(p.value("y_true"), out.get(0));
    assertTreeClose(p.value("variables"), out.get(1));
    assertTreeClose(p.value("y_false"), c.module(FlagMLP::new).apply(LinenVmapTest.vars(out.get(1)), p.value("x"), false));
  }

  @Test
  void withoutStaticArgnumsTheFlagIsTraced() {
    assertEquals("TracerBoolConversionError", GOLDENS.program("checkpoint_without_static_argnums").exceptionClass());
    assertThrows(RuntimeException.class,
        () -> Checkpoint.checkpoint().module(FlagMLP::new).init(Random.key(0), Jnp.ones(2, 4), true));
  }

  @Test
  void concreteIsNotImplemented() {
    SeedGoldens.Program p = GOLDENS.program("checkpoint_concrete");
    assertEquals("NotImplementedError", p.exceptionClass());
    PyNotImplementedError e = assertThrows(PyNotImplementedError.class,
        () -> Checkpoint.checkpoint().concrete(true).module(() -> new Dense(3)).init(Random.key(0), Jnp.ones(2, 4)));
    assertEquals(p.exceptionMessage(), e.getMessage());
  }

  static final class MLP extends Module {
    @Override
    protected Object forward(Object... a) {
      Value x = Activations.tanh(new Dense(4).call((Value) a[0]));
      return new Dense(2).call(x);
    }
  }

  /** prevent_cse of every remat equation and the sorted residual shapes, as the program records them. */
  private static void checkRematFacts(String program, Checkpoint c) {
    SeedGoldens.Program p = GOLDENS.program(program);
    Lifted<MLP> model = c.module(MLP::new);
    Object x = p.value("x");
    Map<String, Map<String, Object>> variables = model.init(Random.key(0), x);
    assertTreeClose(p.value("variables"), variables);
    assertTreeClose(p.value("y"), model.apply(variables, x));
    ClosedJaxpr jaxpr = MakeJaxpr.makeJaxpr(a -> model.apply(LinenVmapTest.vars(a[0]), a[1])).apply(variables, x);
    List<Object> preventCse = new ArrayList<>();
    for (JaxprEqn e : jaxpr.jaxpr().eqns()) {
      if (e.primitive().name().equals("remat2")) {
        preventCse.add(e.params().get("prevent_cse"));
      }
    }
    assertEquals(p.value("prevent_cse"), preventCse);
    SavedResiduals residuals = SavedResiduals.of(
        a -> Jnp.sum((Value) model.apply(LinenVmapTest.vars(a[0]), x)), variables);
    List<List<Integer>> shapes = new ArrayList<>();
    for (SavedResiduals.Residual r : residuals.residuals()) {
      List<Integer> dims = new ArrayList<>();
      for (int d : r.aval().shape().dims()) {
        dims.add(d);
      }
      shapes.add(dims);
    }
    shapes.sort(Comparator.comparing(Object::toString));
    List<?> expected = (List<?>) p.value("residual_shapes");
    List<String> expectedText = new ArrayList<>();
    expected.forEach(s -> expectedText.add(s.toString()));
    List<String> actualText = new ArrayList<>();
    shapes.forEach(s -> actualText.add(s.toString()));
    expectedText.sort(null);
    actualText.sort(null);
    assertEquals(expectedText, actualText, "residual shapes");
  }

  @Test
  void defaults() {
    checkRematFacts("checkpoint_defaults", Checkpoint.checkpoint());
  }

  @Test
  void preventCseFalseIsRecorded() {
    checkRematFacts("checkpoint_prevent_cse_false", Checkpoint.checkpoint().preventCse(false));
  }

  @Test
  void policyDecidesTheResiduals() {
    checkRematFacts("checkpoint_policy_dots", Checkpoint.checkpoint().policy(CheckpointPolicies.DOTS_SAVEABLE));
    CheckpointPolicy everything = CheckpointPolicies.EVERYTHING_SAVEABLE;
    checkRematFacts("checkpoint_policy_everything", Checkpoint.remat().policy(everything));
  }

  static final class Drop extends Module {
    @Override
    protected Object forward(Object... a) {
      return new Dropout(0.5, false).call((Value) a[0]);
    }
  }

  @Test
  void rngsFilterChoosesTheLiftedStreams() {
    SeedGoldens.Program p = GOLDENS.program("checkpoint_rngs_filter");
    ApplyOptions rngs = ApplyOptions.none().rngs(Map.of("params", Random.key(0), "dropout", Random.key(1)));
    assertTreeClose(p.value("y_all_rngs"),
        Checkpoint.checkpoint().module(Drop::new).apply(Map.of(), rngs, p.value("x")));
    assertTreeClose(p.value("y_params_rng_only"),
        Checkpoint.checkpoint().rngs("params").module(Drop::new).apply(Map.of(), rngs, p.value("x")));
  }

  static final class Counter extends Module {
    @Override
    protected Object forward(Object... a) {
      Variable v = variable("state", "n", args -> Jnp.zeros());
      v.setValue(Jnp.add(v.value(), 1.0f));
      return new Dense(2).call((Value) a[0]);
    }
  }

  @Test
  void variablesFilterChoosesTheLiftedCollections() {
    SeedGoldens.Program p = GOLDENS.program("checkpoint_variables_filter");
    assertEquals("ScopeCollectionNotFound", p.exceptionClass());
    ScopeCollectionNotFound e = assertThrows(ScopeCollectionNotFound.class,
        () -> Checkpoint.checkpoint().variables("params").module(Counter::new).init(Random.key(0), Jnp.ones(2, 3)));
    assertEquals(p.exceptionMessage(), e.getMessage());
  }

  static final class ReturnsModule extends Module {
    @Override
    protected Object forward(Object... a) {
      return Checkpoint.checkpoint().function((mdl, args) -> mdl).call(this, a[0]);
    }
  }

  @Test
  void returningTheModuleIsAnError() {
    SeedGoldens.Program p = GOLDENS.program("error_transformed_return_value");
    assertEquals("TransformedMethodReturnValueError", p.exceptionClass());
    TransformedMethodReturnValueError e = assertThrows(TransformedMethodReturnValueError.class,
        () -> new ReturnsModule().init(Random.key(0), Jnp.ones(2, 3)));
    assertEquals(p.exceptionMessage(), e.getMessage());
  }
}
