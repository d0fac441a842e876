package dev.flaxj.transform.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.jvp.Jvp;
import dev.flaxj.transform.jvp.JvpOutput;
import dev.flaxj.tree.Tuple;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forward-mode derivatives through cond, switch, while_loop, fori_loop and scan. */
class ControlFlowJvpTest {
  private static final float TOL = 1e-5f;

  private static JvpOutput jvp(TreeFunction f, float x, float dx) {
    return Jvp.jvp(f, new Object[] {Array.scalar(x)}, new Object[] {Array.scalar(dx)});
  }

  private static float f32(Object v) {
    return (float) ((Array) v).item();
  }

  /** Central difference of a scalar function, in double around {@code x}. */
  private static double finiteDifference(TreeFunction f, float x) {
    float h = 1e-2f;
    return (f32(f.apply(Array.scalar(x + h))) - f32(f.apply(Array.scalar(x - h)))) / (2.0 * h);
  }

  @Test
  void condDifferentiatesTheTakenBranch() {
    TreeFunction f = a -> ControlFlow.cond(Jnp.greater(a[0], 0f),
        b -> Jnp.multiply(Jnp.sin(b[0]), b[0]),
        b -> Jnp.multiply(Jnp.multiply(b[0], b[0]), b[0]), a[0]);
    for (float x : new float[] {0.7f, -1.3f}) {
      JvpOutput out = jvp(f, x, 2f);
      double expected = x > 0 ? Math.cos(x) * x + Math.sin(x) : 3 * x * x;
      assertEquals(2 * expected, f32(out.tangentOut()), 1e-5, "x=" + x);
      assertEquals(expected, finiteDifference(f, x), 2e-3, "finite difference at x=" + x);
    }
  }

  @Test
  void condWithAConstantBranchAndClosedOverTracers() {
    // The true branch returns a constant (zero tangent) while the false branch uses x through a
    // closure, not an operand: its tangent must flow in as an operand of cond.
    TreeFunction f = a -> ControlFlow.cond(Jnp.less(a[0], 1f),
        b -> Array.scalar(5f),
        b -> Jnp.multiply(a[0], b[0]), Array.scalar(3f));
    assertEquals(0f, f32(jvp(f, 0.5f, 1f).tangentOut()), 0f);
    assertEquals(3f, f32(jvp(f, 2f, 1f).tangentOut()), TOL);
    assertEquals(6f, f32(jvp(f, 2f, 1f).primalOut()), TOL);
  }

  @Test
  void switchDifferentiatesTheChosenBranch() {
    List<TreeFunction> branches = List.of(
        b -> Jnp.exp(b[0]),
        b -> Jnp.multiply(b[0], b[0]),
        b -> Jnp.negative(b[0]));
    float x = 0.8f;
    float[] expected = {(float) Math.exp(x), 2 * x, -1};
    for (int i = 0; i < 3; i++) {
      int index = i;
      JvpOutput out = jvp(a -> ControlFlow.switchCase(index, branches, a[0]), x, 1f);
      assertEquals(expected[i], f32(out.tangentOut()), TOL, "branch " + i);
    }
  }

  @Test
  void whileLoopCarriesTangentsFromConsts() {
    // y = y * x three times, y0 = 1 (zero tangent): the body makes the carry tangent nonzero.
    TreeFunction f = a -> ((Tuple) ControlFlow.whileLoop(
        c -> Jnp.less(((Tuple) c[0]).get(0), 3),
        c -> {
          Tuple t = (Tuple) c[0];
          return Tuple.of(Jnp.add(t.get(0), 1), Jnp.multiply(t.get(1), a[0]));
        },
        Tuple.of(Array.scalar(0), Array.scalar(1f)))).get(1);
    float x = 1.5f;
    JvpOutput out = jvp(f, x, 1f);
    assertEquals(x * x * x, f32(out.primalOut()), TOL);
    assertEquals(3 * x * x, f32(out.tangentOut()), TOL);
    assertEquals(3 * x * x, finiteDifference(f, x), 1e-3);
  }

  @Test
  void whileLoopWithTangentInTheCarry() {
    // x -> x * 2 while below 10: from 1.5 that is 3 doublings (12), derivative 8.
    TreeFunction f = a -> ControlFlow.whileLoop(c -> Jnp.less(c[0], 10f), c -> Jnp.multiply(c[0], 2f), a[0]);
    JvpOutput out = jvp(f, 1.5f, 1f);
    assertEquals(12f, f32(out.primalOut()), 0f);
    assertEquals(8f, f32(out.tangentOut()), 0f);
  }

  @Test
  void scanDifferentiatesConstsCarryAndSequences() {
    // carry c = c * w + x_i, y_i = c^2; tangent with respect to w (const), c0 (carry) and xs.
    float[] xs = {0.5f, -1f, 2f};
    TreeFunction f = a -> ControlFlow.scan(b -> {
      Value c = Jnp.add(Jnp.multiply(b[0], a[0]), b[1]);
      return Tuple.of(c, Jnp.multiply(c, c));
    }, a[1], a[2]);
    Object[] primals = {Array.scalar(0.9f), Array.scalar(1.1f), Array.of(xs, 3)};
    Object[] tangents = {Array.scalar(1f), Array.scalar(0.5f), Array.of(new float[] {1, 0, -2}, 3)};
    Tuple primalOut = (Tuple) Jvp.jvp(f, primals, tangents).primalOut();
    Tuple tangentOut = (Tuple) Jvp.jvp(f, primals, tangents).tangentOut();
    // forward mode by hand, in double
    double w = 0.9, dw = 1, c = 1.1, dc = 0.5;
    double[] dxs = {1, 0, -2};
    float[] ys = new float[3];
    float[] dys = new float[3];
    for (int i = 0; i < 3; i++) {
      dc = dc * w + c * dw + dxs[i];
      c = c * w + xs[i];
      ys[i] = (float) (c * c);
      dys[i] = (float) (2 * c * dc);
    }
    assertEquals((float) c, f32(primalOut.get(0)), TOL);
    assertEquals((float) dc, f32(tangentOut.get(0)), TOL);
    assertArrayEquals(ys, ((Array) primalOut.get(1)).toFloatArray(), TOL);
    assertArrayEquals(dys, ((Array) tangentOut.get(1)).toFloatArray(), TOL);
  }

  @Test
  void scanInReverseWithAZeroTangentCarry() {
    // only xs have tangents; the integer counter in the carry never does
    TreeFunction f = a -> ControlFlow.scan(b -> {
      Tuple c = (Tuple) b[0];
      Value s = Jnp.add(c.get(1), Jnp.multiply(b[1], c.get(0)));
      return Tuple.of(Tuple.of(Jnp.add(c.get(0), 1), s), s);
    }, Tuple.of(Array.scalar(1), Array.scalar(0f)), a[0], null, true, 1);
    JvpOutput out = Jvp.jvp(f, new Object[] {Array.of(new float[] {1, 1, 1}, 3)},
        new Object[] {Array.of(new float[] {1, 2, 3}, 3)});
    // reverse: i=2 gets weight 1, i=1 weight 2, i=0 weight 3; s is a running sum
    Tuple carryT = (Tuple) ((Tuple) out.tangentOut()).get(0);
    assertEquals(3 * 1 + 2 * 2 + 1 * 3, f32(carryT.get(1)), TOL);
    assertArrayEquals(new float[] {10, 7, 3}, ((Array) ((Tuple) out.tangentOut()).get(1)).toFloatArray(), TOL);
  }

  @Test
  void foriLoopBothWays() {
    TreeFunction body = b -> Jnp.multiply(b[1], Jnp.add(b[0], 1f));
    // static bounds (scan): y = x * 1 * 2 * 3 * 4
    JvpOutput s = jvp(a -> ControlFlow.foriLoop(0, 4, body, a[0]), 2f, 1f);
    assertEquals(24f, f32(s.tangentOut()), TOL);
    // traced bound (while): the bound is an operand of cond
    JvpOutput w = jvp(a -> ControlFlow.cond(true,
        b -> ControlFlow.foriLoop(0, b[1], body, b[0]), b -> b[0], a[0], Array.scalar(4)), 2f, 1f);
    assertEquals(24f, f32(w.tangentOut()), TOL);
    assertEquals(48f, f32(w.primalOut()), TOL);
  }
}
