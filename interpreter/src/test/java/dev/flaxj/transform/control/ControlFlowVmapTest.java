package dev.flaxj.transform.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.batching.Vmap;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** vmap of cond, switch, while_loop, fori_loop and scan, against stacking per-example results. */
class ControlFlowVmapTest {
  private static final float TOL = 1e-6f;

  /** {@code f} applied to row {@code i} of every argument (all mapped along axis 0), stacked. */
  private static Value stacked(TreeFunction f, Value... args) {
    int n = args[0].shape().dim(0);
    List<Value> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Object[] row = new Object[args.length];
      for (int a = 0; a < args.length; a++) {
        row[a] = ScanPrimitive.indexLeading(args[a], i);
      }
      rows.add((Value) f.apply(row));
    }
    return Jnp.stack(rows);
  }

  private static void assertSame(Value expected, Object actual) {
    assertArrayEquals(expected.shape().dims(), ((Value) actual).shape().dims());
    assertArrayEquals(((Array) expected).toFloatArray(), ((Array) actual).toFloatArray(), TOL);
  }

  private static final Value XS = Array.of(new float[] {-1.5f, 0.25f, 2f, -0.5f, 3f}, 5);

  @Test
  void condWithABatchedPredicateSelects() {
    TreeFunction f = a -> ControlFlow.cond(Jnp.greater(a[0], 0f),
        b -> Jnp.sin(b[0]), b -> Jnp.multiply(b[0], b[0]), a[0]);
    assertSame(stacked(f, XS), Vmap.vmap(f).apply(XS));
  }

  @Test
  void condWithABatchedPredicateAndUnbatchedOperands() {
    Value w = Array.of(new float[] {1, 2}, 2);
    TreeFunction f = a -> ControlFlow.cond(Jnp.greater(a[0], 0f),
        b -> Jnp.multiply(b[0], 3f), b -> Jnp.negative(b[0]), a[1]);
    Object out = Vmap.vmap(f, Tuple.of(0, null)).apply(XS, w);
    float[] expected = new float[10];
    float[] xs = ((Array) XS).toFloatArray();
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 2; j++) {
        expected[2 * i + j] = xs[i] > 0 ? 3 * (j + 1) : -(j + 1);
      }
    }
    assertArrayEquals(new int[] {5, 2}, ((Value) out).shape().dims());
    assertArrayEquals(expected, ((Array) out).toFloatArray());
  }

  @Test
  void condWithAnUnbatchedPredicateBatchesTheBranches() {
    // the true branch ignores the batched operand: its output is broadcast to match
    TreeFunction f = a -> ControlFlow.cond(a[1], b -> Array.scalar(7f), b -> Jnp.exp(b[0]), a[0]);
    assertSame(Jnp.full(new int[] {5}, 7f), Vmap.vmap(f, Tuple.of(0, null)).apply(XS, true));
    assertSame(stacked(a -> Jnp.exp(a[0]), XS), Vmap.vmap(f, Tuple.of(0, null)).apply(XS, false));
  }

  @Test
  void switchWithABatchedIndex() {
    List<TreeFunction> branches = List.of(b -> Jnp.add(b[0], 10f), b -> Jnp.multiply(b[0], 2f), b -> Jnp.negative(b[0]));
    TreeFunction f = a -> ControlFlow.switchCase(a[0], branches, a[1]);
    Value index = Array.of(new int[] {-3, 0, 1, 2, 9}, 5);
    assertSame(stacked(f, index, XS), Vmap.vmap(f).apply(index, XS));
  }

  @Test
  void whileLoopWithABatchedPredicateRunsUntilEveryLaneIsDone() {
    // each lane doubles until it exceeds its own limit: different trip counts per lane
    TreeFunction f = a -> ControlFlow.whileLoop(
        c -> Jnp.less(((Tuple) c[0]).get(1), a[1]),
        c -> {
          Tuple t = (Tuple) c[0];
          return Tuple.of(Jnp.add(t.get(0), 1), Jnp.multiply(t.get(1), 2f));
        },
        Tuple.of(Array.scalar(0), a[0]));
    Value starts = Array.of(new float[] {1, 3, 0.5f, 100}, 4);
    Value limits = Array.of(new float[] {10, 10, 64, 5}, 4);
    Tuple out = (Tuple) Vmap.vmap(f).apply(starts, limits);
    assertArrayEquals(new int[] {4, 2, 7, 0}, ((Array) out.get(0)).toIntArray());
    assertArrayEquals(new float[] {16, 12, 64, 100}, ((Array) out.get(1)).toFloatArray());
  }

  @Test
  void whileLoopWithAnUnbatchedPredicateKeepsTheCounterUnbatched() {
    TreeFunction f = a -> ((Tuple) ControlFlow.whileLoop(
        c -> Jnp.less(((Tuple) c[0]).get(0), 3),
        c -> {
          Tuple t = (Tuple) c[0];
          return Tuple.of(Jnp.add(t.get(0), 1), Jnp.add(Jnp.multiply(t.get(1), 0.5f), 1f));
        },
        Tuple.of(Array.scalar(0), a[0]))).get(1);
    assertSame(stacked(f, XS), Vmap.vmap(f).apply(XS));
  }

  @Test
  void nestedVmapOfAWhileLoopWithBatchedPredicates() {
    TreeFunction f = a -> ControlFlow.whileLoop(c -> Jnp.less(c[0], a[1]), c -> Jnp.add(c[0], 1f), a[0]);
    Value starts = Array.of(new float[] {0, 1, 2, 3, 4, 5}, 2, 3);
    Value limits = Array.of(new float[] {3, 3, 3, 10, 0, 7}, 2, 3);
    Object out = Vmap.vmap(Vmap.vmap(f)).apply(starts, limits);
    assertArrayEquals(new float[] {3, 3, 3, 10, 4, 7}, ((Array) out).toFloatArray());
  }

  @Test
  void foriLoopUnderVmap() {
    TreeFunction f = a -> ControlFlow.foriLoop(0, 3, b -> Jnp.add(Jnp.multiply(b[1], a[0]), 1f), Array.scalar(0f));
    assertSame(stacked(f, XS), Vmap.vmap(f).apply(XS));
    // a batched bound: a while loop with a batched predicate
    TreeFunction g = a -> ControlFlow.foriLoop(0, a[0], b -> Jnp.add(b[1], 2f), Array.scalar(0f));
    Value bounds = Array.of(new int[] {0, 1, 4, -2}, 4);
    assertArrayEquals(new float[] {0, 2, 8, 0}, ((Array) Vmap.vmap(g).apply(bounds)).toFloatArray());
  }

  @Test
  void scanWithBatchedConstsCarryAndSequences() {
    // xs mapped along axis 1, the closed-over weight along axis 0, the init unbatched
    TreeFunction f = a -> ControlFlow.scan(b -> {
      Value c = Jnp.add(Jnp.multiply(b[0], a[1]), b[1]);
      return Tuple.of(c, Jnp.sin(c));
    }, Array.scalar(1f), a[0]);
    Value xs = Jnp.reshape(Jnp.arange(12.0), 4, 3);
    Value w = Array.of(new float[] {0.5f, -1f, 2f}, 3);
    Tuple out = (Tuple) Vmap.vmap(f, Tuple.of(1, 0)).apply(xs, w);
    for (int lane = 0; lane < 3; lane++) {
      float c = 1;
      float[] wv = ((Array) w).toFloatArray();
      float[] ys = new float[4];
      for (int i = 0; i < 4; i++) {
        c = c * wv[lane] + (3 * i + lane);
        ys[i] = (float) Math.sin(c);
      }
      assertEquals(c, ((Array) out.get(0)).toFloatArray()[lane], TOL);
      float[] got = ((Array) out.get(1)).toFloatArray();
      for (int i = 0; i < 4; i++) {
        assertEquals(ys[i], got[lane * 4 + i], 1e-5, "lane " + lane + " step " + i);
      }
    }
  }

  @Test
  void scanWhoseBodyBatchesAnUnbatchedCarry() {
    // the carry starts unbatched; the batched sequence makes it batched (fixpoint)
    TreeFunction f = a -> ControlFlow.scan(b -> Tuple.of(Jnp.add(b[0], b[1]), b[0]), Array.scalar(0f), a[0]).get(0);
    Value xs = Array.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertArrayEquals(new float[] {6, 15}, ((Array) Vmap.vmap(f).apply(xs)).toFloatArray());
  }

  @Test
  void collectivesInsideAScanBodySeeTheMappedAxis() {
    TreeFunction f = a -> ControlFlow.scan(b -> Tuple.of(Jnp.add(b[0], Lax.psum((Value) b[1], "i")), b[0]),
        Array.scalar(0f), a[0]).get(0);
    Value xs = Array.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    Object out = Vmap.vmap(f).inAxes(1).axisName("i").apply(xs);
    assertArrayEquals(new float[] {21, 21, 21}, ((Array) out).toFloatArray());
  }
}
