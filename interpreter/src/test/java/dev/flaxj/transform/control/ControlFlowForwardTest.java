package dev.flaxj.transform.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.tree.Tuple;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Evaluation of cond, switch, while_loop, fori_loop and scan against plain Java loops. */
class ControlFlowForwardTest {
  static float[] floats(Object v) {
    return ((Array) v).toFloatArray();
  }

  static int intOf(Object v) {
    return (int) ((Array) v).getLong(0);
  }

  @Test
  void condPicksTheBranchAndKeepsThePytree() {
    Value x = Array.of(new float[] {1, 2, 3}, 3);
    Value y = Array.scalar(10f);
    TreeFunction t = args -> Tuple.of(Jnp.multiply(args[0], 2), Jnp.add(args[1], 1));
    TreeFunction f = args -> Tuple.of(Jnp.negative(args[0]), Jnp.subtract(args[1], 1));
    Tuple yes = (Tuple) ControlFlow.cond(true, t, f, x, y);
    Tuple no = (Tuple) ControlFlow.cond(Array.scalar(false), t, f, x, y);
    assertArrayEquals(new float[] {2, 4, 6}, floats(yes.get(0)));
    assertArrayEquals(new float[] {11}, floats(yes.get(1)));
    assertArrayEquals(new float[] {-1, -2, -3}, floats(no.get(0)));
    assertArrayEquals(new float[] {9}, floats(no.get(1)));
  }

  @Test
  void condTakesNumbersAsPredicates() {
    TreeFunction one = args -> Array.scalar(1f);
    TreeFunction zero = args -> Array.scalar(0f);
    assertArrayEquals(new float[] {1}, floats(ControlFlow.cond(2, one, zero)));
    assertArrayEquals(new float[] {0}, floats(ControlFlow.cond(0, one, zero)));
    assertArrayEquals(new float[] {1}, floats(ControlFlow.cond(-0.5, one, zero)));
    assertArrayEquals(new float[] {0}, floats(ControlFlow.cond(Array.scalar(0f), one, zero)));
  }

  @Test
  void branchesMayCloseOverArraysAndReturnPythonNumbers() {
    Value w = Array.of(new float[] {3, 4}, 2);
    Object out = ControlFlow.cond(true, args -> Jnp.multiply(args[0], w), args -> Jnp.zerosLike((Value) args[0]),
        Array.of(new float[] {2, 2}, 2));
    assertArrayEquals(new float[] {6, 8}, floats(out));
    Object weak = ControlFlow.cond(false, args -> 1.5, args -> 2.5);
    assertArrayEquals(new float[] {2.5f}, floats(weak));
    assertTrue(((Array) weak).weakType());
  }

  @Test
  void switchClampsTheIndex() {
    List<TreeFunction> branches = List.of(
        args -> Jnp.add(args[0], 100),
        args -> Jnp.add(args[0], 200),
        args -> Jnp.add(args[0], 300));
    Value x = Array.scalar(1);
    int[] expected = {101, 101, 201, 301, 301};
    int[] indices = {-5, 0, 1, 2, 7};
    for (int k = 0; k < indices.length; k++) {
      assertEquals(expected[k], intOf(ControlFlow.switchCase(indices[k], branches, x)), "index " + indices[k]);
    }
    assertEquals(201, intOf(ControlFlow.switchCase(Array.ofUint32(new int[] {1}), branches, x)));
  }

  @Test
  void switchWithOneBranchCallsIt() {
    Object out = ControlFlow.switchCase(5, List.of(args -> Jnp.multiply(args[0], 3)), Array.scalar(2f));
    assertArrayEquals(new float[] {6}, floats(out));
  }

  @Test
  void whileLoopMatchesAJavaLoop() {
    // carry (i, x): double x until it exceeds 100, counting steps
    TreeFunction cond = args -> Jnp.lessEqual(((Tuple) args[0]).get(1), 100f);
    TreeFunction body = args -> {
      Tuple c = (Tuple) args[0];
      return Tuple.of(Jnp.add(c.get(0), 1), Jnp.multiply(c.get(1), 2f));
    };
    Tuple out = (Tuple) ControlFlow.whileLoop(cond, body, Tuple.of(Array.scalar(0), Array.scalar(3f)));
    int i = 0;
    float x = 3;
    while (x <= 100) {
      i++;
      x *= 2;
    }
    assertEquals(i, intOf(out.get(0)));
    assertArrayEquals(new float[] {x}, floats(out.get(1)));
  }

  @Test
  void whileLoopThatNeverRunsReturnsTheInit() {
    Object out = ControlFlow.whileLoop(args -> Array.scalar(false), args -> Jnp.add(args[0], 1f),
        Array.of(new float[] {1, 2}, 2));
    assertArrayEquals(new float[] {1, 2}, floats(out));
  }

  @Test
  void whileLoopPromotesAWeakInit() {
    // init 0 (a Java int) with a float32 body: JAX promotes the init to float32 and traces again.
    Object out = ControlFlow.whileLoop(args -> Jnp.less(args[0], 3), args -> Jnp.add(args[0], Array.scalar(1f)), 0);
    assertEquals(DType.FLOAT32, ((Value) out).dtype());
    assertArrayEquals(new float[] {3}, floats(out));
  }

  @Test
  void foriLoopWithConcreteBoundsIsAScan() {
    Value init = Array.of(new float[] {0, 1}, 2);
    Object out = ControlFlow.foriLoop(2, 6, args -> Jnp.add(args[1], Jnp.multiply(args[0], args[0])), init);
    float s = 0;
    for (int i = 2; i < 6; i++) {
      s += i * i;
    }
    assertArrayEquals(new float[] {s, 1 + s}, floats(out));
    assertArrayEquals(new float[] {0, 1},
        floats(ControlFlow.foriLoop(5, 2, args -> Jnp.add(args[1], 1f), init)), "upper <= lower: no step");
  }

  @Test
  void foriLoopWithTracedBoundsIsAWhileLoop() {
    // The bound is an operand of cond, hence a tracer while the branch is staged.
    TreeFunction loop = args -> ControlFlow.foriLoop(1, args[0], a -> Jnp.multiply(a[1], a[0]), Array.scalar(1));
    Object out = ControlFlow.cond(true, loop, args -> Array.scalar(0), Array.scalar(6));
    assertEquals(120, intOf(out));
  }

  @Test
  void scanMatchesAJavaLoop() {
    float[] xs = {1, 2, 3, 4, 5};
    TreeFunction f = args -> {
      Value c = (Value) args[0];
      Value x = (Value) args[1];
      Value next = Jnp.add(Jnp.multiply(c, 0.5f), x);
      return Tuple.of(next, Jnp.multiply(next, x));
    };
    for (boolean reverse : new boolean[] {false, true}) {
      Tuple out = ControlFlow.scan(f, Array.scalar(1f), Array.of(xs, 5), null, reverse, 1);
      float c = 1;
      float[] ys = new float[5];
      for (int step = 0; step < 5; step++) {
        int i = reverse ? 4 - step : step;
        c = c * 0.5f + xs[i];
        ys[i] = c * xs[i];
      }
      assertArrayEquals(new float[] {c}, floats(out.get(0)), "reverse=" + reverse);
      assertArrayEquals(ys, floats(out.get(1)), "reverse=" + reverse);
    }
  }

  @Test
  void scanWithoutXsNeedsALength() {
    TreeFunction f = args -> Tuple.of(Jnp.add(args[0], 1), Jnp.multiply(args[0], 10));
    Tuple out = ControlFlow.scan(f, Array.scalar(0), null, 4);
    assertEquals(4, intOf(out.get(0)));
    assertArrayEquals(new int[] {0, 10, 20, 30}, ((Array) out.get(1)).toIntArray());
  }

  @Test
  void scanOverPytreesWithMatrixItems() {
    Map<String, Object> xs = new LinkedHashMap<>();
    xs.put("b", Jnp.reshape(Jnp.arange(6.0), 3, 2));
    xs.put("a", Array.of(new int[] {1, 2, 3}, 3));
    TreeFunction f = args -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> x = (Map<String, Object>) args[1];
      Tuple carry = (Tuple) args[0];
      Value rowSum = Jnp.sum((Value) x.get("b"));
      return Tuple.of(Tuple.of(Jnp.add(carry.get(0), rowSum), Jnp.add(carry.get(1), x.get("a"))),
          List.of(rowSum, Jnp.multiply(x.get("b"), 2f)));
    };
    Tuple out = ControlFlow.scan(f, Tuple.of(Array.scalar(0f), Array.scalar(0)), xs);
    Tuple carry = (Tuple) out.get(0);
    List<?> ys = (List<?>) out.get(1);
    assertArrayEquals(new float[] {15}, floats(carry.get(0)));
    assertEquals(6, intOf(carry.get(1)));
    assertArrayEquals(new float[] {1, 5, 9}, floats(ys.get(0)));
    assertArrayEquals(new int[] {3, 2}, ((Value) ys.get(1)).shape().dims());
    assertArrayEquals(new float[] {0, 2, 4, 6, 8, 10}, floats(ys.get(1)));
  }

  @Test
  void zeroLengthScanReturnsTheInitAndEmptyOutputs() {
    TreeFunction f = args -> Tuple.of(Jnp.add(args[0], args[1]), Jnp.multiply(args[1], 2f));
    Tuple out = ControlFlow.scan(f, Array.of(new float[] {7, 8}, 2), Jnp.zeros(new int[] {0, 2}, DType.FLOAT32));
    assertArrayEquals(new float[] {7, 8}, floats(out.get(0)));
    assertArrayEquals(new int[] {0, 2}, ((Value) out.get(1)).shape().dims());
  }

  @Test
  void scanPromotesAWeakInitAndAcceptsEveryUnroll() {
    TreeFunction f = args -> Tuple.of(Jnp.add(args[0], args[1]), args[0]);
    Value xs = Array.of(new float[] {1, 1, 1}, 3);
    for (Object unroll : new Object[] {0, 1, 2, 5, true, false}) {
      Tuple out = ControlFlow.scan(f, 0, xs, null, false, unroll);
      assertEquals(DType.FLOAT32, ((Value) out.get(0)).dtype());
      assertArrayEquals(new float[] {3}, floats(out.get(0)));
      // from jax 0.10.2: lax.scan(lambda c, x: (c + x, c), 0, jnp.ones(3)) -> ys [0., 1., 2.]
      assertArrayEquals(new float[] {0, 1, 2}, floats(out.get(1)));
    }
  }

  @Test
  void scalarsAndEmptyPytreesWork() {
    Tuple out = ControlFlow.scan(args -> Tuple.of(null, null), null, null, 3);
    assertEquals(null, out.get(0));
    assertEquals(null, out.get(1));
    Object same = ControlFlow.cond(true, args -> Tuple.of(), args -> Tuple.of());
    assertEquals(Tuple.of(), same);
    assertFalse(((Array) ControlFlow.whileLoop(args -> Lax.not((Value) args[0]), args -> Array.scalar(true),
        Array.scalar(false))).weakType());
  }
}
