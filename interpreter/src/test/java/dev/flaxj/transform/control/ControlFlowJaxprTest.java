package dev.flaxj.transform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.Jaxpr;
import dev.flaxj.transform.ir.JaxprEqn;
import dev.flaxj.transform.remat.SavedResiduals;
import dev.flaxj.transform.staging.MakeJaxpr;
import dev.flaxj.tree.Tuple;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The staged form of the control-flow functions: the primitive and parameters JAX 0.10.2 shows
 * in {@code make_jaxpr}, its rewrites of forwarded values, and the residuals reverse mode saves.
 */
class ControlFlowJaxprTest {
  private static JaxprEqn only(Jaxpr j, String primitive) {
    List<JaxprEqn> found = j.eqns().stream().filter(e -> e.primitive().name().equals(primitive)).toList();
    assertEquals(1, found.size(), j.toString());
    return found.get(0);
  }

  @Test
  void condPrunesOutputsEveryBranchForwards() {
    // jax 0.10.2: cond(x > 0, lambda a, b: (a, b * 2), lambda a, b: (a, b + 1), x, y) stages a
    // cond with one output and returns (a, e)
    ClosedJaxpr j = MakeJaxpr.makeJaxpr(x -> ControlFlow.cond(Jnp.greater(x[0], 0f),
        y -> Tuple.of(y[0], Jnp.multiply(y[1], 2f)), y -> Tuple.of(y[0], Jnp.add(y[1], 1f)), x[0], x[1]))
        .apply(Array.scalar(1f), Array.scalar(2f));
    JaxprEqn cond = only(j.jaxpr(), "cond");
    assertEquals(1, cond.outvars().size());
    assertEquals(2, CondPrimitive.branches(cond.params()).length);
    assertSame(j.jaxpr().invars().get(0), j.jaxpr().outvars().get(0));
  }

  @Test
  void scanMovesForwardedCarriesToConstsAndForwardsSequences() {
    // jax 0.10.2: scan(lambda c, y: ((c[0], c[1] + y), y), (x, x), xs) stages scan[num_consts=1
    // num_carry=1] a a b and returns (a, c, b)
    ClosedJaxpr j = MakeJaxpr.makeJaxpr(x -> ControlFlow.scan(y -> {
      Tuple c = (Tuple) y[0];
      return Tuple.of(Tuple.of(c.get(0), Jnp.add(c.get(1), y[1])), y[1]);
    }, Tuple.of(x[0], x[0]), x[1])).apply(Array.scalar(1f), Jnp.ones(3));
    JaxprEqn scan = only(j.jaxpr(), "scan");
    ScanPrimitive.Loop loop = ScanPrimitive.Loop.of(scan.params());
    assertEquals(1, loop.numConsts());
    assertEquals(1, loop.numCarry());
    assertEquals(3, loop.length());
    assertEquals(1, scan.outvars().size());
    assertSame(j.jaxpr().invars().get(0), j.jaxpr().outvars().get(0));
    assertSame(j.jaxpr().invars().get(1), j.jaxpr().outvars().get(2));
  }

  @Test
  void whileMovesForwardedCarriesTheConditionIgnoresToConsts() {
    // fori_loop with a traced bound: the bound is read by the condition, so it stays a carry
    // (jax 0.10.2: while[body_nconsts=0 cond_nconsts=0] 0:i32[] b a with three outputs)
    ClosedJaxpr fori = MakeJaxpr.makeJaxpr(x -> ControlFlow.foriLoop(0, x[1], y -> Jnp.multiply(y[1], 2f), x[0]))
        .apply(Array.scalar(1f), Array.scalar(3));
    JaxprEqn w = only(fori.jaxpr(), "while");
    assertEquals(0, WhilePrimitive.Loop.of(w.params()).bodyNconsts());
    assertEquals(3, w.outvars().size());
    // a carry the body passes through and the condition ignores becomes a body const
    ClosedJaxpr moved = MakeJaxpr.makeJaxpr(x -> ControlFlow.whileLoop(c -> Jnp.less(((Tuple) c[0]).get(0), 5f),
        c -> {
          Tuple t = (Tuple) c[0];
          return Tuple.of(Jnp.add(t.get(0), t.get(1)), t.get(1));
        }, Tuple.of(x[0], x[1]))).apply(Array.scalar(0f), Array.scalar(2f));
    JaxprEqn w2 = only(moved.jaxpr(), "while");
    assertEquals(1, WhilePrimitive.Loop.of(w2.params()).bodyNconsts());
    assertEquals(1, w2.outvars().size());
    assertSame(moved.jaxpr().invars().get(1), moved.jaxpr().outvars().get(1));
  }

  @Test
  void reverseModeOfScanHoistsLoopInvariantResiduals() {
    // jax 0.10.2 (print_saved_residuals): xs saved as the argument, the loop-invariant w.T * 2
    // once as f32[4,4], per-iteration values stacked as f32[8,...]; never a stacked f32[8,4,4].
    TreeFunction f = args -> {
      Tuple out = ControlFlow.scan(b -> {
        Value wt = Jnp.multiply(Jnp.transpose((Value) args[0]), 2f);
        Value c = Jnp.tanh(Jnp.add(Jnp.matmul(wt, b[0]), b[1]));
        return Tuple.of(c, Jnp.sum(Jnp.multiply(c, b[1])));
      }, args[1], args[2]);
      return Jnp.add(Jnp.sum((Value) out.get(0)), Jnp.sum((Value) out.get(1)));
    };
    SavedResiduals saved = SavedResiduals.of(f, Jnp.multiply(Jnp.ones(4, 4), 0.1f), Jnp.ones(4), Jnp.ones(8, 4));
    List<ShapedArray> avals = saved.residuals().stream().map(SavedResiduals.Residual::aval).toList();
    assertTrue(avals.contains(ShapedArray.of(dev.flaxj.array.DType.FLOAT32, 4, 4)), saved.toString());
    assertFalse(avals.contains(ShapedArray.of(dev.flaxj.array.DType.FLOAT32, 8, 4, 4)), saved.toString());
    assertTrue(saved.residuals().stream().anyMatch(r -> r.source().startsWith("from the argument")
        && r.aval().shape().equals(dev.flaxj.array.Shape.of(8, 4))), saved.toString());
  }
}
