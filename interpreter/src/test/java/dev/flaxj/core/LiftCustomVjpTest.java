package dev.flaxj.core;

import static dev.flaxj.core.LiftTesting.assertFloats;
import static dev.flaxj.core.LiftTesting.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Value;
import dev.flaxj.errors.InvalidFilterError;
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
import org.junit.jupiter.api.Test;

class LiftCustomVjpTest {
  private static final int[] V3 = {3};
  private static final int[] SCALAR = {};
  private static final Value X = Jnp.array(new float[] {-1, 0, 1});
  private static final Map<String, Object> P = Map.of("w", Jnp.array(new float[] {0.5f, -2, 3}),
      "b", Jnp.array(-1.5f));
  private static final Map<String, Object> S = Map.of("s", Jnp.array(new float[] {1, 2, 3}));

  /** {@code sum(w * x * s * k) + b}: params w (ones), b (zeros); stats s (ones). */
  private static Object f(Scope scope, Object... a) {
    Object w = scope.param("w", Initializers.ones(), 3);
    Object b = scope.param("b", Initializers.zeros());
    Object s = scope.variable("stats", "s", i -> Jnp.ones(3));
    return Jnp.add(Jnp.sum(Jnp.multiply(Jnp.multiply(Jnp.multiply(w, a[0]), s), a[1])), b);
  }

  /** Forward rule: {@code lift.vjp(partial(f, k=k), scope, x, vjp_variables=...)}. */
  private static ScopeFunction forward(Object vjpVariables) {
    return (scope, a) -> {
      VjpOutput out = LiftVjp.vjp().vjpVariables(vjpVariables).call((s, b) -> f(s, b[0], a[1]), scope, a[0]);
      return Tuple.of(out.primalOut(), out.vjpFn());
    };
  }

  /** Backward rule {@code (k, vjp_fn, y_t)}: the sign of the variable cotangents, the input ones as they are. */
  private static Object backward(Object... a) {
    List<Object> grads = new ArrayList<>(((Tuple) ((TreeFunction) a[1]).apply(a[2])).items());
    grads.set(0, Trees.map((Value g) -> Jnp.sign(g), grads.get(0)));
    return new Tuple(grads);
  }

  private static ScopeFunction signGrad(LiftCustomVjp options, Object vjpVariables) {
    ScopeFunction lifted = options.nondiffArgnums(2).build(LiftCustomVjpTest::f, forward(vjpVariables),
        LiftCustomVjpTest::backward);
    return (scope, a) -> lifted.apply(scope, a[0], 2.0);
  }

  private static Object loss(ScopeFunction fn, Object params, Object stats, Object x) {
    return Core.apply(fn).call(Map.of("params", params, "stats", stats), null, x);
  }

  @Test
  void withoutDifferentiationTheFunctionRuns() {
    // from flax 0.12.8
    assertFloats(loss(signGrad(LiftCustomVjp.customVjp(), "params"), P, S, X), SCALAR, 15.5);
    Tuple init = Core.init(signGrad(LiftCustomVjp.customVjp(), "params")).call(Random.key(0), X);
    assertFloats(init.get(0), SCALAR, 0);
    assertFloats(at(init.get(1), "params", "w"), V3, 1, 1, 1);
    assertFloats(at(init.get(1), "params", "b"), SCALAR, 0);
    assertFloats(at(init.get(1), "stats", "s"), V3, 1, 1, 1);
  }

  @Test
  void theBackwardRuleGivesTheParamsGradients() {
    ScopeFunction fn = signGrad(LiftCustomVjp.customVjp(), "params");
    TreeFunction grad = Jax.grad(a -> loss(fn, a[0], S, a[1])).argnums(0, 1);
    for (Object g : List.of(grad.apply(P, X), Jax.jit(grad).apply(P, X))) {
      // from flax 0.12.8: jax.grad(loss, argnums=(0, 1))(params, x), also under jax.jit
      assertFloats(at(((Tuple) g).get(0), "w"), V3, -1, 0, 1);
      assertFloats(at(((Tuple) g).get(0), "b"), SCALAR, 1);
      assertFloats(((Tuple) g).get(1), V3, 1, -8, 18);
    }
  }

  @Test
  void gradVarsChoosesTheDifferentiatedCollections() {
    ScopeFunction stats = signGrad(LiftCustomVjp.customVjp().gradVars("stats"), "stats");
    Tuple g = (Tuple) Jax.grad(a -> loss(stats, P, a[0], a[1])).argnums(0, 1).apply(S, X);
    // from flax 0.12.8: grad_vars='stats'
    assertFloats(at(g.get(0), "s"), V3, -1, -0.0, 1);
    assertFloats(g.get(1), V3, 1, -8, 18);
    List<String> both = List.of("params", "stats");
    ScopeFunction all = signGrad(LiftCustomVjp.customVjp().gradVars(both), both);
    Tuple h = (Tuple) Jax.grad(a -> loss(all, a[0], a[1], X)).argnums(0, 1).apply(P, S);
    // from flax 0.12.8: grad_vars=['params', 'stats']
    assertFloats(at(h.get(0), "w"), V3, -1, 0, 1);
    assertFloats(at(h.get(1), "s"), V3, -1, -0.0, 1);
  }

  @Test
  void backwardCotangentsMustMatchGradVars() {
    ScopeFunction fn = signGrad(LiftCustomVjp.customVjp().gradVars(List.of("params", "stats")), "params");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Jax.grad(a -> loss(fn, a[0], a[1], X)).argnums(0, 1).apply(P, S));
    // from flax 0.12.8 (a TypeError there)
    assertEquals("Custom VJP bwd rule must produce an output with the same container (pytree) structure "
        + "as the args tuple of the primal function, and in particular must produce a tuple of length equal "
        + "to the number of arguments to the primal function, but got bwd output structure "
        + "PyTreeDef((({'params': {'b': *, 'w': *}},), *)) for primal input structure "
        + "PyTreeDef((({'params': {'b': *, 'w': *}, 'stats': {'s': *}},), *)).", e.getMessage());
  }

  @Test
  void anInvalidGradVarsFilterIsInvalidFilterError() {
    ScopeFunction fn = signGrad(LiftCustomVjp.customVjp().gradVars(42), "params");
    InvalidFilterError e = assertThrows(InvalidFilterError.class, () -> loss(fn, P, S, X));
    // from flax 0.12.8
    assertTrue(e.getMessage().startsWith("Invalid Filter: \"42\""), e.getMessage());
  }

  @Test
  void nondiffArgnumsMayNotHoldTracers() {
    ScopeFunction lifted = LiftCustomVjp.customVjp().nondiffArgnums(1).build(LiftCustomVjpTest::f,
        forward("params"), LiftCustomVjpTest::backward);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Jax.grad(a -> Core.apply((scope, b) -> lifted.apply(scope, b[0], 2.0))
            .call(Map.of("params", P, "stats", S), null, a[0])).apply(X));
    // from flax 0.12.8 (an UnexpectedTracerError there)
    assertTrue(e.getMessage().startsWith("Found a JAX Tracer object passed as an argument to a custom_vjp "
        + "function in a position indicated by nondiff_argnums as non-differentiable."), e.getMessage());
  }

  @Test
  void mutationsInsideArePublished() {
    ScopeFunction counting = (scope, a) -> {
      Value n = (Value) scope.variable("counter", "n", i -> Jnp.array(0f));
      scope.putVariable("counter", "n", Jnp.add(n, 1.0));
      return Jnp.sum(Jnp.multiply(scope.param("w", Initializers.ones(), 3), a[0]));
    };
    ScopeFunction lifted = LiftCustomVjp.customVjp().build(counting,
        (scope, a) -> {
          VjpOutput out = LiftVjp.vjp().call(counting, scope, a);
          return Tuple.of(out.primalOut(), out.vjpFn());
        }, a -> ((TreeFunction) a[0]).apply(a[1]));
    Map<String, Object> vars = Map.of("params", Map.of("w", Jnp.array(new float[] {1, 2, 3})),
        "counter", Map.of("n", Jnp.array(5f)));
    Tuple r = (Tuple) Core.apply(lifted, "counter").call(vars, null, X);
    // from flax 0.12.8: apply(..., mutable='counter')
    assertFloats(r.get(0), SCALAR, 2);
    assertFloats(at(r.get(1), "counter", "n"), SCALAR, 6);
    assertFloats(at(vars, "counter", "n"), SCALAR, 5);
    Tuple g = (Tuple) Jax.grad(a -> {
      Tuple out = (Tuple) Core.apply(lifted, "counter").call(Map.of("params", a[0], "counter",
          Map.of("n", Jnp.array(5f))), null, X);
      return Tuple.of(out.get(0), out.get(1));
    }).hasAux(true).apply(vars.get("params"));
    // from flax 0.12.8: jax.grad(..., has_aux=True)
    assertFloats(at(g.get(0), "w"), V3, -1, 0, 1);
    assertFloats(at(g.get(1), "counter", "n"), SCALAR, 6);
  }
}
