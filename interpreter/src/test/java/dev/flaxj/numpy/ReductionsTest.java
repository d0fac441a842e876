package dev.flaxj.numpy;

import static dev.flaxj.numpy.Check.expect;
import static dev.flaxj.numpy.Check.fails;
import static dev.flaxj.numpy.Check.shape;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import org.junit.jupiter.api.Test;

/** Reductions with axes and keepdims; expected values and dtypes from jax 0.10.2. */
class ReductionsTest {
  private static final Value X = Jnp.reshape(Jnp.arange(24.0), 2, 3, 4);
  private static final Value A = Jnp.array(new float[][] {{1, 2, 3}, {4, 5, 6}});
  private static final Value B = Jnp.array(new boolean[] {true, false, true});

  @Test
  void sumOverAxesAndKeepdims() {
    expect(Jnp.sum(X, 0, 2), "float32", false, shape(3), 60, 92, 124);
    expect(Jnp.sum(X, new int[] {1}, true), "float32", false, shape(2, 1, 4),
        12, 15, 18, 21, 48, 51, 54, 57);
    expect(Jnp.sum(X), "float32", false, shape(), 276);
    expect(Jnp.sum(X, new int[] {-1, 0}, true), "float32", false, shape(1, 3, 1), 60, 92, 124);
    expect(Jnp.sum(A, new int[0]), "float32", false, shape(2, 3), 1, 2, 3, 4, 5, 6);
  }

  @Test
  void resultDtypes() {
    expect(Jnp.sum(B), "int32", false, shape(), 2);
    expect(Jnp.sum(Array.ofUint32(new int[] {1, 2}, 2)), "uint32", false, shape(), 3);
    expect(Jnp.sum(Array.weak(2.0)), "float32", false, shape(), 2);
    expect(Jnp.prod(B), "int32", false, shape(), 0);
    expect(Jnp.max(B), "bool", false, shape(), 1);
    expect(Jnp.mean(Jnp.array(new int[] {1, 2, 3})), "float32", false, shape(), 2);
    expect(Jnp.mean(B), "float32", false, shape(), 0.6666667);
    expect(Jnp.var(Jnp.array(new int[] {1, 2, 3})), "float32", false, shape(), 0.6666667);
    expect(Jnp.std(B), "float32", false, shape(), 0.47140452);
    expect(Jnp.all(Jnp.array(new int[] {1, 2, 3})), "bool", false, shape(), 1);
    expect(Jnp.any(Jnp.array(new float[] {0, 2})), "bool", false, shape(), 1);
  }

  @Test
  void prodMaxMin() {
    expect(Jnp.prod(A, 0), "float32", false, shape(3), 4, 10, 18);
    expect(Jnp.max(X, -1), "float32", false, shape(2, 3), 3, 7, 11, 15, 19, 23);
    expect(Jnp.min(A, new int[] {0, 1}, true), "float32", false, shape(1, 1), 1);
    expect(Jnp.max(Jnp.array(new float[] {1, Float.NaN, 3})), "float32", false, shape(),
        Double.NaN);
  }

  @Test
  void emptyReductions() {
    expect(Jnp.sum(Jnp.zeros(0, 3), 0), "float32", false, shape(3), 0, 0, 0);
    expect(Jnp.prod(Jnp.zeros(0)), "float32", false, shape(), 1);
    expect(Jnp.all(Jnp.zeros(0)), "bool", false, shape(), 1);
    expect(Jnp.max(Jnp.zeros(0, 3), 1), "float32", false, shape(0));
    expect(Jnp.mean(Jnp.zeros(0)), "float32", false, shape(), Double.NaN);
    fails(() -> Jnp.max(Jnp.zeros(0)), "max", "zero-size array", "no identity");
    fails(() -> Jnp.argmax(Jnp.zeros(0)), "argmax", "empty sequence");
  }

  @Test
  void meanVarStd() {
    expect(Jnp.mean(A, 1), "float32", false, shape(2), 2, 5);
    // from jax 0.10.2: the mean multiplies by the reciprocal count (7 * (1/3), not 7 / 3)
    expect(Jnp.mean(Jnp.array(new float[] {1, 2, 4})), "float32", false, shape(),
        2.3333334922790527);
    expect(Jnp.var(A, 0), "float32", false, shape(3), 2.25, 2.25, 2.25);
    expect(Jnp.std(A), "float32", false, shape(), 1.7078251838684082);
    expect(Jnp.var(A, new int[] {1}, 1, false), "float32", false, shape(2), 1, 1);
    expect(Jnp.var(Jnp.ones(2, 3), new int[] {1}, 1, true), "float32", false, shape(2, 1), 0, 0);
    expect(Jnp.std(Jnp.array(new int[] {1, 2, 3, 4}), null, 1, false), "float32", false, shape(),
        1.2909944);
    expect(Jnp.var(Array.weak(2.0)), "float32", false, shape(), 0);
    // ddof >= n gives NaN, as in JAX
    expect(Jnp.var(Jnp.array(new float[] {1, 2, 4}), null, 3, false), "float32", false, shape(),
        Double.NaN);
    expect(Jnp.var(Jnp.array(new float[] {1, 2, 4}), null, 1, false), "float32", false, shape(),
        2.3333333);
  }

  @Test
  void argmaxArgminCumsum() {
    Value m = Jnp.array(new int[][] {{1, 5}, {7, 2}});
    expect(Jnp.argmax(A, 0), "int32", false, shape(3), 1, 1, 1);
    expect(Jnp.argmax(m, 1, true), "int32", false, shape(2, 1), 1, 0);
    expect(Jnp.argmin(m), "int32", false, shape(), 0);
    expect(Jnp.argmax(m, null, true), "int32", false, shape(1, 1), 2);
    expect(Jnp.argmax(Jnp.array(new float[] {1, Float.NaN, 3})), "int32", false, shape(), 1);
    expect(Jnp.cumsum(m), "int32", false, shape(4), 1, 6, 13, 15);
    expect(Jnp.cumsum(m, 0), "int32", false, shape(2, 2), 1, 5, 8, 7);
    expect(Jnp.cumsum(A, -1), "float32", false, shape(2, 3), 1, 3, 6, 4, 9, 15);
    expect(Jnp.cumsum(B), "int32", false, shape(3), 1, 1, 2);
    expect(Jnp.cumsum(Array.weak(2.0)), "float32", false, shape(1), 2);
  }

  @Test
  void logicalReductions() {
    expect(Jnp.all(Jnp.greater(A, 1), 1), "bool", false, shape(2), 0, 1);
    expect(Jnp.any(Jnp.greater(A, 5), new int[] {0, 1}, true), "bool", false, shape(1, 1), 1);
  }

  @Test
  void badAxes() {
    fails(() -> Jnp.sum(Jnp.ones(2, 3), 0, 0), "sum", "duplicate value in 'axis': (0, 0)");
    fails(() -> Jnp.sum(Jnp.ones(2, 3), 2), "sum", "axis 2", "rank 2");
    fails(() -> Jnp.mean(Jnp.ones(2, 3), -3), "mean", "axis -3");
    fails(() -> Jnp.argmax(Jnp.ones(2), 1), "argmax", "axis 1");
    fails(() -> Jnp.cumsum(Jnp.ones(2), 3), "cumsum", "axis 3");
  }
}
