package dev.flaxj.transform.partial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.ElementwisePrimitives;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.Params;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.EvalJaxpr;
import dev.flaxj.transform.ir.Jaxpr;
import dev.flaxj.transform.ir.JaxprEqn;
import dev.flaxj.transform.ir.Literal;
import dev.flaxj.transform.ir.Var;
import dev.flaxj.transform.jvp.Zero;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Partial evaluation computes the known part now and stages the rest; the backward pass transposes it. */
class PartialEvalTest {
  private static final ShapedArray F32_3 = ShapedArray.of(DType.FLOAT32, 3);
  private static final Array X = Array.of(new float[] {0.5f, -1f, 2f}, 3);
  private static final Array T = Array.of(new float[] {1f, 2f, -3f}, 3);

  /** {@code (sin(x) * t + t * 2, cos(x))}: linear in {@code t}, {@code cos(x)} known. */
  private static List<Value> f(List<Value> in) {
    Value x = in.get(0);
    Value t = in.get(1);
    Value two = Lax.broadcastInDim(Array.scalar(2f), new int[] {3}, new int[0]);
    return List.of(Lax.add(Lax.mul(Lax.sin(x), t), Lax.mul(t, two)), Lax.cos(x));
  }

  @Test
  void knownPartIsComputedAndTheRestStaged() {
    PartialEval.Result r = PartialEval.partialEvalFlat(PartialEvalTest::f,
        List.of(PartialVal.known(X), PartialVal.unknown(F32_3)), null);
    assertFalse(r.outputs().get(0).isKnown());
    assertTrue(r.outputs().get(1).isKnown());
    assertEquals(Lax.cos(X), r.outputs().get(1).value());
    Jaxpr jaxpr = r.jaxpr().jaxpr();
    assertEquals(1, jaxpr.invars().size());
    assertEquals(List.of("mul", "mul", "add"),
        jaxpr.eqns().stream().map(e -> e.primitive().name()).toList());
    // sin(x) and the broadcast 2 are residuals, computed already
    assertEquals(List.of(Lax.sin(X), Lax.broadcastInDim(Array.scalar(2f), new int[] {3},
        new int[0])), r.jaxpr().consts());
    Value staged = EvalJaxpr.eval(r.jaxpr(), List.of(T)).get(0);
    assertEquals(f(List.of(X, T)).get(0), staged);
  }

  @Test
  void allKnownGivesAnEmptyProgramUnlessInstantiated() {
    PartialEval.Result r = PartialEval.partialEvalFlat(PartialEvalTest::f,
        List.of(PartialVal.known(X), PartialVal.known(T)), null);
    assertTrue(r.outputs().get(0).isKnown());
    assertTrue(r.jaxpr().jaxpr().eqns().isEmpty());
    assertTrue(r.jaxpr().jaxpr().outvars().isEmpty());
    PartialEval.Result inst = PartialEval.partialEvalFlat(PartialEvalTest::f,
        List.of(PartialVal.known(X), PartialVal.known(T)), i -> i == 1);
    assertFalse(inst.outputs().get(1).isKnown());
    assertEquals(List.of(Lax.cos(X)), EvalJaxpr.eval(inst.jaxpr(), List.of()));
  }

  @Test
  void scalarConstantsBecomeLiterals() {
    PartialEval.Result r = PartialEval.partialEvalFlat(
        in -> List.of(Lax.mul(in.get(0), Array.scalar(3f))),
        List.of(PartialVal.unknown(ShapedArray.of(DType.FLOAT32))), null);
    JaxprEqn eqn = r.jaxpr().jaxpr().eqns().get(0);
    assertTrue(eqn.inputs().get(1) instanceof Literal);
    assertTrue(r.jaxpr().consts().isEmpty());
  }

  @Test
  void backwardPassTransposesTheStagedProgram() {
    PartialEval.Result r = PartialEval.partialEvalFlat(PartialEvalTest::f,
        List.of(PartialVal.known(X), PartialVal.unknown(F32_3)), null);
    Array ct = Array.of(new float[] {1f, 1f, 1f}, 3);
    List<Value> cts = BackwardPass.transpose(r.jaxpr(), List.of(new UndefinedPrimal(F32_3)),
        List.of(ct));
    Value expected = Lax.add(Lax.sin(X), Lax.broadcastInDim(Array.scalar(2f), new int[] {3},
        new int[0]));
    assertEquals(expected, cts.get(0));
  }

  @Test
  void backwardPassEvaluatesKnownEquationsForwardAndAddsSharedCotangents() {
    Var a = new Var(F32_3);
    Var t = new Var(F32_3);
    Var b = new Var(F32_3);
    Var c = new Var(F32_3);
    Var d = new Var(F32_3);
    Var unused = new Var(F32_3);
    Jaxpr jaxpr = new Jaxpr(List.of(), List.of(a, t, unused), List.of(
        new JaxprEqn(ElementwisePrimitives.SIN, Params.EMPTY, List.of(a), List.of(b)),
        new JaxprEqn(ElementwisePrimitives.MUL, Params.EMPTY, List.of(b, t), List.of(c)),
        new JaxprEqn(ElementwisePrimitives.ADD, Params.EMPTY, List.of(c, t), List.of(d))),
        List.of(d, b));
    ClosedJaxpr closed = new ClosedJaxpr(jaxpr, List.of());
    Array ct = Array.of(new float[] {1f, 2f, 3f}, 3);
    List<Value> cts = BackwardPass.transpose(closed,
        List.of(X, new UndefinedPrimal(F32_3), new UndefinedPrimal(F32_3)),
        List.of(ct, Zero.of(F32_3)));
    assertEquals(null, cts.get(0));
    assertEquals(Lax.add(Lax.mul(Lax.sin(X), ct), ct), cts.get(1));
    assertTrue(cts.get(2) instanceof Zero, "an input no output depends on has a zero cotangent");
  }

  @Test
  void deepProgramsDoNotOverflowTheStack() {
    int n = 20000;
    PartialEval.Result r = PartialEval.partialEvalFlat(in -> {
      Value v = in.get(0);
      for (int i = 0; i < n; i++) {
        v = Lax.neg(v);
      }
      return List.of(v);
    }, List.of(PartialVal.unknown(F32_3)), null);
    assertEquals(n, r.jaxpr().jaxpr().eqns().size());
    List<Value> cts = BackwardPass.transpose(r.jaxpr(), List.of(new UndefinedPrimal(F32_3)),
        List.of(T));
    assertArrayEquals(T.toFloatArray(), ((Array) cts.get(0)).toFloatArray());
  }
}
