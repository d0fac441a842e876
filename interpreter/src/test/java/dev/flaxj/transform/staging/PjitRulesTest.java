package dev.flaxj.transform.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.batching.Vmap;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.JaxprEqn;
import dev.flaxj.transform.jvp.Jvp;
import dev.flaxj.transform.jvp.JvpOutput;
import dev.flaxj.transform.jvp.Zero;
import dev.flaxj.tree.Tuple;
import org.junit.jupiter.api.Test;

/** JVP and batching of {@code jit}: same numbers as without jit, and the result stays jitted. */
class PjitRulesTest {
  private static final Array X = Array.of(new float[] {0.5f, -1.25f, 2f}, 3);
  private static final Array Y = Array.of(new float[] {1.5f, 0.25f, -2f}, 3);
  private static final Array T = Array.of(new float[] {1f, 0.5f, -1f}, 3);

  private static Value v(Object arg) {
    return (Value) arg;
  }

  /** sin(x) * y + x, and an integer output n + 1. */
  private static final TreeFunction F = a -> Tuple.of(
      Lax.add(Lax.mul(Lax.sin(v(a[0])), v(a[1])), v(a[0])), Lax.add(v(a[2]), Array.weak(1)));

  private static ClosedJaxpr stage(TreeFunction f, ShapedArray... avals) {
    return MakeJaxpr.makeJaxpr(f).apply((Object[]) avals);
  }

  private static long jitEquations(ClosedJaxpr closed) {
    return closed.jaxpr().eqns().stream().filter(e -> e.primitive() == Pjit.PJIT).count();
  }

  @Test
  void jvpOfJitEqualsJvp() {
    Object[] primals = {X, Y, Array.scalar(3)};
    Object[] tangents = {T, X, Zero.of(ShapedArray.of(DType.INT32))};
    JvpOutput eager = Jvp.jvp(F, primals, tangents);
    JvpOutput jitted = Jvp.jvp(Jit.jit(F), primals, tangents);
    assertEquals(eager.primalOut(), jitted.primalOut());
    assertEquals(((Tuple) eager.tangentOut()).get(0), ((Tuple) jitted.tangentOut()).get(0));
    assertTrue(Zero.is((Value) ((Tuple) jitted.tangentOut()).get(1)));
  }

  @Test
  void jvpOfJitIsOneJitWithOnlyTheNonzeroTangents() {
    Jitted jf = Jit.jit(F);
    ClosedJaxpr closed = stage(a -> {
      JvpOutput out = Jvp.jvp(b -> jf.apply(b[0], Y, 3), new Object[] {a[0]}, new Object[] {a[1]});
      return Tuple.of(out.primalOut(), out.tangentOut());
    }, ShapedArray.of(DType.FLOAT32, 3), ShapedArray.of(DType.FLOAT32, 3));
    assertEquals(1, jitEquations(closed));
    JaxprEqn eqn = closed.jaxpr().eqns().stream().filter(e -> e.primitive() == Pjit.PJIT)
        .findFirst().orElseThrow();
    // Primal inputs x, y, n and one tangent (y and n have none); outputs: two primals, one tangent.
    assertEquals(4, eqn.inputs().size());
    assertEquals(3, eqn.outvars().size());
    assertEquals("<lambda>", Pjit.name(eqn.params()));
  }

  @Test
  void secondOrderJvpThroughJit() {
    TreeFunction sin = a -> Lax.sin(v(a[0]));
    Jitted jsin = Jit.jit(sin);
    TreeFunction d1 = a -> Jvp.jvp(jsin, new Object[] {a[0]}, new Object[] {a[1]}).tangentOut();
    Object second = Jvp.jvp(d1, new Object[] {X, T}, new Object[] {T, Zero.of(T.aval())}).tangentOut();
    // d²/dx² sin(x) * t * t = -sin(x) t², evaluated without jit.
    Value expected = Lax.mul(Lax.neg(Lax.sin(X)), Lax.mul(T, T));
    Array got = (Array) second;
    Array want = (Array) expected;
    for (int i = 0; i < 3; i++) {
      assertEquals(want.getDouble(i), got.getDouble(i), 1e-6);
    }
  }

  @Test
  void vmapOfJitEqualsVmap() {
    Array xs = Array.of(new float[] {0.5f, -1.25f, 2f, 1f, 0f, -3f}, 2, 3);
    Array ys = Array.of(new float[] {1.5f, 0.25f, -2f, 2f, 1f, 0.5f}, 2, 3);
    Array ns = Array.of(new int[] {1, 2}, 2);
    assertEquals(Vmap.vmap(F).apply(xs, ys, ns), Vmap.vmap(Jit.jit(F)).apply(xs, ys, ns));
    Object inAxes = Tuple.of(1, null, null);
    Array xt = (Array) Lax.transpose(xs, 1, 0);
    assertEquals(Vmap.vmap(F, inAxes).apply(xt, Y, Array.scalar(4)),
        Vmap.vmap(Jit.jit(F), inAxes).apply(xt, Y, Array.scalar(4)));
  }

  @Test
  void vmapOfJitIsOneJitAndLeavesUnbatchedOutputsUnbatched() {
    Jitted jf = Jit.jit(F);
    ClosedJaxpr closed = stage(a -> Vmap.vmap(b -> jf.apply(b[0], Y, 3)).apply(a[0]),
        ShapedArray.of(DType.FLOAT32, 2, 3));
    assertEquals(1, jitEquations(closed));
    JaxprEqn eqn = closed.jaxpr().eqns().get(0);
    assertEquals(Pjit.PJIT, eqn.primitive());
    // As in jax 0.10.2: the integer output is computed unbatched inside the jit, then broadcast.
    assertEquals(ShapedArray.of(DType.INT32).shape(), eqn.outvars().get(1).aval().shape());
    assertEquals(ShapedArray.of(DType.INT32, 2).shape(), closed.outAvals().get(1).shape());
  }

  @Test
  void jitOfVmapAndJitOfJvp() {
    Array xs = Array.of(new float[] {0.5f, -1.25f, 2f, 1f, 0f, -3f}, 2, 3);
    TreeFunction g = a -> Vmap.vmap(b -> Lax.sin(v(b[0]))).apply(a[0]);
    assertEquals(g.apply(xs), Jit.jit(g).apply(xs));
    TreeFunction h = a -> Jvp.jvp(b -> Lax.sin(v(b[0])), new Object[] {a[0]}, new Object[] {a[1]})
        .tangentOut();
    assertEquals(h.apply(X, T), Jit.jit(h).apply(X, T));
  }

  @Test
  void jitClosingOverTracersPassesThemAsArguments() {
    // d/dx [jit(y -> y * x)](Y) = Y * t: the closed-over JVP tracer x must carry its tangent.
    Jitted[] inner = new Jitted[1];
    TreeFunction f = a -> {
      inner[0] = Jit.jit(b -> Lax.mul(v(b[0]), v(a[0])));
      return Lax.add(v(inner[0].apply(Y)), v(inner[0].apply(Y)));
    };
    Object tangent = Jvp.jvp(f, new Object[] {X}, new Object[] {T}).tangentOut();
    assertEquals(Lax.add(Lax.mul(Y, T), Lax.mul(Y, T)), tangent);
    // A program closing over a tracer is not cached: the tracer changes from call to call.
    assertEquals(2, inner[0].traceCount());
    Array xs = Array.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    TreeFunction g = a -> Jit.jit(b -> Lax.mul(v(b[0]), v(a[0]))).apply(Y);
    assertEquals(Vmap.vmap(b -> Lax.mul(Y, v(b[0]))).apply(xs), Vmap.vmap(g).apply(xs));
  }

  @Test
  void gradOfJitEqualsGrad() {
    // Reverse mode of jit itself (partial evaluation, transpose) is helper T4's PjitReverse.
    TreeFunction loss = a -> dev.flaxj.numpy.Jnp.sum(Lax.mul(Lax.sin(v(a[0])), v(a[1])));
    Object eager = dev.flaxj.transform.partial.Grad.grad(loss).apply(X, Y);
    Object jitted = dev.flaxj.transform.partial.Grad.grad(Jit.jit(loss)).apply(X, Y);
    Object both = Jit.jit(dev.flaxj.transform.partial.Grad.grad(Jit.jit(loss))).apply(X, Y);
    assertEquals(eager, jitted);
    assertEquals(eager, both);
  }
}
