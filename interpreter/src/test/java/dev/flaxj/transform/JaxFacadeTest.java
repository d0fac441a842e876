package dev.flaxj.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.numpy.Jnp;
import org.junit.jupiter.api.Test;

class JaxFacadeTest {
  private static final TreeFunction SUM_TANH_SQUARED =
      a -> Jnp.sum(Jnp.multiply(Jnp.tanh((Value) a[0]), Jnp.tanh((Value) a[0])));

  @Test
  void jitOfVmapOfGradComposes() {
    // d/dx tanh(x)^2 = 2 tanh(x) (1 - tanh(x)^2), per element
    Array xs = Array.of(new float[] {0.5f, -1f, 2f, 0f}, 2, 2);
    TreeFunction f = Jax.jit(Jax.vmap(Jax.grad(SUM_TANH_SQUARED)));
    Array out = (Array) f.apply(xs);
    float[] expected = new float[4];
    for (int i = 0; i < 4; i++) {
      double t = Math.tanh(xs.rawFloats()[i]);
      expected[i] = (float) (2 * t * (1 - t * t));
    }
    assertArrayEquals(expected, out.toFloatArray(), 1e-6f);
  }

  @Test
  void hessianOfASeparableFunctionIsDiagonal() {
    Array x = Array.of(new float[] {0.3f, -0.7f}, 2);
    Array h = (Array) Jax.hessian(SUM_TANH_SQUARED).apply(x);
    assertEquals("f32[2,2]", h.aval().str());
    assertEquals(0f, h.rawFloats()[1]);
    assertEquals(0f, h.rawFloats()[2]);
  }

  @Test
  void makeJaxprPrintsTheStagedProgram() {
    String jaxpr = Jax.makeJaxpr(a -> Jnp.sin((Value) a[0])).apply(Array.of(new float[] {1f}, 1)).toString();
    assertEquals("{ lambda ; a:f32[1]. let b:f32[1] = sin a in (b,) }", jaxpr);
  }
}
