package dev.flaxj.core;

import static dev.flaxj.core.LiftTesting.assertFloats;
import static dev.flaxj.core.LiftTesting.assertFloatsWithinUlps;
import static dev.flaxj.core.LiftTesting.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.errors.PyValueError;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.tree.Tuple;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiftScanTest {
  private static final Value XS = Jnp.reshape(Jnp.arange(12.0), 4, 3);

  /** {@code c + x * w} with a param {@code w} (normal(0.01), shape (3,)); y = 2c. */
  private static Object step(Scope scope, Object... a) {
    Value c = Jnp.add(a[0], Jnp.multiply(a[1], scope.param("w", Initializers.normal(), 3)));
    return Tuple.of(c, Jnp.multiply(c, 2f));
  }

  @Test
  void broadcastParamsAndCarriedCounterAsFlax() {
    ScopeFunction body = (scope, a) -> {
      Object i = scope.variable("counter", "i", args -> Jnp.zeros());
      scope.putVariable("counter", "i", Jnp.add(i, 1f));
      return step(scope, a);
    };
    ScopeFunction loop = LiftScan.scan().variableBroadcast("params").variableCarry("counter")
        .splitRngs("params", false).build(body);
    Tuple r = Core.init((scope, a) -> {
      scope.variable("counter", "i", args -> Jnp.zeros());
      return loop.apply(scope, a);
    }).call(Random.key(0), Jnp.ones(3), XS);
    Tuple out = (Tuple) r.get(0);
    // from flax 0.12.8: lift.scan(body, variable_broadcast='params', variable_carry='counter',
    // split_rngs={'params': False}), init ones(3), xs arange(12).reshape(4, 3), key(0)
    assertFloats(at(r.get(1), "params", "w"), new int[] {3}, 0.0007614249479956925, -0.01615745946764946,
        -0.016857724636793137);
    assertFloats(at(r.get(1), "counter", "i"), new int[] {}, 4.0);
    // Flax computed the carry and ys inside a compiled lax.scan, where XLA's fusion rounds a few
    // elements differently (by at most 2 ulps) from JAX's op-by-op evaluation. flaxj matches the
    // op-by-op values exactly (from jax 0.10.2, the same steps with Flax's w, eagerly) ...
    assertFloats(out.get(0), new int[] {3}, 1.0137057304382324, 0.6445358991622925, 0.5616991519927979);
    assertFloats(out.get(1), new int[] {4, 3}, 2.0, 1.9676851034164429, 1.932569146156311, 2.004568576812744,
        1.8384253978729248, 1.7639918327331543, 2.0137057304382324, 1.6122210025787354, 1.4942681789398193,
        2.027411460876465, 1.289071798324585, 1.1233983039855957);
    // ... and Flax's own scan values (from flax 0.12.8) within 2 ulps
    assertFloatsWithinUlps(out.get(0), new int[] {3}, 2, 1.0137057304382324, 0.6445358991622925,
        0.5616992115974426);
    assertFloatsWithinUlps(out.get(1), new int[] {4, 3}, 2, 2.0, 1.9676851034164429, 1.932569146156311,
        2.004568576812744, 1.8384253978729248, 1.7639919519424438, 2.0137057304382324, 1.6122210025787354,
        1.4942684173583984, 2.027411460876465, 1.289071798324585, 1.1233984231948853);
  }

  @Test
  void scannedParamsAreStackedPerStepAsFlax() {
    ScopeFunction loop = LiftScan.scan().variableAxes("params", 0).splitRngs("params", true)
        .build(LiftScanTest::step);
    Tuple r = Core.init(loop).call(Random.key(0), Jnp.ones(3), XS);
    Tuple out = (Tuple) r.get(0);
    // from flax 0.12.8: lift.scan(body, variable_axes={'params': 0}, split_rngs={'params': True}); the
    // keys use rng count 2 because Flax traces the body twice (the constancy check, then lax.scan).
    // Flax drew and used them inside a compiled loop (XLA fusion: a few elements differ by 1-2 ulps
    // from op by op); exact values from jax 0.10.2 op by op with the same keys,
    // normal(fold_in(split(key(0), 4)[i], H(2))), then the Flax values within 2 ulps.
    double[] eagerW = {0.031814299523830414, -0.009173516184091568, -0.0011468349257484078,
        -0.00010595148341963068, 0.004250877536833286, -0.000926818058360368, 0.00685669481754303,
        -0.0005790165159851313, -0.0049659330397844315, -0.007877047173678875, -0.004299718886613846,
        0.015688424929976463};
    assertFloats(at(r.get(1), "params", "w"), new int[] {4, 3}, eagerW);
    assertFloats(out.get(0), new int[] {3}, 0.9699288606643677, 0.9607797265052795, 1.1259174346923828);
    assertFloats(out.get(1), new int[] {4, 3}, 2.0, 1.9816529750823975, 1.9954127073287964, 1.9993642568588257,
        2.015660047531128, 1.9861445426940918, 2.0816445350646973, 2.007553815841675, 1.9066896438598633,
        1.9398577213287354, 1.921559453010559, 2.2518348693847656);
    assertFloatsWithinUlps(at(r.get(1), "params", "w"), new int[] {4, 3}, 2, 0.031814299523830414,
        -0.009173517115414143, -0.0011468349257484078, -0.00010595148341963068, 0.004250877536833286,
        -0.0009268181165680289, 0.00685669481754303, -0.0005790165741927922, -0.004965933505445719,
        -0.007877047173678875, -0.004299718886613846, 0.015688424929976463);
    assertFloatsWithinUlps(out.get(1), new int[] {4, 3}, 2, 2.0, 1.9816529750823975, 1.9954127073287964,
        1.9993642568588257, 2.015660047531128, 1.9861445426940918, 2.0816445350646973, 2.007553815841675,
        1.9066896438598633, 1.9398577213287354, 1.921559453010559, 2.2518351078033447);
  }

  @Test
  void applyReadsStackedParamsPerStep() {
    ScopeFunction loop = LiftScan.scan().variableAxes("params", 0).build(LiftScanTest::step);
    Map<String, ?> vars = Map.of("params", Map.of("w", Jnp.reshape(Jnp.arange(12.0), 4, 3)));
    Tuple out = (Tuple) Core.apply(loop).call(vars, null, Jnp.zeros(3), Jnp.ones(4, 3));
    assertFloats(out.get(0), new int[] {3}, 18, 22, 26);
  }

  @Test
  void broadcastParamsDependingOnTheCarryAreRejected() {
    ScopeFunction loop = LiftScan.scan().variableBroadcast("params").splitRngs("params", false)
        .build((scope, a) -> {
          scope.param("w", (key, args) -> a[0]);
          return Tuple.of(a[0], a[1]);
        });
    PyValueError e = assertThrows(PyValueError.class,
        () -> Core.init(loop).call(Random.key(0), Jnp.ones(3), XS));
    assertEquals("broadcasted variable has a data dependency on the scan body.", e.getMessage());
  }

  @Test
  void reverseScansFromTheEnd() {
    ScopeFunction loop = LiftScan.scan().reverse(true).build((scope, a) -> Tuple.of(Jnp.add(a[0], a[1]), a[0]));
    Tuple out = (Tuple) Core.apply(loop).call(Map.of(), null, Array.scalar(0f), Jnp.arange(3.0));
    // from jax 0.10.2: lax.scan(lambda c, x: (c + x, c), 0., arange(3.), reverse=True)[1]
    assertFloats(out.get(1), new int[] {3}, 3, 2, 0);
  }

  @Test
  void broadcastArgumentsAndOutputsWithAGivenLengthAsFlax() {
    ScopeFunction loop = LiftScan.scan().variableBroadcast("params").splitRngs("params", false)
        .inAxes(LiftScan.BROADCAST).outAxes(LiftScan.BROADCAST).length(5).build((scope, a) -> {
          Value w = (Value) scope.param("w", Initializers.normal(), 3);
          return Tuple.of(Jnp.add(a[0], Jnp.multiply(a[1], w)), Jnp.multiply(w, 3f));
        });
    Tuple r = Core.init(loop).call(Random.key(0), Jnp.zeros(3), Jnp.ones(3));
    Tuple out = (Tuple) r.get(0);
    // from flax 0.12.8: lift.scan(body, variable_broadcast='params', split_rngs={'params': False},
    // in_axes=broadcast, out_axes=broadcast, length=5), init zeros(3), arg ones(3), key(0)
    assertFloats(out.get(0), new int[] {3}, 0.0038071246817708015, -0.0807873010635376, -0.08428862690925598);
    assertFloats(out.get(1), new int[] {3}, 0.0022842749021947384, -0.04847237840294838, -0.05057317391037941);
  }
}
