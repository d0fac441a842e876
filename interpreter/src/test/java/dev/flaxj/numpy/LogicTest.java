package dev.flaxj.numpy;

import static dev.flaxj.numpy.Check.expect;
import static dev.flaxj.numpy.Check.fails;
import static dev.flaxj.numpy.Check.shape;

import dev.flaxj.array.Value;
import org.junit.jupiter.api.Test;

/** Comparisons, logical ufuncs, where and clip; expected values from jax 0.10.2. */
class LogicTest {
  private static final Value ONE_TWO_THREE = Jnp.array(new int[] {1, 2, 3});

  @Test
  void comparisonsPromoteAndBroadcast() {
    // from jax 0.10.2: comparing int32 with a Python float compares weak float32s: weak bool
    expect(Jnp.equal(ONE_TWO_THREE, 2.0), "bool", true, shape(3), 0, 1, 0);
    expect(Jnp.less(ONE_TWO_THREE, 2), "bool", false, shape(3), 1, 0, 0);
    expect(Jnp.lessEqual(ONE_TWO_THREE, 2), "bool", false, shape(3), 1, 1, 0);
    expect(Jnp.greater(ONE_TWO_THREE, 2), "bool", false, shape(3), 0, 0, 1);
    expect(Jnp.greaterEqual(Jnp.array(new float[] {1, 2, 3}), Jnp.array(new int[] {2})), "bool",
        false, shape(3), 0, 1, 1);
    expect(Jnp.notEqual(Jnp.array(new boolean[] {true, false}),
        Jnp.array(new boolean[] {true, true})), "bool", false, shape(2), 0, 1);
  }

  @Test
  void logicalFunctionsTestNonZero() {
    expect(Jnp.logicalAnd(Jnp.array(new int[] {1, 0, 2}), Jnp.array(new float[] {1, 1, 0})),
        "bool", false, shape(3), 1, 0, 0);
    expect(Jnp.logicalOr(0, Jnp.array(new int[] {0, 3})), "bool", false, shape(2), 0, 1);
    expect(Jnp.logicalXor(Jnp.array(new boolean[] {true, false}), true), "bool", false, shape(2),
        0, 1);
    expect(Jnp.logicalNot(Jnp.array(new float[] {0, 2})), "bool", false, shape(2), 1, 0);
  }

  @Test
  void whereBroadcastsAllThree() {
    Value c = Jnp.array(new boolean[] {true, false, true});
    expect(Jnp.where(c, 1, 2.0), "float32", true, shape(3), 1, 2, 1);
    expect(Jnp.where(Jnp.array(new int[][] {{1}, {0}}), Jnp.arange(3), -1), "int32", false,
        shape(2, 3), 0, 1, 2, -1, -1, -1);
    expect(Jnp.where(c, Jnp.arange(3), Jnp.zeros(1)), "float32", false, shape(3), 0, 0, 2);
    fails(() -> Jnp.where(Jnp.array(new boolean[] {true}), Jnp.ones(2), Jnp.zeros(3)), "where",
        "(2,)", "(3,)");
  }

  @Test
  void clip() {
    expect(Jnp.clip(Jnp.arange(5), 1, 3), "int32", false, shape(5), 1, 1, 2, 3, 3);
    expect(Jnp.clip(Jnp.arange(5), 3, 1), "int32", false, shape(5), 1, 1, 1, 1, 1);
    expect(Jnp.clip(Jnp.arange(5.0), null, 2.5), "float32", false, shape(5), 0, 1, 2, 2.5, 2.5);
    expect(Jnp.clip(Jnp.arange(5), 1.5, 3), "float32", true, shape(5), 1.5, 1.5, 2, 3, 3);
    expect(Jnp.clip(Jnp.zeros(0), 0, 1), "float32", false, shape(0));
  }
}
