package dev.flaxj.transform.custom;

import static dev.flaxj.transform.custom.CustomTestSupport.assertJax;
import static dev.flaxj.transform.custom.CustomTestSupport.assertJaxScalar;
import static dev.flaxj.transform.custom.CustomTestSupport.at;
import static dev.flaxj.transform.custom.CustomTestSupport.f32;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.batching.Vmap;
import dev.flaxj.transform.partial.Grad;
import dev.flaxj.transform.remat.Checkpoint;
import dev.flaxj.transform.remat.SavedResiduals;
import dev.flaxj.tree.Tuple;
import org.junit.jupiter.api.Test;

/** Custom derivatives inside checkpoints, and what reverse mode saves for them (jax 0.10.2). */
class CustomCompositionTest {
  private static CustomVjp vjpF() {
    CustomVjp f = new CustomVjp("f", a -> Jnp.multiply(Jnp.sin(a[0]), a[1]));
    return f.defvjp(a -> Tuple.of(f.apply(a[0], a[1]), Tuple.of(Jnp.cos(a[0]), Jnp.sin(a[0]), a[1])),
        a -> Tuple.of(Jnp.multiply(Jnp.multiply(at(a[0], 0), a[1]), at(a[0], 2)),
            Jnp.multiply(at(a[0], 1), a[1])));
  }

  private static CustomJvp jvpH() {
    CustomJvp h = new CustomJvp("h", a -> Jnp.multiply(Jnp.sin(a[0]), a[1]));
    return h.defjvp(a -> {
      Tuple p = (Tuple) a[0];
      Tuple t = (Tuple) a[1];
      return Tuple.of(h.apply(p.get(0), p.get(1)),
          Jnp.add(Jnp.multiply(Jnp.multiply(Jnp.cos(p.get(0)), t.get(0)), p.get(1)),
              Jnp.multiply(Jnp.sin(p.get(0)), t.get(1))));
    });
  }

  @Test
  void theResidualsOfACustomRuleAreWhatReverseModeSaves() {
    // from jax 0.10.2: saved_residuals of the custom_vjp f and of the custom_jvp h (same function)
    // at float32(1), float32(2) (not weakly typed: flaxj's tangents never are, JAX's may be)
    String expected = "f32[] from the argument at flattened index 1\nf32[] output of cos\nf32[] output of sin\n";
    assertEquals(expected, SavedResiduals.of(vjpF(), Array.scalar(1f), Array.scalar(2f)).toString());
    assertEquals(expected, SavedResiduals.of(jvpH(), Array.scalar(1f), Array.scalar(2f)).toString());
  }

  @Test
  void customRulesInsideACheckpointAreRecomputed() {
    for (TreeFunction inner : new TreeFunction[] {vjpF(), jvpH()}) {
      Checkpoint ck = Checkpoint.checkpoint(a -> Jnp.sin(inner.apply(a[0], a[1])));
      // from jax 0.10.2: only the arguments are saved
      assertEquals("f32[] from the argument at flattened index 0\nf32[] from the argument at flattened index 1\n",
          SavedResiduals.of(ck, 1.0, 2.0).toString());
      Tuple vg = (Tuple) Grad.valueAndGrad(ck).argnums(0, 1).apply(1.0, 2.0);
      assertJaxScalar(vg.get(0), 0.99371827f); // from jax 0.10.2
      assertJaxScalar(at(vg.get(1), 0), -0.12093117f); // from jax 0.10.2
      assertJaxScalar(at(vg.get(1), 1), -0.09416957f); // from jax 0.10.2
      Tuple batched = (Tuple) Vmap.vmap(Grad.grad(ck).argnums(0, 1)).apply(f32(1f, 2f), f32(2f, 3f));
      assertJax(batched.get(0), new int[] {2}, -0.12093117f, 1.1431215f); // from jax 0.10.2
      assertJax(batched.get(1), new int[] {2}, -0.09416957f, -0.8325886f); // from jax 0.10.2
    }
  }
}
