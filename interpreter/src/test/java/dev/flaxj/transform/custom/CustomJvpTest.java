package dev.flaxj.transform.custom;

import static dev.flaxj.transform.custom.CustomTestSupport.assertJax;
import static dev.flaxj.transform.custom.CustomTestSupport.assertJaxScalar;
import static dev.flaxj.transform.custom.CustomTestSupport.at;
import static dev.flaxj.transform.custom.CustomTestSupport.f32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Value;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.batching.Vmap;
import dev.flaxj.transform.jvp.Jvp;
import dev.flaxj.transform.jvp.JvpOutput;
import dev.flaxj.transform.partial.Grad;
import dev.flaxj.transform.partial.Hessian;
import dev.flaxj.transform.staging.Jit;
import dev.flaxj.transform.staging.MakeJaxpr;
import dev.flaxj.tree.Tuple;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** jax.custom_jvp: the rule replaces differentiation under every transformation (jax 0.10.2). */
class CustomJvpTest {
  /** JAX's docstring example: f(x, y) = sin(x) * y with its exact JVP as the rule. */
  private static final CustomJvp F = new CustomJvp("f", a -> Jnp.multiply(Jnp.sin(a[0]), a[1]));

  static {
    F.defjvp(a -> {
      Value x = at(a[0], 0);
      Value y = at(a[0], 1);
      Value tangent = Jnp.add(Jnp.multiply(Jnp.multiply(Jnp.cos(x), at(a[1], 0)), y),
          Jnp.multiply(Jnp.sin(x), at(a[1], 1)));
      return Tuple.of(F.apply(x, y), tangent);
    });
  }

  /** sin, whose rule claims the derivative is 100: shows which derivative is used. */
  private static CustomJvp hundredfold(AtomicInteger calls) {
    CustomJvp g = new CustomJvp("g", a -> Jnp.sin(a[0]));
    return g.defjvp(a -> {
      calls.incrementAndGet();
      return Tuple.of(g.apply(at(a[0], 0)), Jnp.multiply(100.0, at(a[1], 0)));
    });
  }

  @Test
  void evaluatesThePrimalFunction() {
    assertJaxScalar(F.apply(1.0, 2.0), 1.6829419f); // from jax 0.10.2
    AtomicInteger calls = new AtomicInteger();
    assertJaxScalar(hundredfold(calls).apply(1.0), 0.84147096f); // from jax 0.10.2
    assertEquals(0, calls.get(), "evaluation must not call the rule");
  }

  @Test
  void forwardAndReverseModeUseTheRule() {
    AtomicInteger calls = new AtomicInteger();
    CustomJvp g = hundredfold(calls);
    JvpOutput out = Jvp.jvp(g, new Object[] {1.0}, new Object[] {2.0});
    assertJaxScalar(out.primalOut(), 0.84147096f); // from jax 0.10.2
    assertJaxScalar(out.tangentOut(), 200f); // from jax 0.10.2
    assertJaxScalar(Grad.grad(g).apply(1.0), 100f); // from jax 0.10.2: the rule, transposed
    assertEquals(2, calls.get());

    JvpOutput fo = Jvp.jvp(F, new Object[] {1.0, 2.0}, new Object[] {0.5, -1.0});
    assertJaxScalar(fo.tangentOut(), -0.30116868f); // from jax 0.10.2
    Tuple vg = (Tuple) Grad.valueAndGrad(F).apply(1.0, 2.0);
    assertJaxScalar(vg.get(0), 1.6829419f); // from jax 0.10.2
    assertJaxScalar(vg.get(1), 1.0806046f); // from jax 0.10.2
    assertJaxScalar(Grad.grad(F).argnums(1).apply(1.0, 2.0), 0.84147096f); // from jax 0.10.2
  }

  @Test
  void secondDerivativesDifferentiateTheRule() {
    assertJaxScalar(Grad.grad(Grad.grad(F)).apply(1.0, 2.0), -1.6829419f); // from jax 0.10.2
    assertJaxScalar(Hessian.hessian(F).apply(1.0, 2.0), -1.6829419f); // from jax 0.10.2
  }

  @Test
  void reluWithACustomJvpHasZeroDerivativeAtZero() {
    CustomJvp relu = new CustomJvp("relu", a -> Jnp.maximum(a[0], 0.0));
    relu.defjvp(a -> {
      Value x = at(a[0], 0);
      return Tuple.of(relu.apply(x), Jnp.where(Jnp.greater(x, 0.0), at(a[1], 0), 0.0));
    });
    assertJaxScalar(Grad.grad(relu).apply(0.0), 0f); // from jax 0.10.2: grad(jax.nn.relu)(0.)
    assertJax(Vmap.vmap(Grad.grad(relu)).apply(f32(-1f, 0f, 2f)), new int[] {3}, 0f, 0f, 1f);
  }

  @Test
  void batchesTheFunctionAndTheRule() {
    Value xs = f32(-1f, 0f, 2f);
    float[] values = {-1.6829419f, 0f, 1.8185948f}; // from jax 0.10.2
    float[] grads = {1.0806046f, 2f, -0.8322937f}; // from jax 0.10.2
    assertJax(Vmap.vmap(F, Tuple.of(0, null)).apply(xs, 2.0), new int[] {3}, values);
    assertJax(Vmap.vmap(Grad.grad(F), Tuple.of(0, null)).apply(xs, 2.0), new int[] {3}, grads);
    Tuple g = (Tuple) Grad.grad(a -> Jnp.sum((Value) Vmap.vmap(F, Tuple.of(0, null)).apply(a[0], a[1])))
        .argnums(0, 1).apply(xs, 2.0);
    assertJax(g.get(0), new int[] {3}, grads); // from jax 0.10.2
    assertJaxScalar(g.get(1), 0.06782645f); // from jax 0.10.2
    JvpOutput jv = Jvp.jvp(a -> Vmap.vmap(F, Tuple.of(0, null)).apply(a[0], 2.0),
        new Object[] {xs}, new Object[] {Jnp.ones(3)});
    assertJax(jv.tangentOut(), new int[] {3}, grads); // from jax 0.10.2
  }

  @Test
  void underJit() {
    assertJaxScalar(Jit.jit(Grad.grad(F)).apply(1.0, 2.0), 1.0806046f); // from jax 0.10.2
    assertJaxScalar(Grad.grad(Jit.jit(F)).apply(1.0, 2.0), 1.0806046f); // from jax 0.10.2
    // from jax 0.10.2 (make_jaxpr(f)(1., 2.)), with the rule printed by its role
    String expected = String.join("\n",
        "{ lambda ; a:f32[] b:f32[]. let",
        "    c:f32[] = custom_jvp_call[",
        "      name=f",
        "      call_jaxpr={ lambda ; d:f32[] e:f32[]. let",
        "          f:f32[] = sin d",
        "          g:f32[] = mul f e",
        "        in (g,) }",
        "      jvp=jvp",
        "      symbolic_zeros=False",
        "    ] a b",
        "  in (c,) }");
    assertEquals(expected, MakeJaxpr.makeJaxpr(F).apply(1.0, 2.0).toString());
  }

  @Test
  void nondiffArgumentsAndPytrees() {
    TreeFunction sin = a -> Jnp.sin(a[0]);
    CustomJvp app = new CustomJvp("app", a -> ((TreeFunction) a[0]).apply(a[1]), 0);
    app.defjvp(a -> Tuple.of(app.apply(a[0], at(a[1], 0)), Jnp.multiply(3.0, at(a[2], 0))));
    assertJaxScalar(app.apply(sin, 1.0), 0.84147096f); // from jax 0.10.2
    assertJaxScalar(Grad.grad(x -> app.apply(sin, x[0])).apply(1.0), 3f); // from jax 0.10.2

    CustomJvp scaled = new CustomJvp("f", a -> Jnp.multiply(Jnp.sin(a[0]), a[1]), 1);
    scaled.defjvp(a -> Tuple.of(scaled.apply(at(a[1], 0), a[0]),
        Jnp.multiply(Jnp.multiply(Jnp.cos(at(a[1], 0)), a[0]), at(a[2], 0))));
    Tuple gs = (Tuple) Grad.grad(scaled).argnums(0, 1).apply(1.0, 2.0);
    assertJaxScalar(gs.get(0), 1.0806046f); // from jax 0.10.2
    assertJaxScalar(gs.get(1), 0f); // from jax 0.10.2: nondiff arguments are under stop_gradient

    CustomJvp pt = new CustomJvp("pt", a -> {
      Map<?, ?> d = (Map<?, ?>) a[0];
      return dict("s", Jnp.multiply(d.get("a"), d.get("b")), "c", Jnp.cos(d.get("a")));
    });
    pt.defjvp(a -> {
      Map<?, ?> d = (Map<?, ?>) ((Tuple) a[0]).get(0);
      Map<?, ?> t = (Map<?, ?>) ((Tuple) a[1]).get(0);
      Object tangent = dict("s", Jnp.add(Jnp.multiply(t.get("a"), d.get("b")), Jnp.multiply(d.get("a"), t.get("b"))),
          "c", Jnp.multiply(Jnp.negative(Jnp.sin(d.get("a"))), t.get("a")));
      return Tuple.of(pt.apply(d), tangent);
    });
    Tuple g = (Tuple) Grad.grad(a -> {
      Map<?, ?> out = (Map<?, ?>) pt.apply(dict("a", a[0], "b", a[1]));
      return Jnp.add(out.get("s"), out.get("c"));
    }).argnums(0, 1).apply(0.5, 3.0);
    assertJaxScalar(g.get(0), 2.5205746f); // from jax 0.10.2
    assertJaxScalar(g.get(1), 0.5f); // from jax 0.10.2
  }

  @Test
  void errorsWithJaxsMessages() {
    CustomJvp undefined = new CustomJvp("k", a -> Jnp.sin(a[0]));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> undefined.apply(1.0));
    assertEquals("No JVP defined for custom_jvp function k using defjvp.", e.getMessage()); // from jax 0.10.2

    CustomJvp notAPair = new CustomJvp("h", a -> Jnp.sin(a[0]));
    notAPair.defjvp(a -> Jnp.sin(at(a[0], 0)));
    IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
        () -> Jvp.jvp(notAPair, new Object[] {1.0}, new Object[] {1.0}));
    assertTrue(p.getMessage().startsWith("Custom JVP rule jvp for function h must produce a pair (list "
        + "or tuple of length two) representing primal and tangent outputs, but got "), p.getMessage());

    CustomJvp badTangent = new CustomJvp("g", a -> Jnp.sin(a[0]));
    badTangent.defjvp(a -> Tuple.of(Jnp.sin(at(a[0], 0)), Jnp.ones(3)));
    IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
        () -> Jvp.jvp(badTangent, new Object[] {1.0}, new Object[] {1.0}));
    // from jax 0.10.2 (TypeError)
    assertEquals("Custom JVP rule must produce primal and tangent outputs with corresponding shapes and "
        + "dtypes. Expected float32[] (tangent type of float32[]) but got float32[3].", t.getMessage());

    IllegalArgumentException closed = assertThrows(IllegalArgumentException.class, () -> Grad.grad(w -> {
      CustomJvp c = new CustomJvp("c", a -> Jnp.multiply(a[0], w[0]));
      c.defjvp(a -> Tuple.of(c.apply(at(a[0], 0)), at(a[1], 0)));
      return c.apply(2.0);
    }).apply(1.0));
    assertTrue(closed.getMessage().startsWith("Detected differentiation of a custom_jvp function with "
        + "respect to a closed-over value."), closed.getMessage());
  }

  private static Map<String, Object> dict(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }
}
