package dev.flaxj.linen.transforms;

import static dev.flaxj.goldens.SeedGoldens.assertTreeClose;
import static dev.flaxj.linen.transforms.AutodiffSeedTest.CALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaxj.array.Value;
import dev.flaxj.errors.InvalidFilterError;
import dev.flaxj.errors.InvalidRngError;
import dev.flaxj.errors.PyNotImplementedError;
import dev.flaxj.errors.PyValueError;
import dev.flaxj.errors.ScopeCollectionNotFound;
import dev.flaxj.goldens.SeedGoldens;
import dev.flaxj.linen.ApplyOptions;
import dev.flaxj.linen.Module;
import dev.flaxj.linen.ModuleMethod;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.transform.Jax;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.partial.VjpOutput;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The keyword arguments of nn.jvp, nn.vjp, nn.value_and_grad, nn.grad and nn.custom_vjp, each in a
 * case that fails if it is ignored, against {@code seed-autodiff.json} recorded from flax 0.12.8.
 */
class AutodiffKeywordsTest {
  static final SeedGoldens GOLDENS = AutodiffSeedTest.GOLDENS;

  /** {@code p * x * y * counter}: param {@code scale} (zeros), state {@code counter} (ones). */
  static final class Counted extends Module {
    @Override
    protected Object forward(Object... a) {
      Object c = variable("state", "counter", i -> Jnp.ones()).value();
      return Jnp.multiply(Jnp.multiply(Jnp.multiply(param("scale", Initializers.zeros()), a[0]), a[1]), c);
    }
  }

  /** {@code p * x * uniform(make_rng('dropout'), x.shape)}. */
  static final class Noisy extends Module {
    @Override
    protected Object forward(Object... a) {
      Value x = (Value) a[0];
      Value u = Random.uniform(makeRng("dropout"), x.shape().dims());
      return Jnp.multiply(Jnp.multiply(param("scale", Initializers.zeros()), x), u);
    }
  }

  /** Runs {@code body} as its {@code __call__}. */
  static final class Top extends Module {
    private final ModuleMethod body;

    Top(ModuleMethod body) {
      this.body = body;
    }

    @Override
    protected Object forward(Object... a) {
      return body.call(this, a);
    }
  }

  static Object apply(ModuleMethod body, Object variables, Object... args) {
    ApplyOptions rngs = ApplyOptions.none().rngs(Map.of("dropout", Random.key(1), "params", Random.key(2)));
    return new Top(body).apply(AutodiffSeedTest.variables(variables), rngs, args);
  }

  static Map<String, Object> scale(String module, float value) {
    return Map.of("params", Map.of(module, Map.of("scale", Jnp.array(value))));
  }

  static Map<String, Object> countedVariables() {
    return Map.of("params", Map.of("Counted_0", Map.of("scale", Jnp.array(1.5f))),
        "state", Map.of("Counted_0", Map.of("counter", Jnp.array(3f))));
  }

  static final Map<String, Object> UNIT_TANGENT = Map.of("params", Map.of("scale", Jnp.ones()));

  /** Asserts that {@code run} raises {@code type} with the message real Flax gave for {@code program}. */
  static <T extends Throwable> void assertRaisesAsFlax(String program, Class<T> type, Executable run) {
    T e = assertThrows(type, run);
    assertEquals(GOLDENS.program(program).exceptionMessage(), e.getMessage());
  }

  // ---- jvp ----

  static ModuleMethod jvpOf(Supplier<Module> child, Jvp jvp) {
    return (self, a) -> {
      Object[] tangents = new Object[a.length];
      for (int i = 0; i < a.length; i++) {
        tangents[i] = Jnp.onesLike((Value) a[i]);
      }
      var out = jvp.call(CALL, child.get(), a, tangents, UNIT_TANGENT);
      return Tuple.of(out.primalOut(), out.tangentOut());
    };
  }

  @Test
  void jvpRngs() {
    SeedGoldens.Program p = GOLDENS.program("jvp_rngs");
    Object x = p.value("x");
    Tuple all = (Tuple) apply(jvpOf(Noisy::new, Jvp.jvp()), scale("Noisy_0", 1.5f), x);
    assertTreeClose(p.value("y"), all.get(0));
    assertTreeClose(p.value("t"), all.get(1));
    Tuple params = (Tuple) apply(jvpOf(Noisy::new, Jvp.jvp().rngs("params")), scale("Noisy_0", 1.5f), x);
    assertTreeClose(p.value("y_rngs_params"), params.get(0));
    assertTreeClose(p.value("t_rngs_params"), params.get(1));
    assertRaisesAsFlax("jvp_rngs_false_raises", InvalidRngError.class,
        () -> apply(jvpOf(Noisy::new, Jvp.jvp().rngs(false)), scale("Noisy_0", 1.5f), x));
  }

  @Test
  void jvpVariables() {
    SeedGoldens.Program p = GOLDENS.program("jvp_variables_all");
    Object x = p.value("x");
    Object y = p.value("y");
    Tuple out = (Tuple) apply(jvpOf(Counted::new, Jvp.jvp()), countedVariables(), x, y);
    assertTreeClose(p.value("out"), out.get(0));
    assertTreeClose(p.value("t"), out.get(1));
    assertRaisesAsFlax("jvp_variables_params_raises", ScopeCollectionNotFound.class,
        () -> apply(jvpOf(Counted::new, Jvp.jvp().variables("params")), countedVariables(), x, y));
  }

  // ---- vjp ----

  /** {@code z, bwd(ones)(, aux)} of {@code vjp} over a fresh child. */
  static ModuleMethod vjpOf(Supplier<Module> child, Vjp vjp) {
    return (self, a) -> {
      VjpOutput out = vjp.call(CALL, child.get(), a);
      Object grads = out.vjpFn().apply(Jnp.ones(((Value) out.primalOut()).shape().dims()));
      return out.aux() == null ? Tuple.of(out.primalOut(), grads) : Tuple.of(out.primalOut(), grads, out.aux());
    };
  }

  /** A LearnScale child whose output comes with {@code {'aux': x * 10}}. */
  static final class WithAux extends Module {
    @Override
    protected Object forward(Object... a) {
      return Tuple.of(new AutodiffSeedTest.LearnScale().call(a), Map.of("aux", Jnp.multiply(a[0], 10.0)));
    }
  }

  @Test
  void vjpHasAux() {
    SeedGoldens.Program p = GOLDENS.program("vjp_has_aux");
    Map<String, Object> vars = Map.of("params", Map.of("WithAux_0", Map.of("LearnScale_0",
        Map.of("scale", Jnp.array(1.5f)))));
    Tuple out = (Tuple) apply(vjpOf(WithAux::new, Vjp.vjp().hasAux(true)), vars, p.value("x"), p.value("y"));
    assertTreeClose(p.value("z"), out.get(0));
    assertTreeClose(p.value("grads"), out.get(1));
    assertTreeClose(p.value("aux"), out.get(2));
  }

  @Test
  void vjpVjpVariables() {
    SeedGoldens.Program p = GOLDENS.program("vjp_vjp_variables");
    Object x = p.value("x");
    Object y = p.value("y");
    Map<String, Object> filters = Map.of("params", "params", "state", "state",
        "both", List.of("params", "state"), "none", false);
    filters.forEach((label, filter) -> {
      Tuple out = (Tuple) apply(vjpOf(Counted::new, Vjp.vjp().vjpVariables(filter)), countedVariables(), x, y);
      assertTreeClose(p.value("z"), out.get(0));
      assertTreeClose(p.value("grads_" + label), out.get(1));
    });
  }

  @Test
  void vjpVariables() {
    SeedGoldens.Program p = GOLDENS.program("vjp_vjp_variables");
    assertRaisesAsFlax("vjp_variables_params_raises", ScopeCollectionNotFound.class,
        () -> apply(vjpOf(Counted::new, Vjp.vjp().variables("params")), countedVariables(), p.value("x"),
            p.value("y")));
  }

  @Test
  void vjpRngs() {
    SeedGoldens.Program p = GOLDENS.program("vjp_rngs");
    Object x = p.value("x");
    Tuple all = (Tuple) apply(vjpOf(Noisy::new, Vjp.vjp()), scale("Noisy_0", 1.5f), x);
    assertTreeClose(p.value("z"), all.get(0));
    assertTreeClose(p.value("grads"), all.get(1));
    Tuple params = (Tuple) apply(vjpOf(Noisy::new, Vjp.vjp().rngs("params")), scale("Noisy_0", 1.5f), x);
    assertTreeClose(p.value("z_rngs_params"), params.get(0));
    assertTreeClose(p.value("grads_rngs_params"), params.get(1));
    assertRaisesAsFlax("vjp_rngs_false_raises", InvalidRngError.class,
        () -> apply(vjpOf(Noisy::new, Vjp.vjp().rngs(false)), scale("Noisy_0", 1.5f), x));
  }

  /** {@code s * x} with {@code s} initialised to 2. */
  static final class Scale extends Module {
    @Override
    protected Object forward(Object... a) {
      return Jnp.multiply(param("s", Initializers.constant(2.0)), a[0]);
    }
  }

  /** {@code nn.vjp(lambda m, other, x: m(other(x)), outer, inner, x, multi_scope=...)}. */
  static ModuleMethod scalePair(boolean multiScope) {
    return (self, a) -> {
      Scale inner = new Scale();
      Scale outer = new Scale();
      VjpOutput out = Vjp.vjp().multiScope(multiScope).call((m, b) -> m.call(((Module) b[0]).call(b[1])),
          outer, inner, a[0]);
      Tuple grads = (Tuple) out.vjpFn().apply(Jnp.onesLike((Value) out.primalOut()));
      return Tuple.of(out.primalOut(), grads.get(0), grads.get(2));
    };
  }

  @Test
  void vjpMultiScope() {
    SeedGoldens.Program p = GOLDENS.program("vjp_multi_scope");
    Map<String, Object> vars = Map.of("params", Map.of("Scale_0", Map.of("s", Jnp.array(1.5f)),
        "Scale_1", Map.of("s", Jnp.array(-2f))));
    Tuple out = (Tuple) apply(scalePair(true), vars, p.value("x"));
    assertTreeClose(p.value("y"), out.get(0));
    assertTreeClose(p.value("var_grads"), out.get(1));
    assertTreeClose(p.value("x_grad"), out.get(2));
    assertRaisesAsFlax("vjp_multi_scope_false_raises", PyNotImplementedError.class,
        () -> apply(scalePair(false), vars, p.value("x")));
  }

  // ---- custom_vjp ----

  /** {@code sum(w * x * s * k) + b}: params w (ones), b (zeros); stats s (ones). */
  static final class StatsScale extends Module {
    @Override
    protected Object forward(Object... a) {
      Object w = param("w", Initializers.ones(), 3);
      Object b = param("b", Initializers.zeros());
      Object s = variable("stats", "s", i -> Jnp.ones(3)).value();
      return Jnp.add(Jnp.sum(Jnp.multiply(Jnp.multiply(Jnp.multiply(w, a[0]), s), a[1])), b);
    }
  }

  /** The loss {@code (params, stats, x)} through custom_vjp with the sign of the variable cotangents. */
  static TreeFunction signGradLoss(CustomVjp customVjp, Object vjpVariables) {
    ModuleMethod fwd = (mdl, a) -> {
      VjpOutput out = Vjp.vjp().vjpVariables(vjpVariables).call((m, b) -> m.call(b[0], a[1]), mdl, a[0]);
      return Tuple.of(out.primalOut(), out.vjpFn());
    };
    TreeFunction bwd = a -> {
      List<Object> grads = new ArrayList<>(((Tuple) ((TreeFunction) a[a.length - 2]).apply(a[a.length - 1])).items());
      grads.set(0, Trees.map((Value g) -> Jnp.sign(g), grads.get(0)));
      return new Tuple(grads);
    };
    ModuleMethod signGrad = customVjp.build(CALL, fwd, bwd);
    ModuleMethod top = (self, a) -> signGrad.call(new StatsScale(), a[0], 2.0);
    return a -> new Top(top).apply(AutodiffSeedTest.variables(Map.of("params", Map.of("StatsScale_0", a[0]),
        "stats", Map.of("StatsScale_0", a[1]))), a[2]);
  }

  @Test
  void customVjpGradVars() {
    SeedGoldens.Program p = GOLDENS.program("custom_vjp_grad_vars");
    Object params = p.value("params");
    Object stats = p.value("stats");
    Object x = p.value("x");
    TreeFunction byDefault = signGradLoss(CustomVjp.customVjp().nondiffArgnums(2), "params");
    assertTreeClose(p.value("value"), byDefault.apply(params, stats, x));
    assertTreeClose(p.value("grad_default"), Jax.grad(byDefault).argnums(0, 2).apply(params, stats, x));
    TreeFunction statsOnly = signGradLoss(CustomVjp.customVjp().gradVars("stats").nondiffArgnums(2), "stats");
    assertTreeClose(p.value("grad_stats"),
        Jax.grad(a -> statsOnly.apply(params, a[0], a[1])).argnums(0, 1).apply(stats, x));
    List<String> both = List.of("params", "stats");
    TreeFunction all = signGradLoss(CustomVjp.customVjp().gradVars(both).nondiffArgnums(2), both);
    assertTreeClose(p.value("grad_both"), Jax.grad(all).argnums(0, 1, 2).apply(params, stats, x));
  }

  @Test
  void customVjpBadGradVars() {
    SeedGoldens.Program p = GOLDENS.program("custom_vjp_grad_vars");
    Object params = p.value("params");
    Object stats = p.value("stats");
    Object x = p.value("x");
    TreeFunction mismatch = signGradLoss(CustomVjp.customVjp().gradVars(List.of("params", "stats"))
        .nondiffArgnums(2), "params");
    assertRaisesAsFlax("custom_vjp_grad_vars_mismatch_raises", IllegalArgumentException.class,
        () -> Jax.grad(mismatch).argnums(0, 1).apply(params, stats, x));
    TreeFunction invalid = signGradLoss(CustomVjp.customVjp().gradVars(42).nondiffArgnums(2), "params");
    assertRaisesAsFlax("custom_vjp_grad_vars_invalid_raises", InvalidFilterError.class,
        () -> invalid.apply(params, stats, x));
  }

  @Test
  void customVjpNondiffArgnums() {
    SeedGoldens.Program p = GOLDENS.program("custom_vjp_grad_vars");
    Object params = p.value("params");
    Object stats = p.value("stats");
    TreeFunction traced = signGradLoss(CustomVjp.customVjp().nondiffArgnums(1), "params");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Jax.grad(a -> traced.apply(params, stats, a[0])).apply(p.value("x")));
    String flax = GOLDENS.program("custom_vjp_nondiff_argnums_traced_raises").exceptionMessage();
    // flax 0.12.8 raises jax's UnexpectedTracerError, whose message ends with a link to JAX's page on it
    assertEquals(flax.substring(0, flax.indexOf("\nSee https://")), e.getMessage());
  }

  // ---- value_and_grad, grad ----

  static ModuleMethod gradOf(Supplier<Module> child, ValueAndGrad transform, ModuleMethod fn) {
    return (self, a) -> transform.call(fn, child.get(), a);
  }

  @Test
  void valueAndGradHasAux() {
    SeedGoldens.Program p = GOLDENS.program("value_and_grad_has_aux");
    ModuleMethod withAux = (mdl, a) -> Tuple.of(mdl.call(a), Map.of("aux", Jnp.multiply(a[0], 10.0)));
    Map<String, Object> vars = scale("LearnScale_0", 1.5f);
    assertTreeClose(p.value("value_and_grad"), apply(gradOf(AutodiffSeedTest.LearnScale::new,
        ValueAndGrad.valueAndGrad().hasAux(true), withAux), vars, p.value("x"), p.value("y")));
    assertTreeClose(p.value("grad"), apply(gradOf(AutodiffSeedTest.LearnScale::new,
        ValueAndGrad.grad().hasAux(true), withAux), vars, p.value("x"), p.value("y")));
  }

  @Test
  void valueAndGradVariables() {
    SeedGoldens.Program p = GOLDENS.program("value_and_grad_variables_all");
    Object x = p.value("x");
    Object y = p.value("y");
    assertTreeClose(p.value("value_and_grad"),
        apply(gradOf(Counted::new, ValueAndGrad.valueAndGrad(), CALL), countedVariables(), x, y));
    assertTreeClose(p.value("grad"), apply(gradOf(Counted::new, ValueAndGrad.grad(), CALL), countedVariables(), x, y));
    assertRaisesAsFlax("value_and_grad_variables_params_raises", ScopeCollectionNotFound.class,
        () -> apply(gradOf(Counted::new, ValueAndGrad.valueAndGrad().variables("params"), CALL),
            countedVariables(), x, y));
    assertRaisesAsFlax("grad_variables_params_raises", ScopeCollectionNotFound.class,
        () -> apply(gradOf(Counted::new, ValueAndGrad.grad().variables("params"), CALL), countedVariables(), x, y));
  }

  @Test
  void valueAndGradRngs() {
    SeedGoldens.Program p = GOLDENS.program("value_and_grad_rngs");
    Object x = p.value("x");
    Map<String, Object> vars = scale("Noisy_0", 1.5f);
    assertTreeClose(p.value("value_and_grad"), apply(gradOf(Noisy::new, ValueAndGrad.valueAndGrad(), CALL), vars, x));
    assertTreeClose(p.value("value_and_grad_rngs_params"),
        apply(gradOf(Noisy::new, ValueAndGrad.valueAndGrad().rngs("params"), CALL), vars, x));
    assertTreeClose(p.value("grad"), apply(gradOf(Noisy::new, ValueAndGrad.grad(), CALL), vars, x));
    assertTreeClose(p.value("grad_rngs_params"),
        apply(gradOf(Noisy::new, ValueAndGrad.grad().rngs("params"), CALL), vars, x));
    assertRaisesAsFlax("value_and_grad_rngs_false_raises", InvalidRngError.class,
        () -> apply(gradOf(Noisy::new, ValueAndGrad.valueAndGrad().rngs(false), CALL), vars, x));
    assertRaisesAsFlax("grad_rngs_false_raises", InvalidRngError.class,
        () -> apply(gradOf(Noisy::new, ValueAndGrad.grad().rngs(false), CALL), vars, x));
  }

  @Test
  void aNonScalarOutputIsRefused() {
    SeedGoldens.Program p = GOLDENS.program("vjp_vjp_variables");
    Map<String, Object> vars = scale("LearnScale_0", 1.5f);
    assertRaisesAsFlax("value_and_grad_vector_output_raises", PyValueError.class,
        () -> apply(gradOf(AutodiffSeedTest.LearnScale::new, ValueAndGrad.valueAndGrad(), CALL), vars,
            p.value("x"), p.value("y")));
    assertRaisesAsFlax("grad_vector_output_raises", PyValueError.class,
        () -> apply(gradOf(AutodiffSeedTest.LearnScale::new, ValueAndGrad.grad(), CALL), vars,
            p.value("x"), p.value("y")));
  }
}
