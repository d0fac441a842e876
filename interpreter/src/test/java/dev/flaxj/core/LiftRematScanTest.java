package dev.flaxj.core;

import static dev.flaxj.core.LiftTesting.assertFloats;
import static dev.flaxj.core.LiftTesting.at;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.transform.Jax;
import dev.flaxj.transform.remat.CheckpointPolicies;
import dev.flaxj.tree.Tuple;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiftRematScanTest {
  private static final Value X = Jnp.reshape(Jnp.linspace(-1, 1, 8), 1, 8);

  /** A Dense layer of 8 features: lecun_normal kernel, zeros bias. */
  static Value dense(Scope scope, Object... x) {
    Object k = scope.param("kernel", Initializers.lecunNormal(), 8, 8);
    Object b = scope.param("bias", Initializers.zeros(), 8);
    return Jnp.add(Jnp.matmul(x[0], k), b);
  }

  private static int[] shape(Object x) {
    return ((Value) x).shape().dims();
  }

  /** Asserts the first {@code expected.length} values of {@code actual} within 1e-6 relative (XLA ran Flax's loops). */
  static void assertPrefixClose(Object actual, double... expected) {
    float[] got = ((Array) actual).rawFloats();
    for (int i = 0; i < expected.length; i++) {
      double tol = 1e-6 * Math.max(1, Math.abs(expected[i]));
      assertEquals(expected[i], got[i], tol, "index " + i);
    }
  }

  @Test
  void lengthsTenByTenStackTwoAxesAsFlax() {
    ScopeFunction stack = LiftRematScan.rematScan(10, 10).build(LiftRematScanTest::dense);
    Tuple r = Core.init(stack).call(Random.key(0), X);
    assertArrayEquals(new int[] {10, 10, 8, 8}, shape(at(r.get(1), "params", "kernel")));
    assertArrayEquals(new int[] {10, 10, 8}, shape(at(r.get(1), "params", "bias")));
    // from flax 0.12.8: init(lift.remat_scan(dense8, lengths=(10, 10)))(key(0), linspace(-1, 1, 8)[None])
    assertPrefixClose(at(r.get(1), "params", "kernel"), 0.10498403012752533, -0.40543538331985474,
        -0.7233368158340454, 0.10892961174249649, 0.10082563757896423, -0.17428675293922424, 0.552875280380249,
        -0.5859437584877014, 0.07488008588552475, -0.12764786183834076);
    double[] y = {0.020579706877470016, -0.2817797362804413, 0.02611180953681469, -0.3156319558620453,
        0.04218638688325882, -0.09818919003009796, 0.012424387969076633, 0.01897880621254444};
    assertPrefixClose(r.get(0), y);
    assertPrefixClose(Core.apply(stack).call((Map<String, ?>) r.get(1), null, X), y);
  }

  @Test
  void variableAxesChooseTheStackingAxisOfEachLevel() {
    Tuple r = Core.init(LiftRematScan.rematScan(2, 3).variableAxes(Map.of("params", 1)).build(LiftRematScanTest::dense))
        .call(Random.key(0), X);
    // from flax 0.12.8: variable_axes={'params': 1} with lengths (2, 3) gives a kernel of shape (8, 2, 3, 8)
    assertArrayEquals(new int[] {8, 2, 3, 8}, shape(at(r.get(1), "params", "kernel")));
    assertPrefixClose(at(r.get(1), "params", "kernel"), 0.10498403012752533, -0.40543538331985474,
        -0.7233368158340454, 0.10892961174249649, 0.10082563757896423, -0.17428675293922424, 0.552875280380249,
        -0.5859437584877014, 0.236278235912323, -0.10626883804798126);
    assertPrefixClose(r.get(0), 1.1615077257156372, -1.807273507118225, 1.0005152225494385, 0.9591565728187561);
  }

  @Test
  void unsplitRngsGiveEveryLayerTheSameParams() {
    Tuple r = Core.init(LiftRematScan.rematScan(2, 3).splitRngs(Map.of("params", false)).build(LiftRematScanTest::dense))
        .call(Random.key(0), X);
    Value k = (Value) at(r.get(1), "params", "kernel");
    // from flax 0.12.8: split_rngs={'params': False}, kernel[0, 0] == kernel[1, 2]
    assertPrefixClose(k, 0.7158002257347107, -0.798137903213501, 0.005030726082623005, 0.5356795191764832);
    float[] all = ((Array) k).rawFloats();
    for (int i = 0; i < 64; i++) {
      assertEquals(all[i], all[5 * 64 + i]);
    }
    assertPrefixClose(r.get(0), -1.2400356531143188, 1.9304783344268799, 0.6036351323127747, -1.1120586395263672);
  }

  @Test
  void carriedCollectionsAccumulateOverAllSteps() {
    ScopeFunction body = (scope, a) -> {
      Object i = scope.variable("counter", "i", args -> Jnp.zeros());
      scope.putVariable("counter", "i", Jnp.add(i, 1f));
      return dense(scope, a[0]);
    };
    ScopeFunction loop = LiftRematScan.rematScan(2, 3).variableAxes(Map.of("params", 0)).variableCarry("counter").build(body);
    Tuple r = Core.init((scope, a) -> {
      scope.variable("counter", "i", args -> Jnp.zeros());
      return loop.apply(scope, a);
    }).call(Random.key(0), X);
    // from flax 0.12.8: variable_carry='counter' counts all 2 * 3 steps
    assertFloats(at(r.get(1), "counter", "i"), new int[] {}, 6);
    assertPrefixClose(r.get(0), 1.1615077257156372, -1.807273507118225, 1.0005152225494385, 0.9591565728187561);
  }

  @Test
  void broadcastParamsAreSharedByAllSteps() {
    ScopeFunction body = (scope, a) -> Jnp.multiply(a[0], scope.param("scale", Initializers.normal(1.0), 8));
    Tuple r = Core.init(LiftRematScan.rematScan(2, 3).variableAxes(Map.of()).variableBroadcast("params")
        .splitRngs(Map.of("params", false))
        .build(body)).call(Random.key(0), X);
    // from flax 0.12.8: variable_axes={}, variable_broadcast='params': the scale is created once, shape (8,),
    // and applied 6 times
    assertArrayEquals(new int[] {8}, shape(at(r.get(1), "params", "scale")));
    assertPrefixClose(at(r.get(1), "params", "scale"), 0.07614249736070633, -1.6157459020614624, -1.68577241897583,
        0.7126891016960144);
    assertPrefixClose(r.get(0), -1.948779555505098e-07, -12.708970069885254, -9.835963249206543,
        -0.018719855695962906);
  }

  @Test
  void innerLevelsAreRematerialisedWithThePolicyAndNoCsePrevention() {
    ScopeFunction stack = LiftRematScan.rematScan(2, 2).policy(CheckpointPolicies.EVERYTHING_SAVEABLE)
        .build(LiftRematScanTest::dense);
    Object params = Core.init(stack).call(Random.key(0), X).get(1);
    String jaxpr = Jax.makeJaxpr(a -> Core.apply(stack).call((Map<String, ?>) a[0], null, a[1]))
        .apply(params, X).toString();
    // as jax.make_jaxpr shows it for flax 0.12.8: scan[ remat2[ scan[...] policy=everything_saveable
    // prevent_cse=False ] ]
    assertTrue(jaxpr.contains("prevent_cse=False"), jaxpr);
    assertTrue(jaxpr.contains("everything_saveable"), jaxpr);
  }
}
