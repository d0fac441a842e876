package dev.flaxj.transform.remat;

import static dev.flaxj.transform.custom.CustomTestSupport.assertJax;
import static dev.flaxj.transform.custom.CustomTestSupport.assertJaxScalar;
import static dev.flaxj.transform.custom.CustomTestSupport.f32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.Concrete;
import dev.flaxj.transform.ConcretizationTypeError;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.batching.Vmap;
import dev.flaxj.transform.jvp.Jvp;
import dev.flaxj.transform.partial.Grad;
import dev.flaxj.transform.partial.Vjp;
import dev.flaxj.transform.staging.Jit;
import dev.flaxj.transform.staging.MakeJaxpr;
import dev.flaxj.tree.Tuple;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** jax.checkpoint: evaluation, its jaxprs, and every transformation of it, against JAX 0.10.2. */
class CheckpointTest {
  private static final TreeFunction SIN_SIN =
      a -> Jnp.sin(Checkpoint.checkpointName(Jnp.sin(a[0]), "a"));
  private static final Checkpoint G = Checkpoint.checkpoint(SIN_SIN);

  @Test
  void evaluatesTheFunction() {
    assertJaxScalar(G.apply(2.0), 0.78907233f); // from jax 0.10.2
    assertJax(G.apply(f32(0.5f, 0f)), new int[] {2}, 0.46126956f, 0f); // from jax 0.10.2
    assertJax(Checkpoint.remat(a -> Jnp.multiply(a[0], 2)).apply(f32()), new int[] {0});
  }

  @Test
  void stagesARemat2EquationLikeJax() {
    // from jax 0.10.2: make_jaxpr(checkpoint(lambda x: sin(checkpoint_name(sin(x), "a"))))(2.0)
    String expected = String.join("\n",
        "{ lambda ; a:f32[]. let",
        "    b:f32[] = remat2[",
        "      differentiated=False",
        "      jaxpr={ lambda ; c:f32[]. let",
        "          d:f32[] = sin c",
        "          e:f32[] = name[name=a] d",
        "          f:f32[] = sin e",
        "        in (f,) }",
        "      policy=None",
        "      prevent_cse=True",
        "    ] a",
        "  in (b,) }");
    assertEquals(expected, MakeJaxpr.makeJaxpr(G).apply(2.0).toString());
  }

  @Test
  void jvpIsTheJvpOfTheBodyInsideACheckpoint() {
    // from jax 0.10.2: make_jaxpr(lambda x: jvp(g, (x,), (1.0,))[1])(2.0)
    String expected = String.join("\n",
        "{ lambda ; a:f32[]. let",
        "    _:f32[] b:f32[] = remat2[",
        "      differentiated=False",
        "      jaxpr={ lambda ; c:f32[] d:f32[]. let",
        "          e:f32[] = sin c",
        "          f:f32[] = cos c",
        "          g:f32[] = mul d f",
        "          h:f32[] = name[name=a] e",
        "          i:f32[] = sin h",
        "          j:f32[] = cos h",
        "          k:f32[] = mul g j",
        "        in (i, k) }",
        "      policy=None",
        "      prevent_cse=True",
        "    ] a 1.0:f32[]",
        "  in (b,) }");
    assertEquals(expected, MakeJaxpr.makeJaxpr(
        a -> Jvp.jvp(G, new Object[] {a[0]}, new Object[] {1.0}).tangentOut()).apply(2.0).toString());
    assertJaxScalar(Jvp.jvp(G, new Object[] {2.0}, new Object[] {1.0}).tangentOut(), -0.25563914f);
  }

  @Test
  void reverseModeRecomputesInsideTheBackwardPass() {
    // from jax 0.10.2: make_jaxpr(lambda x: vjp(g, x)[1](1.0))(2.0): the forward pass keeps only
    // x; the backward pass is a checkpoint that recomputes sin and cos before transposing
    String expected = String.join("\n",
        "{ lambda ; a:f32[]. let",
        "    b:f32[] = sin a",
        "    c:f32[] = name[name=a] b",
        "    _:f32[] = sin c",
        "    d:f32[] = remat2[",
        "      differentiated=True",
        "      jaxpr={ lambda ; e:f32[] f:f32[]. let",
        "          g:f32[] = sin e",
        "          h:f32[] = cos e",
        "          i:f32[] = name[name=a] g",
        "          j:f32[] = cos i",
        "          k:f32[] = mul f j",
        "          l:f32[] = mul k h",
        "        in (l,) }",
        "      policy=None",
        "      prevent_cse=True",
        "    ] a 1.0:f32[]",
        "  in (d,) }");
    assertEquals(expected, MakeJaxpr.makeJaxpr(
        a -> Vjp.vjp(G, a[0]).vjpFn().apply(1.0)).apply(2.0).toString());
  }

  @Test
  void gradientsMatchJax() {
    Tuple vg = (Tuple) Grad.valueAndGrad(G).apply(2.0);
    assertJaxScalar(vg.get(0), 0.78907233f); // from jax 0.10.2
    assertJaxScalar(vg.get(1), -0.25563914f); // from jax 0.10.2
    assertJaxScalar(Grad.grad(Grad.grad(G)).apply(2.0), -0.6952318f); // from jax 0.10.2
    assertJaxScalar(Jit.jit(Grad.grad(G)).apply(2.0), -0.25563914f); // from jax 0.10.2
    assertJaxScalar(Grad.grad(Jit.jit(G)).apply(2.0), -0.25563914f); // from jax 0.10.2
  }

  @Test
  void batches() {
    Array xs = f32(0.5f, 1f, 2f);
    float[] grads = {0.7786439f, 0.36003947f, -0.25563914f}; // from jax 0.10.2
    assertJax(Vmap.vmap(Grad.grad(G)).apply(xs), new int[] {3}, grads);
    assertJax(Grad.grad(a -> Jnp.sum((Value) Vmap.vmap(G).apply(a[0]))).apply(xs), new int[] {3}, grads);
    assertJax(Vmap.vmap(G).apply(xs), new int[] {3}, 0.46126956f, 0.7456241f, 0.78907233f); // from jax 0.10.2
    // a body output that does not depend on the batch stays unbatched inside
    Checkpoint mixed = Checkpoint.checkpoint(a -> Tuple.of(Jnp.sin(a[0]), Jnp.cos(a[1])));
    Tuple out = (Tuple) Vmap.vmap(mixed, Tuple.of(0, null)).apply(xs, 0.0);
    assertJax(out.get(1), new int[] {3}, 1f, 1f, 1f);
  }

  @Test
  void pytreesAndStaticArguments() {
    // h(p, x, n): n steps of x <- tanh(a * x + b), with n static (Java control flow on it)
    Checkpoint h = Checkpoint.checkpoint(a -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> p = (Map<String, Object>) a[0];
      Value x = (Value) a[1];
      for (int i = 0; i < (Integer) a[2]; i++) {
        x = Jnp.tanh(Jnp.add(Jnp.multiply(p.get("a"), x), p.get("b")));
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("y", x);
      out.put("s", Jnp.sum(x));
      return out;
    }).staticArgnums(2);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("a", f32(0.5f, -1f));
    p.put("b", Array.scalar(0.1f));
    Array x = f32(1f, 2f);
    @SuppressWarnings("unchecked")
    Map<String, Object> out = (Map<String, Object>) h.apply(p, x, 3);
    assertJax(out.get("y"), new int[] {2}, 0.2695239f, -0.5942557f); // from jax 0.10.2
    @SuppressWarnings("unchecked")
    Map<String, Object> g = (Map<String, Object>) Grad.grad(
        a -> ((Map<?, ?>) h.apply(a[0], a[1], 3)).get("s")).apply(p, x);
    assertJax(g.get("a"), new int[] {2}, 0.68956995f, 0.78806347f); // from jax 0.10.2
    assertJaxScalar(g.get("b"), 1.8969439f); // from jax 0.10.2
    assertJax(h.staticArgnums(-1).apply(p, x, 3) instanceof Map<?, ?> m ? m.get("y") : null,
        new int[] {2}, 0.2695239f, -0.5942557f);
  }

  @Test
  void nestedCheckpointsMatchJax() {
    Checkpoint inner = Checkpoint.checkpoint(a -> Jnp.sin(a[0]));
    Checkpoint nest = Checkpoint.checkpoint(a -> Jnp.cos(Jnp.multiply(inner.apply(a[0]), a[0])));
    Tuple vg = (Tuple) Grad.valueAndGrad(nest).apply(1.5);
    assertJaxScalar(vg.get(0), 0.07448476f); // from jax 0.10.2
    assertJaxScalar(vg.get(1), -1.1005352f); // from jax 0.10.2
    // from jax 0.10.2: saved_residuals lists only the argument
    SavedResiduals res = SavedResiduals.of(nest, 1.5);
    assertEquals("f32[] from the argument at flattened index 0\n", res.toString());
  }

  @Test
  void badStaticArgnumsAndConcretization() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> G.staticArgnums(3).apply(1.0, 2.0, 3.0));
    // from jax 0.10.2 (ValueError)
    assertEquals("the `static_argnums` argument to `jax.checkpoint` / `jax.remat` can only take "
        + "integer values greater than or equal to `-len(args)` and less than `len(args)`, but got "
        + "(3,), while `len(args)` = 3", e.getMessage());
    ConcretizationTypeError c = assertThrows(ConcretizationTypeError.class, () -> Checkpoint.checkpoint(
        a -> Concrete.arrayOrError((Value) a[0], "the condition of an if")).apply(1.0));
    assertTrue(c.getMessage().contains("Consider using the `static_argnums` parameter for `jax.remat`"),
        c.getMessage());
  }
}
