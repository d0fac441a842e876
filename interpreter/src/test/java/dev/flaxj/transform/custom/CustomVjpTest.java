package dev.flaxj.transform.custom;

import static dev.flaxj.transform.custom.CustomTestSupport.assertJax;
import static dev.flaxj.transform.custom.CustomTestSupport.assertJaxScalar;
import static dev.flaxj.transform.custom.CustomTestSupport.at;
import static dev.flaxj.transform.custom.CustomTestSupport.f32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.batching.Vmap;
import dev.flaxj.transform.jvp.Jvp;
import dev.flaxj.transform.partial.Grad;
import dev.flaxj.transform.partial.Hessian;
import dev.flaxj.transform.partial.Linearize;
import dev.flaxj.transform.staging.Jit;
import dev.flaxj.transform.staging.MakeJaxpr;
import dev.flaxj.tree.Tuple;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** jax.custom_vjp: fwd and bwd replace reverse-mode differentiation (values from jax 0.10.2). */
class CustomVjpTest {
  /** JAX's docstring example: f(x, y) = sin(x) * y, residuals (cos x, sin x, y). */
  private static final CustomVjp F = new CustomVjp("f", a -> Jnp.multiply(Jnp.sin(a[0]), a[1]));

  static {
    F.defvjp(a -> Tuple.of(F.apply(a[0], a[1]), Tuple.of(Jnp.cos(a[0]), Jnp.sin(a[0]), a[1])),
        a -> {
          Value g = (Value) a[1];
          return Tuple.of(Jnp.multiply(Jnp.multiply(at(a[0], 0), g), at(a[0], 2)),
              Jnp.multiply(at(a[0], 1), g));
        });
  }

  /** JAX's clip_gradient example: the identity, whose cotangent is clipped to [lo, hi]. */
  private static final CustomVjp CLIP_GRADIENT = new CustomVjp("clip_gradient", a -> a[2]);

  static {
    CLIP_GRADIENT.defvjp(a -> Tuple.of(a[2], Tuple.of(a[0], a[1])),
        a -> Tuple.of(null, null, Jnp.clip(a[1], at(a[0], 0), at(a[0], 1))));
  }

  @Test
  void evaluatesThePrimalAndDifferentiatesWithTheRules() {
    AtomicInteger fwdCalls = new AtomicInteger();
    CustomVjp g = new CustomVjp("g", a -> Jnp.sin(a[0]));
    g.defvjp(a -> {
      fwdCalls.incrementAndGet();
      return Tuple.of(g.apply(a[0]), Tuple.of());
    }, a -> Tuple.of(Jnp.multiply(100.0, a[1])));
    assertJaxScalar(g.apply(1.0), 0.84147096f); // from jax 0.10.2
    assertEquals(0, fwdCalls.get(), "evaluation must not call fwd");
    assertJaxScalar(Grad.grad(g).apply(1.0), 100f);
    assertEquals(1, fwdCalls.get());

    Tuple vg = (Tuple) Grad.valueAndGrad(F).apply(1.0, 2.0);
    assertJaxScalar(vg.get(0), 1.6829419f); // from jax 0.10.2
    assertJaxScalar(vg.get(1), 1.0806046f); // from jax 0.10.2
    assertJaxScalar(Grad.grad(F).argnums(1).apply(1.0, 2.0), 0.84147096f); // from jax 0.10.2
  }

  @Test
  void clippedGradient() {
    // from jax 0.10.2: grad(lambda x: sum(clip_gradient(-0.75, 0.75, 3 * x)))([0.1, -2, 4])
    assertJax(Grad.grad(a -> Jnp.sum((Value) CLIP_GRADIENT.apply(-0.75, 0.75, Jnp.multiply(3.0, a[0]))))
        .apply(f32(0.1f, -2f, 4f)), new int[] {3}, 2.25f, 2.25f, 2.25f);
    // from jax 0.10.2: grad(lambda x: clip_gradient(-1., 1., 5 * sin(x)))(0.3)
    assertJaxScalar(Grad.grad(a -> CLIP_GRADIENT.apply(-1.0, 1.0, Jnp.multiply(5.0, Jnp.sin(a[0]))))
        .apply(0.3), 4.7766824f);
    // from jax 0.10.2: vmap(grad(t)) and grad(sum(vmap(t))) of t(x) = sum(clip_gradient(-.75, .75, 3x^2))
    TreeFunction t = a -> Jnp.sum((Value) CLIP_GRADIENT.apply(-0.75, 0.75,
        Jnp.multiply(Jnp.multiply(3.0, a[0]), a[0])));
    Value xs = Array.of(new float[] {0.1f, -2f, 4f, 1f}, 2, 2);
    float[] expected = {0.45000002f, -9f, 18f, 4.5f};
    assertJax(Vmap.vmap(Grad.grad(t)).apply(xs), new int[] {2, 2}, expected);
    assertJax(Grad.grad(a -> Jnp.sum((Value) Vmap.vmap(t).apply(a[0]))).apply(xs), new int[] {2, 2},
        expected);
  }

  @Test
  void residualsArePytreesAndBwdIsDifferentiable() {
    CustomVjp h = new CustomVjp("h", a -> Jnp.multiply(Jnp.exp(a[0]), 2.0));
    h.defvjp(a -> {
      Map<String, Object> res = new LinkedHashMap<>();
      res.put("e", Jnp.exp(a[0]));
      res.put("k", List.of(2.0, a[0]));
      return Tuple.of(h.apply(a[0]), res);
    }, a -> {
      Map<?, ?> res = (Map<?, ?>) a[0];
      return Tuple.of(Jnp.multiply(Jnp.multiply(a[1], res.get("e")), ((List<?>) res.get("k")).get(0)));
    });
    assertJaxScalar(Grad.grad(h).apply(0.5), 3.2974424f); // from jax 0.10.2
    assertJaxScalar(Grad.grad(Grad.grad(h)).apply(0.5), 3.2974424f); // from jax 0.10.2
    assertJaxScalar(Grad.grad(Grad.grad(F)).apply(1.0, 2.0), -1.6829419f); // from jax 0.10.2
  }

  @Test
  void batchesUnderVmapInBothOrders() {
    Value xs = f32(-1f, 0f, 2f);
    float[] gx = {1.0806046f, 2f, -0.8322937f}; // from jax 0.10.2
    assertJax(Vmap.vmap(F, Tuple.of(0, null)).apply(xs, 2.0), new int[] {3},
        -1.6829419f, 0f, 1.8185948f); // from jax 0.10.2
    Tuple vg = (Tuple) Vmap.vmap(Grad.grad(F).argnums(0, 1), Tuple.of(0, null)).apply(xs, 2.0);
    assertJax(vg.get(0), new int[] {3}, gx);
    assertJax(vg.get(1), new int[] {3}, -0.84147096f, 0f, 0.9092974f); // from jax 0.10.2
    Tuple gv = (Tuple) Grad.grad(a -> Jnp.sum((Value) Vmap.vmap(F, Tuple.of(0, null)).apply(a[0], a[1])))
        .argnums(0, 1).apply(xs, 2.0);
    assertJax(gv.get(0), new int[] {3}, gx);
    assertJaxScalar(gv.get(1), 0.06782645f); // from jax 0.10.2: summed over the unbatched y
  }

  @Test
  void underJit() {
    assertJaxScalar(Jit.jit(Grad.grad(F)).apply(1.0, 2.0), 1.0806046f); // from jax 0.10.2
    assertJaxScalar(Grad.grad(Jit.jit(F)).apply(1.0, 2.0), 1.0806046f); // from jax 0.10.2
    // from jax 0.10.2 (make_jaxpr(f)(1., 2.)), with the rules printed by their roles
    String expected = String.join("\n",
        "{ lambda ; a:f32[] b:f32[]. let",
        "    c:f32[] = custom_vjp_call[",
        "      name=f",
        "      bwd=bwd",
        "      call_jaxpr={ lambda ; d:f32[] e:f32[]. let",
        "          f:f32[] = sin d",
        "          g:f32[] = mul f e",
        "        in (g,) }",
        "      fwd=fwd",
        "      symbolic_zeros=False",
        "    ] a b",
        "  in (c,) }");
    assertEquals(expected, MakeJaxpr.makeJaxpr(F).apply(1.0, 2.0).toString());
  }

  @Test
  void linearizeLeavesACustomLinForTheTranspose() {
    // from jax 0.10.2: make_jaxpr(lambda x, y: linearize(f, x, y)[1](1., 1.))(1., 2.)
    String expected = String.join("\n",
        "{ lambda ; a:f32[] b:f32[]. let",
        "    _:f32[] = custom_vjp_call[",
        "      name=f",
        "      bwd=bwd",
        "      call_jaxpr={ lambda ; c:f32[] d:f32[]. let",
        "          e:f32[] = sin c",
        "          f:f32[] = mul e d",
        "        in (f,) }",
        "      fwd=fwd",
        "      symbolic_zeros=False",
        "    ] a b",
        "    g:f32[] = cos a",
        "    h:f32[] = sin a",
        "    i:f32[] = custom_lin[",
        "      bwd=bwd",
        "      in_zeros=[False, False]",
        "      num_res=3",
        "      symbolic_zeros=False",
        "    ] g h b 1.0:f32[] 1.0:f32[]",
        "  in (i,) }");
    assertEquals(expected, MakeJaxpr.makeJaxpr(
        a -> Linearize.linearize(F, a[0], a[1]).jvpFn().apply(1.0, 1.0)).apply(1.0, 2.0).toString());
  }

  @Test
  void nondiffArguments() {
    CustomVjp scale = new CustomVjp("scale", a -> Jnp.multiply(a[0], a[1]), 1);
    scale.defvjp(a -> Tuple.of(Jnp.multiply(a[0], a[1]), null),
        a -> Tuple.of(Jnp.multiply(Jnp.multiply(a[2], a[0]), 10.0)));
    assertJaxScalar(scale.apply(2.0, 3.0), 6f); // from jax 0.10.2
    assertJaxScalar(Grad.grad(scale).apply(2.0, 3.0), 30f); // from jax 0.10.2
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Grad.grad(a -> scale.apply(1.0, a[0])).apply(2.0));
    assertTrue(e.getMessage().startsWith("Found a JAX Tracer object passed as an argument to a custom_vjp "
        + "function in a position indicated by nondiff_argnums as non-differentiable."), e.getMessage());
  }

  @Test
  void forwardModeFailsLikeJax() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Jvp.jvp(F, new Object[] {1.0, 2.0}, new Object[] {1.0, 0.0}));
    assertEquals("can't apply forward-mode autodiff (jvp) to a custom_vjp function.", e.getMessage()); // from jax 0.10.2
    // from jax 0.10.2: hessian (jacfwd of jacrev) fails the same way, as fwd calls f under jvp
    IllegalArgumentException h = assertThrows(IllegalArgumentException.class,
        () -> Hessian.hessian(F).apply(1.0, 2.0));
    assertEquals("can't apply forward-mode autodiff (jvp) to a custom_vjp function.", h.getMessage());
  }

  @Test
  void badRulesAreReportedWithJaxsMessages() {
    CustomVjp undefined = new CustomVjp("w", a -> a[0]);
    assertEquals("No VJP defined for custom_vjp function w using defvjp.", // from jax 0.10.2
        assertThrows(IllegalStateException.class, () -> undefined.apply(1.0)).getMessage());

    CustomVjp v = new CustomVjp("v", a -> Jnp.sin(a[0]));
    v.defvjp(a -> Jnp.sin(a[0]), a -> Tuple.of(a[1]));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Grad.grad(v).apply(1.0)).getMessage()
        .startsWith("Custom VJP fwd rule fwd for function v must produce a pair (list or tuple of length two)"));

    v.defvjp(a -> Tuple.of(Jnp.sin(a[0]), Tuple.of()), a -> a[1]);
    // from jax 0.10.2 (TypeError)
    assertEquals("Custom VJP bwd rule must produce an output with the same container (pytree) structure "
        + "as the args tuple of the primal function, and in particular must produce a tuple of length "
        + "equal to the number of arguments to the primal function, but got bwd output structure "
        + "PyTreeDef(*) for primal input structure PyTreeDef((*,)).",
        assertThrows(IllegalArgumentException.class, () -> Grad.grad(v).apply(1.0)).getMessage());

    v.defvjp(a -> Tuple.of(Jnp.sin(a[0]), Tuple.of()), a -> Tuple.of(Jnp.ones(3)));
    // from jax 0.10.2 (ValueError)
    assertEquals("Custom VJP bwd rule must produce an output with the same type as the args tuple of "
        + "the primal function, but at output[0] the bwd rule produced an output of type float32[3] "
        + "corresponding to an input of type float32[], so the shapes do not match",
        assertThrows(IllegalArgumentException.class, () -> Grad.grad(v).apply(1.0)).getMessage());

    IllegalArgumentException closed = assertThrows(IllegalArgumentException.class, () -> Grad.grad(w -> {
      CustomVjp c = new CustomVjp("c", a -> Jnp.multiply(a[0], w[0]));
      c.defvjp(a -> Tuple.of(c.apply(a[0]), Tuple.of()), a -> Tuple.of(a[1]));
      return c.apply(2.0);
    }).apply(1.0));
    assertTrue(closed.getMessage().startsWith("Detected differentiation of a custom_vjp function with "
        + "respect to a closed-over value."), closed.getMessage());
  }
}
