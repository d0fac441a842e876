package dev.flaxj.transform.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.partial.Grad;
import dev.flaxj.transform.staging.Jit;
import dev.flaxj.transform.staging.Jitted;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.List;
import org.junit.jupiter.api.Test;

/** jit of every control-flow function equals its eager evaluation; jit composes with grad. */
class ControlFlowJitTest {
  private static void assertSameTree(Object expected, Object actual) {
    assertEquals(Trees.structure(expected), Trees.structure(actual));
    List<Object> e = Trees.leaves(expected);
    List<Object> a = Trees.leaves(actual);
    for (int i = 0; i < e.size(); i++) {
      assertEquals(((Value) e.get(i)).aval(), ((Value) a.get(i)).aval());
      assertArrayEquals(((Array) e.get(i)).toFloatArray(), ((Array) a.get(i)).toFloatArray(), 0f);
    }
  }

  private static void jitEqualsEager(TreeFunction f, Object... args) {
    Jitted jitted = Jit.jit(f);
    assertSameTree(f.apply(args), jitted.apply(args));
    assertSameTree(f.apply(args), jitted.apply(args));
    assertEquals(1, jitted.traceCount(), "the second call reuses the staged program");
  }

  private static final Value XS = Array.of(new float[] {0.5f, -1f, 2f, 0.25f}, 4);

  @Test
  void jitOfCondAndSwitch() {
    TreeFunction cond = a -> ControlFlow.cond(Jnp.greater(a[0], 0f), b -> Tuple.of(Jnp.sin(b[0]), b[1]),
        b -> Tuple.of(Jnp.cos(b[0]), Jnp.negative(b[1])), a[0], a[1]);
    jitEqualsEager(cond, Array.scalar(0.5f), XS);
    jitEqualsEager(cond, Array.scalar(-0.5f), XS);
    TreeFunction sw = a -> ControlFlow.switchCase(a[0], List.<TreeFunction>of(b -> Jnp.exp(b[0]),
        b -> Jnp.tanh(b[0]), b -> b[0]), a[1]);
    for (int i = -1; i <= 3; i++) {
      jitEqualsEager(sw, Array.scalar(i), XS);
    }
  }

  @Test
  void jitOfWhileAndForiLoops() {
    TreeFunction w = a -> ControlFlow.whileLoop(b -> Jnp.less(Jnp.sum((Value) b[0]), a[1]),
        b -> Jnp.multiply(b[0], 1.5f), a[0]);
    jitEqualsEager(w, Jnp.abs(XS), Array.scalar(40f));
    TreeFunction staticFori = a -> ControlFlow.foriLoop(0, 5, b -> Jnp.add(b[1], Jnp.multiply(b[0], a[0])), a[0]);
    jitEqualsEager(staticFori, XS);
    // under jit the bound is traced: a while loop
    TreeFunction tracedFori = a -> ControlFlow.foriLoop(0, a[1], b -> Jnp.add(b[1], 1f), a[0]);
    jitEqualsEager(tracedFori, XS, Array.scalar(3));
  }

  @Test
  void jitOfScanAndGrad() {
    jitEqualsEager(ControlFlowGradTest.SCAN_LOSS, Array.scalar(0.9f), Array.scalar(0.3f), XS);
    TreeFunction grad = Grad.grad(ControlFlowGradTest.SCAN_LOSS).argnums(0, 1, 2);
    jitEqualsEager(grad, Array.scalar(0.9f), Array.scalar(0.3f), XS);
    TreeFunction gradOfJit = Grad.grad(Jit.jit(ControlFlowGradTest.SCAN_LOSS));
    // from jax 0.10.2 (as in ControlFlowGradTest)
    assertEquals(0.6548092365264893f,
        (float) ((Array) gradOfJit.apply(Array.scalar(0.9f), Array.scalar(0.3f), XS)).item(), 2e-6f);
    jitEqualsEager(ControlFlowGradTest.COND, Array.scalar(0.7f));
    jitEqualsEager(Grad.grad(ControlFlowGradTest.COND), Array.scalar(-1.3f));
  }
}
