package dev.flaxj.transform.exec;

import static dev.flaxj.transform.exec.PlanTesting.assertPlanExact;
import static dev.flaxj.transform.exec.PlanTesting.uniform;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Value;
import dev.flaxj.backend.reference.ReferenceBackend;
import dev.flaxj.core.Core;
import dev.flaxj.core.LiftCheckpoint;
import dev.flaxj.core.LiftScan;
import dev.flaxj.core.LiftVmap;
import dev.flaxj.core.Scope;
import dev.flaxj.core.ScopeFunction;
import dev.flaxj.nn.Activations;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.partial.Grad;
import dev.flaxj.transform.staging.MakeJaxpr;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Flax-core programs with lifted scan, checkpoint and vmap (small versions of issue 7's benchmark
 * programs): the jaxpr of each value-and-grad step with respect to the params runs through its
 * plan with exactly the results of equation by equation evaluation.
 */
class FlaxProgramPlansTest {
  private static Value dense(Scope scope, String name, Value x, int features) {
    Scope s = scope.push(name);
    Value kernel = (Value) s.param("kernel", Initializers.lecunNormal(), x.shape().dim(x.rank() - 1), features);
    return Jnp.add(Jnp.matmul(x, kernel), s.param("bias", Initializers.zeros(), features));
  }

  /** An LSTM-like cell: gates from x and h, new carry (c, h), output h. */
  private static Object cell(Scope scope, Object... a) {
    Tuple carry = (Tuple) a[0];
    Value x = (Value) a[1];
    Value c = (Value) carry.get(0);
    Value h = (Value) carry.get(1);
    int n = h.shape().dim(1);
    Value i = Activations.sigmoid(Jnp.add(dense(scope, "ii", x, n), dense(scope, "hi", h, n)));
    Value g = Jnp.tanh(Jnp.add(dense(scope, "ig", x, n), dense(scope, "hg", h, n)));
    Value newC = Jnp.add(Jnp.multiply(Jnp.subtract(1f, i), c), Jnp.multiply(i, g));
    Value newH = Jnp.tanh(newC);
    return Tuple.of(Tuple.of(newC, newH), newH);
  }

  private static void check(String name, ScopeFunction model, Value x) {
    @SuppressWarnings("unchecked")
    Map<String, ?> variables = (Map<String, ?>) Core.init(model).call(Random.key(0), x).get(1);
    Object params = variables.get("params");
    TreeFunction loss = a -> Jnp.mean(Jnp.square(
        (Value) Core.apply(model).call(Map.of("params", a[0]), null, a[1])));
    ClosedJaxpr jaxpr = MakeJaxpr.makeJaxpr(Grad.valueAndGrad(loss)).apply(params, x);
    List<Value> args = new ArrayList<>();
    for (Object leaf : Trees.leaves(params)) {
      args.add((Value) leaf);
    }
    args.add(x);
    ExecutionPlan plan = assertPlanExact(name, jaxpr, args, ReferenceBackend.INSTANCE);
    assertTrue(plan.describe().contains("scan") || plan.describe().contains("dot_general"), plan.describe());
  }

  @Test
  void scannedLstm() {
    ScopeFunction scan = LiftScan.scan().variableBroadcast("params").splitRngs("params", false)
        .inAxes(1).outAxes(1).build(FlaxProgramPlansTest::cell);
    ScopeFunction model = (scope, a) -> {
      Value x = (Value) a[0];
      Value zeros = Jnp.zeros(x.shape().dim(0), 6);
      return ((Tuple) scan.apply(scope.push("ScanCell_0"), Tuple.of(zeros, zeros), x)).get(1);
    };
    check("scanned LSTM", model, uniform(1, 1.0, 3, 5, 4));
  }

  @Test
  void rematScannedResidualMlp() {
    ScopeFunction block = LiftCheckpoint.checkpoint().build((scope, a) -> {
      Value x = (Value) a[0];
      return Tuple.of(Jnp.add(x, Activations.relu(dense(scope, "Dense_0", x, 8))), null);
    });
    ScopeFunction scan = LiftScan.scan().variableAxes("params", 0).splitRngs("params", true)
        .length(5).build(block);
    ScopeFunction model = (scope, a) -> ((Tuple) scan.apply(scope.push("Stack_0"), a[0], null)).get(0);
    check("remat scan", model, uniform(2, 1.0, 3, 8));
  }

  @Test
  void vmappedDenseWithUnsharedParams() {
    ScopeFunction vmapped = LiftVmap.vmap().variableAxes("params", 0).splitRngs("params", true)
        .inAxes(0).outAxes(0).build((scope, a) -> Jnp.tanh(dense(scope, "Dense_0", (Value) a[0], 7)));
    ScopeFunction model = (scope, a) -> vmapped.apply(scope.push("VmapDense_0"), a[0]);
    check("vmap dense", model, uniform(3, 1.0, 4, 2, 7));
  }
}
