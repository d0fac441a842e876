package dev.flaxj.transform.jvp;

import static dev.flaxj.transform.jvp.JvpTestSupport.assertJax;
import static dev.flaxj.transform.jvp.JvpTestSupport.f32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.numpy.Index;
import dev.flaxj.numpy.Jnp;
import org.junit.jupiter.api.Test;

/** Outputs with a symbolic zero tangent come back as their primals (JAX's maybe_jvp_tracer). */
class ZeroTangentOutputTest {
  private final Array x = f32(1, -2, 3, -0.5f);
  private final Array t = f32(0.5f, 1, 2, 3);

  @Test
  void comparisonOfConcretePrimalIsConcrete() {
    Value[] seen = new Value[1];
    Jvp.jvp(a -> {
      seen[0] = Jnp.greater(a[0], 0);
      return a[0];
    }, new Object[] {x}, new Object[] {t});
    Array mask = assertInstanceOf(Array.class, seen[0]);
    assertArrayEquals(new boolean[] {true, false, true, false}, mask.rawBools());
  }

  @Test
  void booleanMaskComputedUnderJvp() {
    JvpOutput out = Jvp.jvp(a -> {
      Value v = (Value) a[0];
      return Jnp.multiply(Jnp.index(v, Index.array(Jnp.greater(v, 0))), 2);
    }, new Object[] {x}, new Object[] {t});
    // from jax 0.10.2: jax.jvp(lambda x: x[x > 0] * 2., (x,), (t,))
    assertJax(new float[] {2, 6}, (Value) out.primalOut());
    assertJax(new float[] {1, 4}, (Value) out.tangentOut());
  }
}
