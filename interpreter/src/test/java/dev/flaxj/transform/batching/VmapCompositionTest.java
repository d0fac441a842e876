package dev.flaxj.transform.batching;

import static dev.flaxj.transform.batching.VmapCheck.*;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.jvp.Jvp;
import dev.flaxj.transform.partial.Grad;
import dev.flaxj.transform.staging.Jit;
import dev.flaxj.tree.Tuple;
import org.junit.jupiter.api.Test;

/** vmap and its collectives together with jit, grad and jvp. */
class VmapCompositionTest {
  private final Array x = iota(0.5, -1, 3, 4);

  /** Per example: the example minus the batch mean, times its index along 'i'. */
  private static final TreeFunction CENTERED = a -> Jnp.multiply(
      Jnp.subtract(a[0], Lax.pmean((Value) a[0], "i")), Lax.axisIndex("i"));

  private Value plain(TreeFunction f, Object... args) {
    return (Value) Vmap.vmap(f).axisName("i").apply(args);
  }

  @Test
  void collectivesInsideJitUnderVmap() {
    Value expected = plain(CENTERED, x);
    assertClose(expected, (Value) Vmap.vmap(Jit.jit(CENTERED)).axisName("i").apply(x));
    assertClose(expected, (Value) Jit.jit(Vmap.vmap(CENTERED).axisName("i")).apply(x));
    // a jitted function of no traced argument: axis_index still finds the vmap
    Value idx = (Value) Vmap.vmap(a -> Jit.jit(b -> Lax.axisIndex("i")).apply())
        .axisName("i").apply(x);
    assertValues(idx, new int[] {3}, 0, 1, 2);
  }

  @Test
  void gradUnderVmapAndVmapUnderGrad() {
    TreeFunction loss = a -> Jnp.sum(Jnp.multiply(Lax.sin((Value) a[0]), a[0]));
    Value perExample = (Value) Vmap.vmap(Grad.grad(loss)).apply(x);
    // d/dx sum(x sin x) = sin x + x cos x
    assertClose(Jnp.add(Jnp.sin(x), Jnp.multiply(x, Jnp.cos(x))), perExample);
    Value ofBatch = (Value) Grad.grad(a -> Jnp.sum((Value) Vmap.vmap(loss, 1).apply(a[0])))
        .apply(x);
    assertClose(perExample, ofBatch);
  }

  @Test
  void jvpThroughPsum() {
    TreeFunction f = a -> Lax.psum(Jnp.multiply(a[0], a[0]), "i");
    Object out = Jvp.jvp(b -> Vmap.vmap(f).axisName("i").apply(b[0]), new Object[] {x},
        new Object[] {Jnp.onesLike(x)}).tangentOut();
    // d/dt psum((x + t)^2) = psum(2 x), the same in every row
    Value expected = plain(a -> Lax.psum(Jnp.multiply(a[0], 2f), "i"), x);
    assertClose(expected, (Value) out);
  }

  @Test
  void vmapOfJitWithAnUnmappedArgument() {
    TreeFunction f = Jit.jit(a -> Jnp.add(Jnp.matmul(a[0], a[1]), 1f));
    Array w = iota(0.25, 0, 4, 2);
    check(a -> (Value) f.apply(a[0], a[1]), axes(0, null), 0, x, w);
    check(a -> (Value) f.apply(a[0], a[1]), axes(1, null), 1, iota(1, 0, 4, 3), w);
    Object pair = Vmap.vmap(Jit.jit(a -> Tuple.of(a[0], Lax.reduceSum((Value) a[1], 0))),
        Tuple.of(0, null), Tuple.of(0, null)).apply(x, iota(1, 0, 5));
    assertValues((Value) ((Tuple) pair).get(1), new int[0], 10);
  }
}
