package dev.flaxj.transform.exec;

import static dev.flaxj.transform.exec.PlanTesting.assertPlanExact;
import static dev.flaxj.transform.exec.PlanTesting.assertSameBits;
import static dev.flaxj.transform.exec.PlanTesting.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.backend.Backend;
import dev.flaxj.backend.reference.ReferenceBackend;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.DotDimensionNumbers;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.lax.ShapePrimitives;
import dev.flaxj.nn.Activations;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.batching.Vmap;
import dev.flaxj.transform.control.ControlFlow;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.EvalJaxpr;
import dev.flaxj.transform.partial.Grad;
import dev.flaxj.transform.remat.Checkpoint;
import dev.flaxj.transform.staging.Jit;
import dev.flaxj.transform.staging.Jitted;
import dev.flaxj.transform.staging.MakeJaxpr;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ExecutionPlanTest {
  private static final Backend REFERENCE = ReferenceBackend.INSTANCE;

  /** Zeros, subnormals (flushed by arithmetic), extremes, infinities, NaNs, ordinary values. */
  private static final float[] SPECIAL = {0f, -0f, 1e-40f, -1e-40f, Float.MIN_VALUE,
      Float.MIN_NORMAL, -Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE,
      Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
      Float.intBitsToFloat(0x7fc00123), Float.intBitsToFloat(0xffc00001), 1f, -1f, 0.5f, -2.5f,
      3f, 1e-20f, 1e20f, 0.1f, -0.7f, 88.7f, -104f, 1.0000001f, 0.99999994f, 2.7182817f};

  private static final List<UnaryOperator<Value>> UNARY = List.of(Lax::neg, Lax::abs, Lax::sign,
      Lax::floor, Lax::ceil, Lax::exp, Lax::log, Lax::log1p, Lax::expm1, Lax::tanh, Lax::logistic,
      Lax::sqrt, Lax::rsqrt, Lax::sin, Lax::cos, Lax::erf, Lax::erfInv, x -> Lax.integerPow(x, 2),
      x -> Lax.integerPow(x, 3), x -> Lax.integerPow(x, -2), x -> Lax.integerPow(x, 0));

  private static final List<BinaryOperator<Value>> BINARY = List.of(Lax::add, Lax::sub, Lax::mul,
      Lax::div, Lax::rem, Lax::pow, Lax::max, Lax::min, Lax::nextafter);

  /** x and y: every pair of special values, then random ones. */
  private static List<Value> specialOperands() {
    int n = SPECIAL.length;
    float[] x = new float[n * n + 64];
    float[] y = new float[x.length];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        x[i * n + j] = SPECIAL[i];
        y[i * n + j] = SPECIAL[j];
      }
    }
    float[] r = uniform(3, 4.0, 128).rawFloats();
    System.arraycopy(r, 0, x, n * n, 64);
    System.arraycopy(r, 64, y, n * n, 64);
    return List.of(Array.of(x, x.length), Array.of(y, y.length));
  }

  private static ClosedJaxpr stage(TreeFunction f, Object... args) {
    return MakeJaxpr.makeJaxpr(f).apply(args);
  }

  @Test
  void everyFusibleOperationGivesTheKernelsBitsOnSpecialValues() {
    TreeFunction f = a -> {
      Value x = (Value) a[0];
      Value y = (Value) a[1];
      List<Value> outs = new ArrayList<>();
      for (UnaryOperator<Value> u : UNARY) {
        outs.add(Lax.add(u.apply(x), y));
      }
      for (BinaryOperator<Value> b : BINARY) {
        outs.add(Lax.mul(b.apply(x, y), b.apply(y, x)));
      }
      return outs;
    };
    List<Value> args = specialOperands();
    ExecutionPlan plan = assertPlanExact("special values", stage(f, args.toArray()), args, REFERENCE);
    assertFalse(plan.describe().contains(";"), "one fused loop: " + plan.describe());
    assertTrue(plan.describe().startsWith("fused[neg,add,abs,add,sign,"), plan.describe());
  }

  @Test
  void aChainIsFusedAndOnlyValuesUsedAfterItAreWritten() {
    TreeFunction f = a -> {
      Value x = (Value) a[0];
      Value h = Lax.tanh(Lax.add(Lax.mul(x, x), x));
      Value s = Lax.reduceSum(h, new int[] {0});
      Value g = Lax.sub(Lax.exp(h), Lax.logistic(x));
      return Tuple.of(s, g);
    };
    Array x = uniform(7, 3.0, 1000);
    ExecutionPlan plan = assertPlanExact("chain", stage(f, x), List.of(x), REFERENCE);
    assertEquals("fused[mul,add,tanh]; reduce_sum; fused[exp,logistic,sub]", plan.describe());
    // the first loop writes h only (mul and add stay in registers), the second g only
    assertEquals(1, plan.writes().get(0).length);
    assertEquals(1, plan.writes().get(2).length);
  }

  @Test
  void anEquationIndependentOfAnOpenChainRunsBeforeIt() {
    TreeFunction f = a -> {
      Value x = (Value) a[0];
      Value m = Lax.mul(x, x);
      Value b = Lax.broadcastInDim((Value) a[1], new int[] {50}, new int[0]);
      Value t = Lax.tanh(Lax.add(m, b));
      Value r = Lax.reduceMax(m, new int[] {0});
      return Tuple.of(Lax.sub(t, x), r);
    };
    Array x = uniform(8, 2.0, 50);
    Array y = Array.scalar(0.25f);
    ExecutionPlan plan = assertPlanExact("hoisted", stage(f, x, y), List.of(x, y), REFERENCE);
    // broadcast_in_dim reads nothing of the chain, so it runs first; reduce_max reads m, which the
    // loop therefore writes, and closes the chain before the sub
    assertEquals("broadcast_in_dim; fused[mul,add,tanh]; reduce_max; sub", plan.describe());
    assertEquals(2, plan.writes().get(1).length);
  }

  @Test
  void buffersAreDroppedAfterTheirLastUse() {
    TreeFunction f = a -> {
      Value x = (Value) a[0];
      Value p = Jnp.matmul(x, x);
      Value q = Jnp.matmul(p, x);
      return Jnp.matmul(q, q);
    };
    Array x = uniform(1, 1.0, 8, 8);
    ExecutionPlan plan = assertPlanExact("matmuls", stage(f, x), List.of(x), REFERENCE);
    assertEquals("dot_general; dot_general; dot_general", plan.describe());
    int p = plan.writes().get(0)[0];
    int q = plan.writes().get(1)[0];
    int out = plan.writes().get(2)[0];
    assertTrue(Arrays.stream(plan.frees().get(1)).anyMatch(s -> s == p), "p freed after its last use");
    assertTrue(Arrays.stream(plan.frees().get(2)).anyMatch(s -> s == q), "q freed after its last use");
    assertTrue(Arrays.stream(plan.frees().get(1)).noneMatch(s -> s == q), "q still needed");
    for (int[] freed : plan.frees()) {
      assertTrue(Arrays.stream(freed).noneMatch(s -> s == out), "the output is kept");
    }
  }

  @Test
  void aFusedStepNeverWritesABufferALiveValueStillHolds() {
    TreeFunction f = a -> {
      Value x = (Value) a[0];
      Value h = Lax.tanh(Lax.mul(x, x));
      // an identity transpose bound directly (Lax.transpose would not stage it): its kernel
      // returns h itself
      Value t = Bind.bind1(ShapePrimitives.TRANSPOSE, Params.of("permutation", new int[] {0}), h);
      Value s = Lax.reduceSum(h, new int[] {0}); // h's last use: its buffer dies, t holds it still
      Value g = Lax.add(Lax.exp(x), x); // a fused step after it takes a buffer of the same size
      Value u = Lax.reduceMax(g, new int[] {0});
      return Tuple.of(s, t, u, Lax.sin(g));
    };
    Array x = uniform(3, 1.0, 64);
    ExecutionPlan plan = assertPlanExact("aliased", stage(f, x), List.of(x), REFERENCE);
    assertEquals("fused[mul,tanh]; transpose; reduce_sum; fused[exp,add]; reduce_max; sin", plan.describe());
  }

  @Test
  void aTransposeOfADotsResultIsFoldedIntoTheDot() {
    TreeFunction kernelGradient = a -> Lax.transpose(Lax.dotGeneral((Value) a[0], (Value) a[1],
        DotDimensionNumbers.of(new int[] {0}, new int[] {0}, new int[0], new int[0])), new int[] {1, 0});
    Array ct = uniform(4, 1.0, 32, 16);
    Array x = uniform(5, 1.0, 32, 24);
    ExecutionPlan plan = assertPlanExact("dot^T", stage(kernelGradient, ct, x), List.of(ct, x), REFERENCE);
    assertEquals("dot_general", plan.describe());

    TreeFunction batched = a -> Lax.transpose(Lax.dotGeneral((Value) a[0], (Value) a[1],
        DotDimensionNumbers.of(new int[] {1}, new int[] {1}, new int[] {0}, new int[] {0})), new int[] {0, 2, 1});
    Array cb = uniform(6, 1.0, 3, 8, 5);
    Array xb = uniform(7, 1.0, 3, 8, 7);
    plan = assertPlanExact("batched dot^T", stage(batched, cb, xb), List.of(cb, xb), REFERENCE);
    assertEquals("dot_general", plan.describe());

    TreeFunction bothUsed = a -> {
      Value d = Lax.dotGeneral((Value) a[0], (Value) a[1],
          DotDimensionNumbers.of(new int[] {0}, new int[] {0}, new int[0], new int[0]));
      return Tuple.of(d, Lax.transpose(d, new int[] {1, 0}));
    };
    plan = assertPlanExact("dot read twice", stage(bothUsed, ct, x), List.of(ct, x), REFERENCE);
    assertEquals("dot_general; transpose", plan.describe());

    TreeFunction otherPermutation = a -> Lax.transpose(Lax.dotGeneral((Value) a[0], (Value) a[1],
        DotDimensionNumbers.of(new int[] {1}, new int[] {1}, new int[] {0}, new int[] {0})), new int[] {1, 0, 2});
    plan = assertPlanExact("batch axis moved", stage(otherPermutation, cb, xb), List.of(cb, xb), REFERENCE);
    assertEquals("dot_general; transpose", plan.describe());
  }

  @Test
  void aBackendThatDoesNotAcceptFusedLoopsGetsEveryKernelCalled() {
    Backend plain = new Backend() {
      @Override
      public String name() {
        return "plain";
      }

      @Override
      public List<Array> execute(Primitive primitive, List<Array> inputs, Params params,
          List<ShapedArray> outAvals) {
        return REFERENCE.execute(primitive, inputs, params, outAvals);
      }
    };
    TreeFunction f = a -> Lax.tanh(Lax.add(Lax.mul((Value) a[0], (Value) a[0]), (Value) a[0]));
    Array x = uniform(7, 3.0, 100);
    ExecutionPlan plan = assertPlanExact("unfused", stage(f, x), List.of(x), plain);
    assertEquals("mul; add; tanh", plan.describe());
  }

  @Test
  void callsAndIdentitiesAreInlined() {
    TreeFunction inner = Jit.jit(a -> Lax.exp(Lax.neg((Value) a[0])));
    TreeFunction f = a -> Lax.add(Checkpoint.checkpoint(inner).apply(a[0]) instanceof Value v ? v : null,
        (Value) a[0]);
    Array x = uniform(2, 2.0, 16);
    ExecutionPlan plan = assertPlanExact("inlined", stage(f, x), List.of(x), REFERENCE);
    assertEquals("fused[neg,exp,add]", plan.describe());
  }

  @Test
  void controlFlowRunsThroughPlansOfItsBodies() {
    TreeFunction body = b -> {
      Value c = Lax.tanh(Lax.add(Lax.mul((Value) b[0], (Value) b[1]), (Value) b[1]));
      return Tuple.of(c, Lax.sin(c));
    };
    TreeFunction f = a -> {
      Value x = (Value) a[0];
      Value seq = (Value) a[1];
      Tuple forward = ControlFlow.scan(body, x, seq);
      Tuple backward = ControlFlow.scan(body, x, seq, null, true, 1);
      Object branch = ControlFlow.cond(Jnp.greater(Jnp.sum(x), 0),
          b -> Lax.exp((Value) b[0]), b -> Lax.cos((Value) b[0]), forward.get(0));
      Object loop = ControlFlow.whileLoop(
          b -> Jnp.less(((Tuple) b[0]).get(0), 5),
          b -> Tuple.of(Jnp.add(((Tuple) b[0]).get(0), 1), Lax.sin((Value) ((Tuple) b[0]).get(1))),
          Tuple.of(Array.scalar(0), x));
      return List.of(forward, backward, branch, loop);
    };
    Array x = uniform(4, 1.0, 5);
    Array seq = uniform(5, 1.0, 7, 5);
    ExecutionPlan plan = assertPlanExact("control flow", stage(f, x, seq), List.of(x, seq), REFERENCE);
    assertTrue(plan.describe().contains("scan[length=7]{fused[mul,add,tanh,sin]}"), plan.describe());
    assertTrue(plan.describe().contains("cond{cos}{exp}"), plan.describe());
    assertTrue(plan.describe().contains("while{convert_element_type; lt}{"), plan.describe());
    Array empty = uniform(5, 1.0, 0, 5);
    assertPlanExact("empty scan", stage(f, x, empty), List.of(x, empty), REFERENCE);
  }

  /** The loss of a tanh (or relu) MLP with a params dict; grad of it is a training step. */
  static TreeFunction mlpLoss(int layers, boolean relu) {
    return a -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> params = (Map<String, Object>) a[0];
      Value h = (Value) a[1];
      for (int l = 0; l < layers; l++) {
        h = Jnp.add(Jnp.matmul(h, params.get("w" + l)), params.get("b" + l));
        if (l < layers - 1) {
          h = relu ? Activations.relu(h) : Jnp.tanh(h);
        }
      }
      return Jnp.mean(Jnp.square(Jnp.subtract(h, a[2])));
    };
  }

  static Map<String, Object> mlpParams(int[] widths) {
    Map<String, Object> params = new TreeMap<>();
    for (int l = 0; l < widths.length - 1; l++) {
      params.put("w" + l, uniform(10 + l, 1.0 / Math.sqrt(widths[l]), widths[l], widths[l + 1]));
      params.put("b" + l, uniform(20 + l, 0.1, widths[l + 1]));
    }
    return params;
  }

  @Test
  void mlpGradStepsEqualEquationByEquation() {
    int[] widths = {16, 32, 32, 4};
    Map<String, Object> params = mlpParams(widths);
    Array x = uniform(1, 1.0, 8, 16);
    Array y = uniform(2, 1.0, 8, 4);
    for (boolean relu : new boolean[] {false, true}) {
      TreeFunction step = Grad.valueAndGrad(mlpLoss(3, relu));
      ClosedJaxpr jaxpr = stage(step, params, x, y);
      List<Value> flat = new ArrayList<>();
      params.values().forEach(v -> flat.add((Value) v));
      flat.add(x);
      flat.add(y);
      ExecutionPlan plan = assertPlanExact("mlp relu=" + relu, jaxpr, flat, REFERENCE);
      assertTrue(plan.describe().contains("fused["), plan.describe());
    }
  }

  @Test
  void jitRunsThePlanOnConcreteArraysAndBindsUnderTransformations() {
    TreeFunction loss = mlpLoss(2, false);
    Jitted step = Jit.jit(Grad.grad(loss));
    Map<String, Object> params = mlpParams(new int[] {6, 5, 3});
    Array x = uniform(1, 1.0, 4, 6);
    Array y = uniform(2, 1.0, 4, 3);
    Object first = step.apply(params, x, y);
    Object second = step.apply(params, x, y);
    assertEquals(1, step.traceCount());
    List<Value> flat = new ArrayList<>();
    params.values().forEach(v -> flat.add((Value) v));
    flat.add(x);
    flat.add(y);
    List<Value> expected = EvalJaxpr.eval(stage(Grad.grad(loss), params, x, y), flat);
    @SuppressWarnings("unchecked")
    List<Object> got = new ArrayList<>(((Map<String, Object>) first).values());
    @SuppressWarnings("unchecked")
    List<Object> again = new ArrayList<>(((Map<String, Object>) second).values());
    for (int i = 0; i < expected.size(); i++) {
      assertSameBits("jit output " + i, expected.get(i), (Value) got.get(i));
      assertSameBits("second call " + i, expected.get(i), (Value) again.get(i));
    }
    // under vmap the jitted function is bound as before (batched), and gives the same values
    Jitted jf = Jit.jit(a -> Lax.tanh(Lax.mul((Value) a[0], (Value) a[0])));
    Array rows = uniform(3, 2.0, 3, 4);
    Value batched = (Value) Vmap.vmap(jf).apply(rows);
    Value direct = (Value) jf.apply(rows);
    assertSameBits("vmap of jit", direct, batched);
  }
}
