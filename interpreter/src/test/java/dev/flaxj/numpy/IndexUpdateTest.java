package dev.flaxj.numpy;

import static dev.flaxj.numpy.Check.expect;
import static dev.flaxj.numpy.Check.fails;
import static dev.flaxj.numpy.Check.range;
import static dev.flaxj.numpy.Check.shape;
import static dev.flaxj.numpy.Index.ALL;
import static dev.flaxj.numpy.Index.ELLIPSIS;
import static dev.flaxj.numpy.Index.NEW_AXIS;
import static dev.flaxj.numpy.Index.array;
import static dev.flaxj.numpy.Index.at;
import static dev.flaxj.numpy.Index.slice;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import org.junit.jupiter.api.Test;

/** {@code x.at[...]}; expected values from jax 0.10.2 on m = arange(12).reshape(3, 4). */
class IndexUpdateTest {
  private static final Value M = Jnp.reshape(Jnp.arange(12), 3, 4);

  private static Value ints(int... v) {
    return Array.of(v, v.length);
  }

  @Test
  void setRowAndStridedColumns() {
    expect(Jnp.at(M, at(1)).set(-1), "int32", false, shape(3, 4),
        0, 1, 2, 3, -1, -1, -1, -1, 8, 9, 10, 11);
    expect(Jnp.at(M, ALL, slice(null, null, 2)).set(ints(100, 200)), "int32", false, shape(3, 4),
        100, 1, 200, 3, 100, 5, 200, 7, 100, 9, 200, 11);
    expect(Jnp.at(M, slice(null, null, -1), at(0)).set(ints(1, 2, 3)), "int32", false,
        shape(3, 4), 3, 1, 2, 3, 2, 5, 6, 7, 1, 9, 10, 11);
    expect(Jnp.at(M, NEW_AXIS, at(0)).set(7), "int32", false, shape(3, 4),
        7, 7, 7, 7, 4, 5, 6, 7, 8, 9, 10, 11);
  }

  @Test
  void addAccumulatesRepeatedIndices() {
    expect(Jnp.at(M, array(0, 0, 2)).add(1), "int32", false, shape(3, 4),
        2, 3, 4, 5, 4, 5, 6, 7, 9, 10, 11, 12);
    expect(Jnp.at(M, array(0, 2), array(1, 1)).add(ints(10, 20)), "int32", false,
        shape(3, 4), 0, 11, 2, 3, 4, 5, 6, 7, 8, 29, 10, 11);
    expect(Jnp.at(M, array(1, 1), at(0)).add(ints(5, 6)), "int32", false, shape(3, 4),
        0, 1, 2, 3, 15, 5, 6, 7, 8, 9, 10, 11);
  }

  @Test
  void outOfRangeStaticIntegersAreDropped() {
    // from jax 0.10.2: m.at[3].set(1), m.at[-4].set(-1) and m.at[-4, 1].add(5) change nothing
    expect(Jnp.at(M, at(3)).set(1), "int32", false, shape(3, 4), range(12));
    expect(Jnp.at(M, at(-4)).set(-1), "int32", false, shape(3, 4), range(12));
    expect(Jnp.at(M, at(-4), at(1)).add(5), "int32", false, shape(3, 4), range(12));
    expect(Jnp.at(M, at(1), at(9)).get(), "int32", false, shape(), 7);
  }

  @Test
  void outOfRangeUpdatesAreDropped() {
    // 5 and -4 (= -1 after wrapping) are out of range and dropped; -1 is the last row.
    expect(Jnp.at(M, array(5, -1, -4)).set(-9), "int32", false, shape(3, 4),
        0, 1, 2, 3, 4, 5, 6, 7, -9, -9, -9, -9);
  }

  @Test
  void maskUpdatesAndScalarBooleans() {
    expect(Jnp.at(M, array(Jnp.greater(M, 8))).set(0), "int32", false, shape(3, 4),
        0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0);
    expect(Jnp.at(M, array(Array.scalar(true))).add(1), "int32", false, shape(3, 4),
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    expect(Jnp.at(M, array(Array.scalar(false))).add(1), "int32", false, shape(3, 4), range(12));
  }

  @Test
  void dtypeOfTheTargetIsKept() {
    // from jax 0.10.2: int + 2.7 is computed in float, then truncated back to int32
    expect(Jnp.at(M, ELLIPSIS, at(-1)).add(2.7), "int32", false, shape(3, 4),
        0, 1, 2, 5, 4, 5, 6, 9, 8, 9, 10, 13);
    expect(Jnp.at(Jnp.ones(3), at(1)).add(2), "float32", false, shape(3), 1, 3, 1);
    expect(Jnp.at(Array.weak(1.0), ELLIPSIS).set(4), "float32", true, shape(), 4);
  }

  @Test
  void emptySelectionsChangeNothing() {
    expect(Jnp.at(M, ALL, array()).set(5), "int32", false, shape(3, 4), range(12));
    expect(Jnp.at(Jnp.zeros(0), slice(null, null)).set(1), "float32", false, shape(0));
  }

  @Test
  void wholeArrayUpdates() {
    expect(Jnp.at(M, ALL).add(1), "int32", false, shape(3, 4),
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    expect(Jnp.at(M, ELLIPSIS).set(new int[] {0, 1, 0, 1}), "int32", false, shape(3, 4),
        0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1);
  }

  @Test
  void getIsIndexing() {
    expect(Jnp.at(M, slice(1, null)).get(), "int32", false, shape(2, 4), 4, 5, 6, 7, 8, 9, 10, 11);
  }

  @Test
  void originalIsNotMutated() {
    Value before = Jnp.reshape(Jnp.arange(12), 3, 4);
    Jnp.at(M, at(0)).set(100);
    Jnp.at(M, array(0)).add(100);
    assertEquals(before, M);
  }

  @Test
  void badUpdates() {
    fails(() -> Jnp.at(M, at(2), slice(1, 3)).set(Array.of(new int[] {8, 9}, 1, 2)), "(1, 2)",
        "(2,)");
    fails(() -> Jnp.at(Jnp.zeros(0), at(0)).set(1), "index 0", "axis 0", "size 0");
  }
}
