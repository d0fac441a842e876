package dev.flaxj.transform.jvp;

import static dev.flaxj.transform.jvp.JvpTestSupport.assertExactly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.batching.Vmap;
import dev.flaxj.tree.Tuple;
import org.junit.jupiter.api.Test;

/** jvp of the collectives inside {@code vmap(axis_name='i')}, against jax 0.10.2. */
class CollectiveJvpTest {
  private static Tuple mapped(TreeFunction jvpOfV) {
    return (Tuple) Vmap.vmap(jvpOfV).axisName("i").apply(Jnp.arange(3.0));
  }

  private static TreeFunction jvp(TreeFunction f, boolean tangentIsV) {
    return v -> {
      JvpOutput o = Jvp.jvp(f, new Object[] {v[0]}, new Object[] {tangentIsV ? v[0] : 1.0});
      return Tuple.of(o.primalOut(), o.tangentOut());
    };
  }

  @Test
  void psumAndPmeanAreLinear() {
    // from jax 0.10.2: vmap(lambda v: jvp(lambda a: psum(a, 'i'), (v,), (1.,)), axis_name='i')
    Tuple sum = mapped(jvp(a -> Lax.psum((Value) a[0], "i"), false));
    assertExactly(new float[] {3, 3, 3}, (Value) sum.get(0));
    assertExactly(new float[] {3, 3, 3}, (Value) sum.get(1));
    // from jax 0.10.2: the same with pmean and tangent v
    Tuple mean = mapped(jvp(a -> Lax.pmean((Value) a[0], "i"), true));
    assertExactly(new float[] {1, 1, 1}, (Value) mean.get(1));
  }

  @Test
  void allGatherIsLinearAndAxisIndexAConstant() {
    // from jax 0.10.2: each lane gathers [0, 1, 2], primal and tangent
    Tuple g = mapped(jvp(a -> Lax.allGather((Value) a[0], "i"), true));
    assertExactly(new float[] {0, 1, 2, 0, 1, 2, 0, 1, 2}, (Value) g.get(1));
    // from jax 0.10.2: d/da (a * axis_index) = axis_index
    Tuple idx = mapped(jvp(a -> Jnp.multiply(a[0], Lax.axisIndex("i")), false));
    assertExactly(new float[] {0, 1, 4}, (Value) idx.get(0));
    assertExactly(new float[] {0, 1, 2}, (Value) idx.get(1));
  }

  @Test
  void pmaxHasNoRuleAsInJax() {
    assertEquals("Differentiation rule for 'pmax' not implemented",
        assertThrows(UnsupportedOperationException.class,
            () -> mapped(jvp(a -> Lax.pmax((Value) a[0], "i"), false))).getMessage());
  }
}
