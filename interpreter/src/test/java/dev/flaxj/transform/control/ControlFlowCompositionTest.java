package dev.flaxj.transform.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.batching.Vmap;
import dev.flaxj.transform.jvp.Jvp;
import dev.flaxj.transform.partial.Grad;
import dev.flaxj.transform.staging.Jit;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pairs of transformations around each control-flow function (jit, vmap, jvp, grad in both
 * orders), each checked against the same computation done one example at a time or eagerly.
 */
class ControlFlowCompositionTest {
  private static final float[] XS = {-1.3f, 0.4f, 0.7f, 1.6f};
  private static final Value SEQ = Array.of(new float[] {0.5f, -1f, 2f}, 3);

  private static final Map<String, TreeFunction> DIFFERENTIABLE = Map.of(
      "cond", a -> ControlFlow.cond(Jnp.greater(a[0], 0f), b -> Jnp.multiply(Jnp.sin(b[0]), b[0]),
          b -> Jnp.multiply(Jnp.multiply(b[0], b[0]), b[0]), a[0]),
      "switch", a -> ControlFlow.switchCase(
          Lax.add(Lax.convertElementType(Jnp.greater(a[0], 0f), DType.INT32),
              Lax.convertElementType(Jnp.greater(a[0], 1f), DType.INT32)),
          List.<TreeFunction>of(b -> Jnp.exp(b[0]), b -> Jnp.multiply(b[0], b[0]), b -> Jnp.multiply(Jnp.sin(b[0]), 3f)),
          a[0]),
      "scan", a -> Jnp.sum((Value) ControlFlow.scan(b -> {
        Value c = Jnp.tanh(Jnp.add(Jnp.multiply(b[0], a[0]), b[1]));
        return Tuple.of(c, Jnp.multiply(c, c));
      }, Array.scalar(0.3f), SEQ).get(1)),
      "fori", a -> ControlFlow.foriLoop(0, 3, b -> Jnp.add(Jnp.multiply(b[1], a[0]), 1f), a[0]));

  private static final TreeFunction WHILE = a -> ControlFlow.whileLoop(b -> Jnp.less(b[0], 10f),
      b -> Jnp.add(Jnp.multiply(b[0], 2f), Jnp.abs(a[0])), Jnp.add(Jnp.abs(a[0]), 0.1f));

  private static float[] perExample(TreeFunction f) {
    float[] out = new float[XS.length];
    for (int i = 0; i < XS.length; i++) {
      out[i] = (float) ((Array) f.apply(Array.scalar(XS[i]))).item();
    }
    return out;
  }

  private static float[] batched(TreeFunction f) {
    return ((Array) f.apply(Array.of(XS, XS.length))).toFloatArray();
  }

  private static TreeFunction tangent(TreeFunction f) {
    return a -> Jvp.jvp(f, new Object[] {a[0]}, new Object[] {Jnp.onesLike((Value) a[0])}).tangentOut();
  }

  private static void check(String name, float[] expected, float[] actual) {
    assertArrayEquals(expected, actual, 1e-5f, name);
  }

  private static List<Map.Entry<String, TreeFunction>> all() {
    List<Map.Entry<String, TreeFunction>> out = new ArrayList<>(DIFFERENTIABLE.entrySet());
    out.add(Map.entry("while", WHILE));
    return out;
  }

  @Test
  void vmapAndJitInBothOrders() {
    for (Map.Entry<String, TreeFunction> e : all()) {
      TreeFunction f = e.getValue();
      float[] expected = perExample(f);
      check(e.getKey() + ": vmap", expected, batched(Vmap.vmap(f)));
      check(e.getKey() + ": jit(vmap)", expected, batched(Jit.jit(Vmap.vmap(f))));
      check(e.getKey() + ": vmap(jit)", expected, batched(Vmap.vmap(Jit.jit(f))));
    }
  }

  @Test
  void jvpWithVmapAndJitInBothOrders() {
    for (Map.Entry<String, TreeFunction> e : all()) {
      TreeFunction f = e.getValue();
      float[] expected = perExample(tangent(f));
      check(e.getKey() + ": vmap(jvp)", expected, batched(Vmap.vmap(tangent(f))));
      check(e.getKey() + ": jvp(vmap)", expected, batched(tangent(Vmap.vmap(f))));
      check(e.getKey() + ": jvp(jit)", expected, perExample(tangent(Jit.jit(f))));
      check(e.getKey() + ": jit(jvp)", expected, perExample(Jit.jit(tangent(f))));
    }
  }

  @Test
  void gradWithVmapJitAndJvp() {
    for (Map.Entry<String, TreeFunction> e : DIFFERENTIABLE.entrySet()) {
      TreeFunction f = e.getValue();
      float[] expected = perExample(tangent(f));
      check(e.getKey() + ": grad", expected, perExample(Grad.grad(f)));
      check(e.getKey() + ": vmap(grad)", expected, batched(Vmap.vmap(Grad.grad(f))));
      check(e.getKey() + ": grad(sum vmap)", expected,
          batched(Grad.grad(a -> Jnp.sum((Value) Vmap.vmap(f).apply(a[0])))));
      check(e.getKey() + ": jit(grad)", expected, perExample(Jit.jit(Grad.grad(f))));
      check(e.getKey() + ": grad(jit)", expected, perExample(Grad.grad(Jit.jit(f))));
      // second derivatives: forward over reverse equals reverse over reverse
      check(e.getKey() + ": jvp(grad) = grad(grad)", perExample(Grad.grad(Grad.grad(f))),
          perExample(tangent(Grad.grad(f))));
    }
  }
}
