package dev.flaxj.transform.partial;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.batching.Vmap;
import org.junit.jupiter.api.Test;

/**
 * Gradients through collectives inside {@code vmap(axis_name='i')}; expected values from jax
 * 0.10.2 ({@code jax.vmap(jax.grad(f), axis_name='i')(x)}).
 */
class CollectiveTransposeTest {
  private static final Array X = Close.f32(1, 2, -4);
  private static final Array V = Array.of(new float[] {1, 2, 0.5f, -1, 0, 3}, 3, 2);
  private static final Array W = Array.of(new float[] {0, 1, 2, 3, 4, 5}, 3, 2);

  private static Value vmapGrad(TreeFunction f, Value x) {
    return (Value) Vmap.vmap(Grad.grad(f)).axisName("i").apply(x);
  }

  private static Value arg(Object[] a) {
    return (Value) a[0];
  }

  @Test
  void psumTransposesToPsum() {
    Close.f32(vmapGrad(a -> Lax.psum(Jnp.square(arg(a)), "i"), X), new int[] {3}, 6, 12, -24);
    Close.f32(vmapGrad(a -> Jnp.multiply(arg(a), Lax.psum(arg(a), "i")), X), new int[] {3},
        -2, -2, -2);
    Close.f32(vmapGrad(a -> Jnp.sum(Jnp.sin(Lax.psum(Jnp.multiply(arg(a), arg(a)), "i"))), V),
        new int[] {3, 2}, 1.8919342, 1.6408465, 0.9459671, -0.82042325, 0, 2.4612699);
  }

  @Test
  void pmeanIsPsumThenDivide() {
    Close.f32(vmapGrad(a -> Lax.pmean(Jnp.square(arg(a)), "i"), X), new int[] {3}, 2, 4, -8);
    Close.f32(vmapGrad(a -> Jnp.multiply(arg(a), Lax.pmean(arg(a), "i")), X), new int[] {3},
        -0.66666675, -0.66666675, -0.66666675);
  }

  @Test
  void allGatherTransposesToReduceScatter() {
    double[] expected = {0, 3, 6, 9, 12, 15};
    Close.f32(vmapGrad(a -> Jnp.sum(Jnp.multiply(Lax.allGather(arg(a), "i"), W)), V),
        new int[] {3, 2}, expected);
    Close.f32(vmapGrad(a -> Jnp.sum(Jnp.multiply(Lax.allGather(arg(a), "i", 1, false),
        Jnp.transpose(W))), V), new int[] {3, 2}, expected);
    Close.f32(vmapGrad(a -> Jnp.sum(Jnp.multiply(Lax.allGather(arg(a), "i", 0, true),
        Jnp.arange(6.0))), V), new int[] {3, 2}, expected);
    Close.f32(vmapGrad(a -> Jnp.sum(Jnp.square(Lax.allGather(arg(a), "i", 0, true))), V),
        new int[] {3, 2}, 6, 12, 3, -6, 0, 18);
  }
}
