package dev.flaxj.transform.partial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.EvalJaxpr;
import dev.flaxj.transform.ir.JaxprEqn;
import dev.flaxj.transform.staging.Jit;
import dev.flaxj.transform.staging.Jitted;
import dev.flaxj.transform.staging.MakeJaxpr;
import dev.flaxj.transform.staging.Staging;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reverse mode through {@code jit}: partial evaluation and transposition of the jit primitive. */
class JitReverseTest {
  private static final Array X3 = Close.f32(0.5f, -1f, 2f);

  private static Jitted f() {
    return Jit.jit(a -> Jnp.sum(Jnp.multiply(Jnp.sin(a[0]), a[0]))).name("f");
  }

  @Test
  void gradOfJit() {
    // from jax 0.10.2
    Close.f32((Value) Grad.grad(f()).apply(X3), new int[] {3}, 0.9182168, -1.3817732,
        0.07700372);
  }

  @Test
  void gradOfJitStaysJitted() {
    // jax 0.10.2: one jit computes the known part (and residuals), one the transposed linear part
    ClosedJaxpr jaxpr = MakeJaxpr.makeJaxpr(Grad.grad(f())).apply(X3);
    List<String> names = jaxpr.jaxpr().eqns().stream().map(e -> e.primitive().name()).toList();
    assertEquals(List.of("jit", "jit"), names);
    for (JaxprEqn e : jaxpr.jaxpr().eqns()) {
      assertEquals("f", e.params().getString("name"));
    }
  }

  @Test
  void jitOfGradAndHessianOfJit() {
    Jitted f = f();
    TreeFunction g = Jit.jit(Grad.grad(a -> Jnp.multiply(f.apply(a[0]), 2.0)));
    // from jax 0.10.2
    Close.f32((Value) g.apply(X3), new int[] {3}, 1.8364336, -2.7635465, 0.15400743);
    Close.f32((Value) Hessian.hessian(f).apply(X3), new int[] {3, 3}, 1.5154524, 0, 0, 0,
        0.2391336, 0, -0.0, -0.0, -2.6508884);
  }

  @Test
  void partialEvalJaxprUnzipsKnownAndUnknown() {
    ShapedArray f32 = ShapedArray.of(DType.FLOAT32, 3);
    ClosedJaxpr jaxpr = Staging.traceToJaxpr(in -> List.of(
        Jnp.multiply(Jnp.sin(in.get(0)), in.get(1)), Jnp.cos(in.get(0))), List.of(f32, f32));
    JaxprSplit split = PartialEval.partialEvalJaxpr(jaxpr, new boolean[] {false, true}, null);
    assertArrayEquals(new boolean[] {true, false}, split.outUnknowns());
    assertEquals(List.of(f32), split.residuals());
    List<Value> known = EvalJaxpr.eval(split.known(), List.of(X3));
    Close.same(known.get(0), Jnp.cos(X3));
    Close.same(known.get(1), Jnp.sin(X3));
    Array y = Close.f32(1f, 2f, 3f);
    List<Value> unknown = EvalJaxpr.eval(split.unknown(), List.of(known.get(1), y));
    Close.same(unknown.get(0), Jnp.multiply(Jnp.sin(X3), y));
    JaxprSplit inst = PartialEval.partialEvalJaxpr(jaxpr, new boolean[] {false, true},
        new boolean[] {true, true});
    assertArrayEquals(new boolean[] {true, true}, inst.outUnknowns());
    assertEquals(0, inst.numKnownOutputs());
  }
}
