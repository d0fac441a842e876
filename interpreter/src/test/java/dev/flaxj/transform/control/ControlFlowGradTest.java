package dev.flaxj.transform.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.batching.Vmap;
import dev.flaxj.transform.partial.Grad;
import dev.flaxj.transform.partial.Hessian;
import dev.flaxj.transform.partial.Linearize;
import dev.flaxj.transform.partial.LinearizeOutput;
import dev.flaxj.tree.Tuple;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reverse mode through scan, cond, switch and fori_loop (expected values from jax 0.10.2), and
 * JAX's error for while_loop.
 */
class ControlFlowGradTest {
  private static final float TOL = 2e-6f;
  private static final Value XS = Array.of(new float[] {0.5f, -1f, 2f, 0.25f}, 4);

  private static float f32(Object v) {
    return (float) ((Array) v).item();
  }

  private static float[] floats(Object v) {
    return ((Array) v).toFloatArray();
  }

  /** {@code sum(ys) + c} for {@code c = tanh(c * w + x), y = c * c}. */
  static final TreeFunction SCAN_LOSS = a -> {
    Tuple out = ControlFlow.scan(b -> {
      Value c = Jnp.tanh(Jnp.add(Jnp.multiply(b[0], a[0]), b[1]));
      return Tuple.of(c, Jnp.multiply(c, c));
    }, a[1], a[2]);
    return Jnp.add(Jnp.sum((Value) out.get(1)), out.get(0));
  };

  @Test
  void gradOfScanWithRespectToConstsCarryAndSequence() {
    Tuple g = (Tuple) Grad.grad(SCAN_LOSS).argnums(0, 1, 2).apply(Array.scalar(0.9f), Array.scalar(0.3f), XS);
    // from jax 0.10.2
    assertEquals(0.6548092365264893f, f32(g.get(0)), TOL);
    assertEquals(0.4976486265659332f, f32(g.get(1)), TOL);
    assertArrayEquals(new float[] {0.5529429316520691f, -0.38104355335235596f, 0.3762039542198181f,
        0.9525463581085205f}, floats(g.get(2)), TOL);
  }

  @Test
  void gradOfAReverseScan() {
    TreeFunction f = a -> {
      Tuple out = ControlFlow.scan(b -> {
        Value c = Jnp.add(Jnp.multiply(Jnp.sin(b[0]), a[0]), b[1]);
        return Tuple.of(c, Jnp.multiply(c, b[1]));
      }, Array.scalar(1f), a[1], null, true, 1);
      return Jnp.multiply(Jnp.sum((Value) out.get(1)), out.get(0));
    };
    Tuple g = (Tuple) Grad.grad(f).argnums(0, 1).apply(Array.scalar(0.7f), XS);
    // from jax 0.10.2
    assertEquals(-3.2763729095458984f, f32(g.get(0)), 1e-5f);
    assertArrayEquals(new float[] {5.964940547943115f, 3.28263258934021f, -1.413514256477356f,
        -0.6709463596343994f}, floats(g.get(1)), 1e-5f);
  }

  static final TreeFunction SCAN_LENGTH = a -> {
    Tuple out = ControlFlow.scan(b -> Tuple.of(Jnp.add(Jnp.multiply(b[0], a[0]), 1f), b[0]),
        Array.scalar(0.5f), null, 5);
    return Jnp.add(out.get(0), Jnp.sum((Value) out.get(1)));
  };

  @Test
  void gradAndSecondDerivativeOfAScanWithoutSequences() {
    // from jax 0.10.2
    assertEquals(32.92124938964844f, f32(Grad.grad(SCAN_LENGTH).apply(Array.scalar(1.1f))), 1e-4f);
    assertEquals(58.589996337890625f, f32(Grad.grad(Grad.grad(SCAN_LENGTH)).apply(Array.scalar(1.1f))), 1e-3f);
  }

  @Test
  void gradOfAScannedMatrixLayerWithAnIntegerFreeCarry() {
    TreeFunction f = a -> {
      Tuple out = ControlFlow.scan(b -> Tuple.of(Jnp.tanh(Jnp.matmul(b[1], b[0])), Jnp.sum((Value) b[0])),
          a[1], a[0]);
      return Jnp.add(Jnp.sum((Value) out.get(0)), Jnp.sum((Value) out.get(1)));
    };
    Value ws = Jnp.reshape(Jnp.subtract(Jnp.divide(Jnp.arange(12.0), 10f), 0.5f), 3, 2, 2);
    Tuple g = (Tuple) Grad.grad(f).argnums(0, 1).apply(ws, Array.of(new float[] {1, -1}, 2));
    // from jax 0.10.2
    assertArrayEquals(new float[] {1.0097060203552246f, -1.0097060203552246f, 1.3857126235961914f,
        -1.3857126235961914f, -0.17937375605106354f, -0.1793738305568695f, -0.1991446167230606f,
        -0.19914469122886658f, 0.009965665638446808f, -0.029889093711972237f, 0.009964793920516968f,
        -0.029886478558182716f}, floats(g.get(0)), 1e-5f);
    assertArrayEquals(new float[] {0.07943320274353027f, 0.3189750909805298f}, floats(g.get(1)), 1e-5f);
  }

  static final TreeFunction COND = a -> ControlFlow.cond(Jnp.greater(a[0], 0f),
      b -> Jnp.multiply(Jnp.sin(b[0]), b[0]), b -> Jnp.multiply(Jnp.multiply(b[0], b[0]), b[0]), a[0]);

  @Test
  void gradOfCond() {
    // from jax 0.10.2
    assertEquals(1.1796071529388428f, f32(Grad.grad(COND).apply(Array.scalar(0.7f))), TOL);
    assertEquals(5.069999694824219f, f32(Grad.grad(COND).apply(Array.scalar(-1.3f))), 1e-5f);
    assertEquals(1.0787320137023926f, f32(Grad.grad(Grad.grad(COND)).apply(Array.scalar(0.7f))), 1e-5f);
  }

  @Test
  void gradOfCondWithPytreeOperandsAndBranchSpecificResiduals() {
    TreeFunction f = a -> {
      Value x = (Value) a[0];
      Object w = a[1];
      Tuple out = (Tuple) ControlFlow.cond(Jnp.greater(Jnp.index(x, dev.flaxj.numpy.Index.at(0)), 0f),
          b -> {
            Tuple t = (Tuple) b[0];
            return Tuple.of(Jnp.multiply(t.get(0), w), Jnp.exp(t.get(1)));
          },
          b -> {
            Tuple t = (Tuple) b[0];
            return Tuple.of(Jnp.multiply(t.get(0), 0f), Jnp.multiply(t.get(1), w));
          },
          Tuple.of(x, Jnp.multiply(x, 2f)));
      return Jnp.add(Jnp.sum((Value) out.get(0)), Jnp.sum((Value) out.get(1)));
    };
    Value x = Array.of(new float[] {0.5f, -0.25f}, 2);
    Tuple g = (Tuple) Grad.grad(f).argnums(0, 1).apply(x, Array.scalar(1.5f));
    // from jax 0.10.2
    assertArrayEquals(new float[] {6.936563491821289f, 2.7130613327026367f}, floats(g.get(0)), 1e-5f);
    assertEquals(0.25f, f32(g.get(1)), TOL);
    Tuple gn = (Tuple) Grad.grad(f).argnums(0, 1).apply(Jnp.negative(x), Array.scalar(1.5f));
    assertArrayEquals(new float[] {3f, 3f}, floats(gn.get(0)), TOL);
    assertEquals(-0.5f, f32(gn.get(1)), TOL);
  }

  @Test
  void gradOfSwitch() {
    List<TreeFunction> branches = List.of(b -> Jnp.exp(b[0]), b -> Jnp.multiply(b[0], b[0]),
        b -> Jnp.multiply(Jnp.sin(b[0]), 3f));
    // from jax 0.10.2, indices -1..3 (clamped)
    float[] expected = {2.22554087638855f, 2.22554087638855f, 1.600000023841858f, 2.0901200771331787f,
        2.0901200771331787f};
    for (int i = -1; i <= 3; i++) {
      int index = i;
      TreeFunction f = a -> ControlFlow.switchCase(index, branches, a[0]);
      assertEquals(expected[i + 1], f32(Grad.grad(f).apply(Array.scalar(0.8f))), 1e-5f, "index " + i);
    }
  }

  @Test
  void gradOfForiLoopWithStaticBounds() {
    TreeFunction f = a -> ControlFlow.foriLoop(0, 3, b -> Jnp.multiply(b[1], a[0]), a[0]);
    // from jax 0.10.2
    assertEquals(13.5f, f32(Grad.grad(f).apply(Array.scalar(1.5f))), 1e-5f);
    TreeFunction g = a -> ControlFlow.foriLoop(1, 4, b -> Jnp.multiply(b[1], Jnp.sin(Jnp.multiply(a[0], b[0]))), a[0]);
    assertEquals(0.9858592748641968f, f32(Grad.grad(g).apply(Array.scalar(0.6f))), 1e-5f);
  }

  @Test
  void gradOfCondInsideScanInsideCond() {
    TreeFunction f = a -> {
      Tuple out = ControlFlow.scan(b -> {
        Object c = ControlFlow.cond(Jnp.greater(b[1], 0f), d -> Jnp.multiply(d[0], a[0]), d -> Jnp.add(d[0], a[0]), b[0]);
        return Tuple.of(c, c);
      }, Array.scalar(1f), a[1]);
      Value c = (Value) out.get(0);
      return ControlFlow.cond(Jnp.greater(c, 0f), b -> Jnp.multiply(c, Jnp.sum((Value) out.get(1))),
          b -> Jnp.negative(c));
    };
    Tuple g = (Tuple) Grad.grad(f).argnums(0, 1).apply(Array.scalar(1.2f), XS);
    // from jax 0.10.2
    assertEquals(142.6636962890625f, f32(g.get(0)), 1e-3f);
    assertArrayEquals(new float[] {0, 0, 0, 0}, floats(g.get(1)), 0f);
  }

  @Test
  void vmapOfGradOfScanAndGradOfABatchedCond() {
    TreeFunction grad = Grad.grad(SCAN_LOSS);
    Object g = Vmap.vmap(grad, Tuple.of(0, null, null))
        .apply(Array.of(new float[] {0.5f, 0.9f, -0.3f}, 3), Array.scalar(0.3f), XS);
    // from jax 0.10.2
    assertArrayEquals(new float[] {0.8808521032333374f, 0.6548092365264893f, 0.8509447574615479f}, floats(g), 1e-5f);
    TreeFunction vcond = a -> Jnp.sum((Value) Vmap.vmap(b -> ControlFlow.cond(Jnp.greater(b[0], 0f),
        d -> Jnp.sin(d[0]), d -> Jnp.cos(d[0]), b[0])).apply(a[0]));
    assertArrayEquals(new float[] {0.8775825500488281f, 0.8414709568023682f, -0.416146844625473f},
        floats(Grad.grad(vcond).apply(Array.of(new float[] {0.5f, -1f, 2f}, 3))), 1e-6f);
  }

  @Test
  void hessiansOfScanAndCond() {
    TreeFunction scan = a -> {
      Value v = (Value) a[0];
      Value v0 = Jnp.index(v, dev.flaxj.numpy.Index.at(0));
      Value v1 = Jnp.index(v, dev.flaxj.numpy.Index.at(1));
      Tuple out = ControlFlow.scan(b -> {
        Value c = Jnp.tanh(Jnp.add(Jnp.multiply(b[0], v0), Jnp.multiply(b[1], v1)));
        return Tuple.of(c, Jnp.multiply(c, c));
      }, Array.scalar(0.3f), XS);
      return Jnp.add(Jnp.sum((Value) out.get(1)), out.get(0));
    };
    Value v = Array.of(new float[] {0.9f, 0.4f}, 2);
    // from jax 0.10.2: jax.hessian
    assertArrayEquals(new float[] {3.0778250694274902f, -2.030482530593872f, -2.030482292175293f,
        -2.6821024417877197f}, floats(Hessian.hessian(scan).apply(v)), 1e-4f);
    TreeFunction cond = a -> ControlFlow.cond(Jnp.greater(Jnp.index((Value) a[0], dev.flaxj.numpy.Index.at(0)), 0f),
        b -> {
          Value x = (Value) b[0];
          Value x0 = Jnp.index(x, dev.flaxj.numpy.Index.at(0));
          Value x1 = Jnp.index(x, dev.flaxj.numpy.Index.at(1));
          return Jnp.multiply(Jnp.sin(x0), Jnp.multiply(x1, x1));
        },
        b -> Jnp.multiply(Jnp.index((Value) b[0], dev.flaxj.numpy.Index.at(0)),
            Jnp.index((Value) b[0], dev.flaxj.numpy.Index.at(1))), a[0]);
    assertArrayEquals(new float[] {-0.125332310795784f, 0.4972879886627197f, 0.4972879886627197f,
        1.566653847694397f}, floats(Hessian.hessian(cond).apply(v)), 1e-5f);
  }

  @Test
  void linearizeOfAWhileLoopWorks() {
    // JAX partially evaluates while: linearize works, only the transpose fails.
    TreeFunction f = a -> ControlFlow.whileLoop(b -> Jnp.less(b[0], 10f), b -> Jnp.multiply(b[0], a[0]), a[0]);
    LinearizeOutput out = Linearize.linearize(f, Array.scalar(1.5f));
    // from jax 0.10.2: jax.linearize
    assertEquals(11.390625f, f32(out.primalOut()), 0f);
    assertEquals(45.5625f, f32(out.jvpFn().apply(Array.scalar(1f))), 1e-5f);
  }

  @Test
  void reverseModeOfWhileLoopFailsWithJaxMessage() {
    String message = "Reverse-mode differentiation does not work for lax.while_loop or lax.fori_loop "
        + "with dynamic start/stop values. Try using lax.scan, or using fori_loop with static start/stop.";
    TreeFunction f = a -> ControlFlow.whileLoop(b -> Jnp.less(b[0], 3f), b -> Jnp.multiply(b[0], 2f), a[0]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Grad.grad(f).apply(Array.scalar(1f)));
    assertEquals(message, e.getMessage());
    // fori_loop with a traced bound is a while_loop
    TreeFunction g = a -> ControlFlow.cond(true,
        b -> ControlFlow.foriLoop(0, b[1], d -> Jnp.multiply(d[1], 2f), b[0]), b -> b[0], a[0], Array.scalar(3));
    assertEquals(message, assertThrows(IllegalArgumentException.class,
        () -> Grad.grad(g).apply(Array.scalar(1f))).getMessage());
  }
}
