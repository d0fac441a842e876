package dev.flaxj.numpy;

import static dev.flaxj.numpy.Check.expect;
import static dev.flaxj.numpy.Check.fails;
import static dev.flaxj.numpy.Check.shape;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import org.junit.jupiter.api.Test;

/** Type promotion (with weak scalars) and numpy broadcasting in the binary ufuncs. */
class PromotionBroadcastTest {
  private static final Value F32 = Array.of(new float[] {1.5f, -2f}, 2);
  private static final Value I32 = Array.of(new int[] {3, 4}, 2);

  @Test
  void int32PlusFloat32IsFloat32() {
    expect(Jnp.add(I32, F32), "float32", false, shape(2), 4.5, 2);
  }

  @Test
  void float32TimesJavaIntStaysStrongFloat32() {
    expect(Jnp.multiply(F32, 2), "float32", false, shape(2), 3, -4);
  }

  @Test
  void int32PlusJavaDoubleIsWeakFloat32() {
    // from jax 0.10.2: jnp.array([3, 4]) + 2.5 -> float32, weak_type=True
    expect(Jnp.add(I32, 2.5), "float32", true, shape(2), 5.5, 6.5);
  }

  @Test
  void int32TimesJavaIntStaysInt32() {
    expect(Jnp.multiply(I32, 3), "int32", false, shape(2), 9, 12);
  }

  @Test
  void uint32PlusInt32IsInt32() {
    // from jax 0.10.2: uint32 + int32 -> int32 (int64 canonicalised under x32)
    Value u = Array.ofUint32(new int[] {1, 2}, 2);
    expect(Jnp.add(u, I32), "int32", false, shape(2), 4, 6);
  }

  @Test
  void uint32PlusJavaIntStaysUint32() {
    Value u = Array.ofUint32(new int[] {1, 2}, 2);
    expect(Jnp.add(u, 1), "uint32", false, shape(2), 2, 3);
  }

  @Test
  void boolPlusInt32IsInt32AndBoolPlusBoolIsOr() {
    Value b = Array.of(new boolean[] {true, false}, 2);
    expect(Jnp.add(b, I32), "int32", false, shape(2), 4, 4);
    // from jax 0.10.2: [True, False, True] + itself -> bool (logical or), * -> logical and
    Value c = Array.of(new boolean[] {true, false, true}, 3);
    Value d = Array.of(new boolean[] {false, false, true}, 3);
    expect(Jnp.add(c, d), "bool", false, shape(3), 1, 0, 1);
    expect(Jnp.multiply(c, d), "bool", false, shape(3), 0, 0, 1);
  }

  @Test
  void twoJavaScalarsStayWeak() {
    expect(Jnp.add(1, 2), "int32", true, shape(), 3);
    expect(Jnp.multiply(2, 1.5), "float32", true, shape(), 3);
  }

  @Test
  void float64OperandWinsOverWeakFloat() {
    Value d = Array.of(new double[] {0.1}, 1);
    expect(Jnp.add(d, 1.0), "float64", false, shape(1), 1.1);
  }

  @Test
  void columnPlusRowBroadcastsToMatrix() {
    Value col = Array.of(new float[] {0, 10, 20}, 3, 1);
    Value row = Array.of(new int[] {1, 2, 3, 4}, 1, 4);
    expect(Jnp.add(col, row), "float32", false, shape(3, 4),
        1, 2, 3, 4, 11, 12, 13, 14, 21, 22, 23, 24);
  }

  @Test
  void scalarBroadcastsOverMatrix() {
    Value m = Jnp.reshape(Jnp.arange(6), 2, 3);
    expect(Jnp.subtract(10, m), "int32", false, shape(2, 3), 10, 9, 8, 7, 6, 5);
    expect(Jnp.add(Array.scalar(1f), m), "float32", false, shape(2, 3), 1, 2, 3, 4, 5, 6);
  }

  @Test
  void zeroSizeDimensionsBroadcast() {
    Value empty = Jnp.zeros(0, 3);
    expect(Jnp.add(empty, Jnp.ones(1, 3)), "float32", false, shape(0, 3));
    expect(Jnp.multiply(Jnp.zeros(2, 0), 2.0), "float32", false, shape(2, 0));
    expect(Jnp.add(Jnp.zeros(0), Jnp.ones(1)), "float32", false, shape(0));
  }

  @Test
  void incompatibleShapesNameOpAndBothShapes() {
    fails(() -> Jnp.add(Jnp.zeros(3), Jnp.zeros(4)),
        "add: incompatible shapes for broadcasting: (3,) and (4,)");
    fails(() -> Jnp.less(Jnp.zeros(2, 3), Jnp.zeros(3, 2)), "less", "(2, 3)", "(3, 2)");
  }

  @Test
  void javaArraysAndUnsupportedOperands() {
    expect(Jnp.add(new int[][] {{1, 2}, {3, 4}}, 1), "int32", false, shape(2, 2), 2, 3, 4, 5);
    expect(Jnp.array(new double[] {0.5, 1}), "float32", false, shape(2), 0.5, 1);
    expect(Jnp.array(new boolean[] {true}), "bool", false, shape(1), 1);
    expect(Jnp.array(2.0), "float32", true, shape(), 2);
    expect(Jnp.array(new int[] {1, 2}, DType.FLOAT32), "float32", false, shape(2), 1, 2);
    fails(() -> Jnp.add(Jnp.zeros(1), "x"), "add", "String");
    fails(() -> Jnp.array(new int[][] {{1, 2}, {3}}), "ragged");
  }
}
