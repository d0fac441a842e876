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

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import org.junit.jupiter.api.Test;

/** {@code x[...]} reads; expected values from jax 0.10.2 on x = arange(24).reshape(2, 3, 4). */
class IndexingTest {
  private static final Value X = Jnp.reshape(Jnp.arange(24), 2, 3, 4);
  private static final Value M = Jnp.reshape(Jnp.arange(12), 3, 4);

  @Test
  void integersAndColonSlices() {
    expect(Jnp.index(X, ALL, at(0)), "int32", false, shape(2, 4), 0, 1, 2, 3, 12, 13, 14, 15);
    expect(Jnp.index(X, at(1)), "int32", false, shape(3, 4),
        12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23);
    expect(Jnp.index(X, at(-1), at(-2)), "int32", false, shape(4), 16, 17, 18, 19);
    expect(Jnp.index(X, at(1), at(2), at(3)), "int32", false, shape(), 23);
    expect(Jnp.index(X, ALL, slice(1, 3)), "int32", false, shape(2, 2, 4),
        4, 5, 6, 7, 8, 9, 10, 11, 16, 17, 18, 19, 20, 21, 22, 23);
  }

  @Test
  void stepsAndNegativeBounds() {
    expect(Jnp.index(X, ELLIPSIS, slice(null, null, 2)), "int32", false, shape(2, 3, 2),
        0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22);
    expect(Jnp.index(X, ELLIPSIS, slice(null, null, -1)), "int32", false, shape(2, 3, 4),
        3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12, 19, 18, 17, 16, 23, 22, 21, 20);
    expect(Jnp.index(X, ALL, slice(null, null, -2), slice(1, -1)), "int32", false,
        shape(2, 2, 2), 9, 10, 1, 2, 21, 22, 13, 14);
    expect(Jnp.index(X, ALL, slice(-10, 10, 3)), "int32", false, shape(2, 1, 4),
        0, 1, 2, 3, 12, 13, 14, 15);
    expect(Jnp.index(X, ELLIPSIS, slice(3, 0, -2)), "int32", false, shape(2, 3, 2),
        3, 1, 7, 5, 11, 9, 15, 13, 19, 17, 23, 21);
    expect(Jnp.index(X, slice(5, null)), "int32", false, shape(0, 3, 4));
    expect(Jnp.index(X, slice(null, null, -5)), "int32", false, shape(1, 3, 4),
        12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23);
  }

  @Test
  void newAxisAndEllipsis() {
    expect(Jnp.index(X, slice(null, null, -1), NEW_AXIS, ELLIPSIS, at(-1)), "int32", false,
        shape(2, 1, 3), 15, 19, 23, 3, 7, 11);
    expect(Jnp.index(X, NEW_AXIS), "int32", false, shape(1, 2, 3, 4), range(24));
    expect(Jnp.index(X, ALL, NEW_AXIS, ALL, NEW_AXIS), "int32", false, shape(2, 1, 3, 1, 4),
        range(24));
    expect(Jnp.index(X, ELLIPSIS), "int32", false, shape(2, 3, 4), range(24));
    expect(Jnp.index(X, at(1), ELLIPSIS, NEW_AXIS, at(2)), "int32", false, shape(3, 1),
        14, 18, 22);
    expect(Jnp.index(Array.scalar(5f), NEW_AXIS), "float32", false, shape(1), 5);
    expect(Jnp.index(Array.scalar(5f)), "float32", false, shape(), 5);
  }

  @Test
  void integerArrays() {
    expect(Jnp.index(X, array(1, 0, 1)), "int32", false, shape(3, 3, 4),
        12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
        12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23);
    expect(Jnp.index(X, ALL, array(2, -1)), "int32", false, shape(2, 2, 4),
        8, 9, 10, 11, 8, 9, 10, 11, 20, 21, 22, 23, 20, 21, 22, 23);
    expect(Jnp.index(X, array(0, 1), array(1, 2)), "int32", false, shape(2, 4),
        4, 5, 6, 7, 20, 21, 22, 23);
    expect(Jnp.index(X, array(Array.scalar(1)), at(2)), "int32", false, shape(4),
        20, 21, 22, 23);
  }

  @Test
  void separatedAdvancedIndicesMoveToTheFront() {
    expect(Jnp.index(X, array(0, 1), ALL, array(1, 2)), "int32", false,
        shape(2, 3), 1, 5, 9, 14, 18, 22);
    expect(Jnp.index(X, ALL, array(Array.of(new int[] {0, 2}, 2, 1)), array(1, 3)),
        "int32", false, shape(2, 2, 2), 1, 3, 9, 11, 13, 15, 21, 23);
    expect(Jnp.index(X, array(1, 0), slice(1, null), slice(null, null, -2)), "int32", false,
        shape(2, 2, 2), 19, 17, 23, 21, 7, 5, 11, 9);
    expect(Jnp.index(X, at(0), array(0, 2), NEW_AXIS), "int32", false, shape(2, 1, 4),
        0, 1, 2, 3, 8, 9, 10, 11);
    expect(Jnp.index(X, array(Array.of(new int[] {0, 1}, 1, 2)), NEW_AXIS, at(1)), "int32",
        false, shape(1, 2, 1, 4), 4, 5, 6, 7, 16, 17, 18, 19);
  }

  @Test
  void outOfRangeArrayEntriesClampAsJax() {
    expect(Jnp.index(M, array(5, -1, -7)), "int32", false, shape(3, 4),
        8, 9, 10, 11, 8, 9, 10, 11, 0, 1, 2, 3);
  }

  @Test
  void emptyIndexArrays() {
    expect(Jnp.index(X, ALL, array()), "int32", false, shape(2, 0, 4));
    expect(Jnp.index(Jnp.zeros(0), array()), "float32", false, shape(0));
  }

  @Test
  void booleanMasks() {
    expect(Jnp.index(M, array(Jnp.greater(M, 5))), "int32", false, shape(6), 6, 7, 8, 9, 10, 11);
    expect(Jnp.index(M, Index.mask(true, false, true)), "int32", false, shape(2, 4),
        0, 1, 2, 3, 8, 9, 10, 11);
    expect(Jnp.index(M, ALL, Index.mask(true, false, false, true)), "int32", false, shape(3, 2),
        0, 3, 4, 7, 8, 11);
    Value mask2d = Array.of(new boolean[] {true, false, true, false, false, true}, 2, 3);
    expect(Jnp.index(X, array(mask2d)), "int32", false, shape(3, 4),
        0, 1, 2, 3, 8, 9, 10, 11, 20, 21, 22, 23);
    expect(Jnp.index(X, Index.mask(true, false), at(1), array(0, 3)), "int32", false,
        shape(2), 4, 7);
  }

  @Test
  void scalarBooleans() {
    expect(Jnp.index(M, array(Array.scalar(true))), "int32", false, shape(1, 3, 4), range(12));
    expect(Jnp.index(M, array(Array.scalar(false))), "int32", false, shape(0, 3, 4));
    expect(Jnp.index(M, at(1), array(Array.scalar(true))), "int32", false, shape(1, 4),
        4, 5, 6, 7);
  }

  @Test
  void badIndices() {
    fails(() -> Jnp.index(M, ALL, ALL, at(0)), "index", "too many indices",
        "2-dimensional", "3 were indexed");
    fails(() -> Jnp.index(M, ELLIPSIS, ELLIPSIS), "single ellipsis");
    fails(() -> Jnp.index(M, Index.mask(true, false)), "boolean index did not match",
        "(2,)", "[3]");
    fails(() -> Jnp.index(M, array(Array.of(new float[] {0.5f}, 1))), "integer or boolean",
        "float32");
    fails(() -> Jnp.index(M, slice(null, null, 0)), "slice step cannot be zero");
    fails(() -> Jnp.index(M, array(0, 1), array(0, 1, 2)), "index",
        "(2,)", "(3,)");
    fails(() -> Jnp.index(Jnp.zeros(0), at(0)), "index 0", "axis 0", "size 0");
  }

  @Test
  void staticOutOfRangeIntegersClampAsJax() {
    // from jax 0.10.2: without jax_check_static_indices, m[3] is m[2] and m[:, -5] is m[:, 0]
    expect(Jnp.index(M, at(3)), "int32", false, shape(4), 8, 9, 10, 11);
    expect(Jnp.index(M, ALL, at(-5)), "int32", false, shape(3), 0, 4, 8);
    expect(Jnp.index(M, at(-7)), "int32", false, shape(4), 0, 1, 2, 3);
    expect(Jnp.index(M, at(1), at(9)), "int32", false, shape(), 7);
    expect(Jnp.index(M, array(0, 1), at(7)), "int32", false, shape(2), 3, 7);
  }
}
