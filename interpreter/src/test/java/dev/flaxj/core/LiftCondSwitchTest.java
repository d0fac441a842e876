package dev.flaxj.core;

import static dev.flaxj.core.LiftControlTesting.assertWeakInt;
import static dev.flaxj.core.LiftControlTesting.dense;
import static dev.flaxj.core.LiftControlTesting.increment;
import static dev.flaxj.core.LiftTesting.assertFloats;
import static dev.flaxj.core.LiftTesting.at;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Value;
import dev.flaxj.errors.ScopeCollectionNotFound;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.transform.control.ControlFlowTypeError;
import dev.flaxj.tree.Tuple;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiftCondSwitchTest {
  private static final Value X = Jnp.ones(1, 3);

  /** The cond example of flax.core.lift.cond's docstring, on a Dense of 2 features. */
  private static final ScopeFunction COND_EXAMPLE = (scope, a) -> {
    scope.variable("state", "true_count", args -> 0);
    scope.variable("state", "false_count", args -> 0);
    ScopeFunction trueFn = (s, b) -> {
      increment(s, "state", "true_count");
      return dense(s.push("dense"), b[0], 2);
    };
    ScopeFunction falseFn = (s, b) -> {
      increment(s, "state", "false_count");
      return Jnp.negative(dense(s.push("dense"), b[0], 2));
    };
    return LiftCond.cond().apply(a[1], trueFn, falseFn, scope, a[0]);
  };

  /** The switch example of flax.core.lift.switch's docstring. */
  private static final ScopeFunction SWITCH_EXAMPLE = (scope, a) -> {
    for (String c : List.of("a_count", "b_count", "c_count")) {
      scope.variable("state", c, args -> 0);
    }
    ScopeFunction aFn = (s, b) -> {
      increment(s, "state", "a_count");
      return dense(s.push("dense"), b[0], 2);
    };
    ScopeFunction bFn = (s, b) -> {
      increment(s, "state", "b_count");
      return Jnp.negative(dense(s.push("dense"), b[0], 2));
    };
    ScopeFunction cFn = (s, b) -> {
      increment(s, "state", "c_count");
      return dense(s.push("dense"), b[0], 2);
    };
    return LiftSwitch.switchCase().apply(a[1], List.of(aFn, bFn, cFn), scope, a[0]);
  };

  @Test
  void condCountsAndSelectsAsFlax() {
    Tuple r = Core.init(COND_EXAMPLE).call(Random.key(0), X, true);
    // from flax 0.12.8: init with pred=True keeps the true branch's params and counts
    assertFloats(at(r.get(1), "params", "dense", "kernel"), new int[] {3, 2}, 0.6724227070808411,
        0.1882752776145935, 0.27419379353523254, 0.8713814616203308, 0.8215984106063843, -0.011103840544819832);
    assertFloats(r.get(0), new int[] {1, 2}, 1.7682149410247803, 1.0485528707504272);
    assertWeakInt(at(r.get(1), "state", "true_count"), 1);
    assertWeakInt(at(r.get(1), "state", "false_count"), 0);
    Map<String, ?> variables = (Map<String, ?>) r.get(1);
    Tuple t = (Tuple) Core.apply(COND_EXAMPLE, "state").call(variables, null, X, true);
    Tuple f = (Tuple) Core.apply(COND_EXAMPLE, "state").call(variables, null, X, false);
    assertFloats(t.get(0), new int[] {1, 2}, 1.7682149410247803, 1.0485528707504272);
    assertFloats(f.get(0), new int[] {1, 2}, -1.7682149410247803, -1.0485528707504272);
    assertWeakInt(at(t.get(1), "state", "true_count"), 2);
    assertWeakInt(at(f.get(1), "state", "false_count"), 1);
    assertWeakInt(at(f.get(1), "state", "true_count"), 1);
    assertWeakInt(at(variables, "state", "true_count"), 1);
  }

  @Test
  void switchCountsAndSelectsAsFlax() {
    Tuple r = Core.init(SWITCH_EXAMPLE).call(Random.key(0), X, 1);
    // from flax 0.12.8: init with index 1 keeps branch b's params (its trace came second: rng counts 3, 4)
    assertFloats(at(r.get(1), "params", "dense", "kernel"), new int[] {3, 2}, 0.8535491228103638,
        -1.076471209526062, 0.6686528921127319, -1.132624626159668, -0.41518399119377136, 0.03835483640432358);
    assertFloats(r.get(0), new int[] {1, 2}, -1.107017993927002, 2.170741081237793);
    assertWeakInt(at(r.get(1), "state", "b_count"), 1);
    Map<String, ?> variables = (Map<String, ?>) r.get(1);
    int[][] counts = {{1, 1, 0}, {0, 2, 0}, {0, 1, 1}, {0, 1, 1}};
    int[] indices = {0, 1, 2, 5};
    for (int i = 0; i < indices.length; i++) {
      Tuple out = (Tuple) Core.apply(SWITCH_EXAMPLE, "state").call(variables, null, X, indices[i]);
      float sign = indices[i] == 1 ? -1 : 1;
      // from flax 0.12.8: index 5 is clamped to the last branch
      assertFloats(out.get(0), new int[] {1, 2}, sign * 1.107017993927002, sign * -2.170741081237793);
      assertWeakInt(at(out.get(1), "state", "a_count"), counts[i][0]);
      assertWeakInt(at(out.get(1), "state", "b_count"), counts[i][1]);
      assertWeakInt(at(out.get(1), "state", "c_count"), counts[i][2]);
    }
  }

  @Test
  void multiHeadSwitchInitialisesEveryBranchFirst() {
    List<ScopeFunction> branches = List.of(
        (s, b) -> dense(s.push("d2", true), dense(s.push("d1", true), dense(s.push("d0", true), b[0], 10), 7), 5),
        (s, b) -> dense(s.push("d4", true), dense(s.push("d3", true), b[0], 11), 5),
        (s, b) -> dense(s.push("d5", true), b[0], 5));
    ScopeFunction multihead = (scope, a) -> {
      if (scope.isMutableCollection("params")) {
        branches.forEach(branch -> branch.apply(scope, a[0]));
      }
      return LiftSwitch.switchCase().apply(a[1], branches, scope, a[0]);
    };
    Tuple r = Core.init(multihead).call(Random.key(0), X, 0);
    Map<String, ?> variables = (Map<String, ?>) r.get(1);
    assertEquals(List.of("d0", "d1", "d2", "d3", "d4", "d5"), List.copyOf(((Map<?, ?>) variables.get("params")).keySet()));
    assertArrayEquals(new int[] {11, 5}, ((Value) at(variables, "params", "d4", "kernel")).shape().dims());
    // from flax 0.12.8
    assertFloats(r.get(0), new int[] {1, 5}, 1.3936686515808105, 0.19588975608348846, -0.5059693455696106,
        -0.8053337335586548, -0.3052592873573303);
    assertFloats(Core.apply(multihead).call(variables, null, X, 1), new int[] {1, 5}, -1.3175662755966187,
        -0.5782336592674255, -0.8113422989845276, -1.3327161073684692, 0.15180258452892303);
    assertFloats(Core.apply(multihead).call(variables, null, X, 2), new int[] {1, 5}, -0.14899104833602905,
        -0.4734981656074524, -0.28488728404045105, 0.4235457479953766, -0.4244297742843628);
  }

  @Test
  void aVariableCreatedInOneBranchOnlyIsABranchTypeError() {
    ScopeFunction bad = (scope, a) -> LiftCond.cond().apply(a[1], (s, b) -> dense(s.push("dense"), b[0], 2),
        (s, b) -> Jnp.ones(1, 2), scope, a[0]);
    // from flax 0.12.8: TypeError "cond branch outputs must have the same pytree structure"
    ControlFlowTypeError e = assertThrows(ControlFlowTypeError.class, () -> Core.init(bad).call(Random.key(0), X, true));
    assertTrue(e.getMessage().startsWith("cond branch outputs must have the same pytree structure"), e.getMessage());
    ScopeFunction badSwitch = (scope, a) -> LiftSwitch.switchCase().apply(a[1],
        List.of((s, b) -> dense(s.push("a"), b[0], 2), (s, b) -> dense(s.push("b"), b[0], 2)), scope, a[0]);
    // from flax 0.12.8: TypeError "switch branch outputs must have the same pytree structure"
    e = assertThrows(ControlFlowTypeError.class, () -> Core.init(badSwitch).call(Random.key(0), X, 0));
    assertTrue(e.getMessage().startsWith("switch branch outputs must have the same pytree structure"), e.getMessage());
  }

  @Test
  void variablesAndRngsFiltersLimitWhatTheBranchesSee() {
    ScopeFunction stateInBranch = (scope, a) -> {
      scope.variable("state", "c", args -> 0);
      ScopeFunction t = (s, b) -> {
        increment(s, "state", "c");
        return b[0];
      };
      return LiftCond.cond().variables("params").apply(a[1], t, t, scope, a[0]);
    };
    // from flax 0.12.8: variables='params' leaves 'state' out: ScopeCollectionNotFound
    assertThrows(ScopeCollectionNotFound.class, () -> Core.init(stateInBranch).call(Random.key(0), X, true));
    Map<String, Value> rngs = Map.of("params", Random.key(1), "dropout", Random.key(2));
    ScopeFunction draw = (s, b) -> Random.normal(s.makeRng("dropout"), 2);
    // from flax 0.12.8: with rngs='params' make_rng('dropout') falls back to params
    assertFloats(Core.apply((scope, a) -> LiftCond.cond().rngs("params").apply(true, draw, draw, scope))
        .call(Map.of(), rngs), new int[] {2}, 1.6249592304229736, 0.30813068151474);
    assertFloats(Core.apply((scope, a) -> LiftSwitch.switchCase().rngs("params").apply(0, List.of(draw, draw), scope))
        .call(Map.of(), rngs), new int[] {2}, 1.6249592304229736, 0.30813068151474);
    assertFloats(Core.apply((scope, a) -> LiftCond.cond().apply(true, draw, draw, scope)).call(Map.of(), rngs),
        new int[] {2}, -0.2998703122138977, -0.040714625269174576);
  }
}
