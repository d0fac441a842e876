package dev.flaxj.numpy;

import static dev.flaxj.numpy.Check.expect;
import static dev.flaxj.numpy.Check.fails;
import static dev.flaxj.numpy.Check.shape;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import org.junit.jupiter.api.Test;

/** Arithmetic ufuncs; expected values from jax 0.10.2 unless obvious. */
class ArithmeticTest {
  private static final double NAN = Double.NaN;
  private static final double INF = Double.POSITIVE_INFINITY;
  private static final Value I = Array.of(new int[] {-7, 7, -7, 7, 0}, 5);
  private static final Value J = Array.of(new int[] {2, 2, -2, -2, 3}, 5);
  private static final Value F = Array.of(new float[] {-7.5f, 7.5f, -7.5f, 7.5f, 0f, -0f}, 6);
  private static final Value G = Array.of(new float[] {2, 2, -2, -2, 3, 3}, 6);

  @Test
  void floorDivideRoundsTowardNegativeInfinity() {
    expect(Jnp.floorDivide(I, J), "int32", false, shape(5), -4, 3, 3, -4, 0);
    expect(Jnp.floorDivide(F, G), "float32", false, shape(6), -4, 3, 3, -4, 0, 0);
    Value u = Array.ofUint32(new int[] {7, 8}, 2);
    expect(Jnp.floorDivide(u, Array.ofUint32(new int[] {2, 3}, 2)), "uint32", false, shape(2),
        3, 2);
  }

  @Test
  void floorDivideByZeroAsJax() {
    // from jax 0.10.2: XLA's integer x / 0 is -1, then the floor correction
    expect(Jnp.floorDivide(I, 0), "int32", false, shape(5), -2, -2, -2, -2, -1);
    expect(Jnp.floorDivide(F, 0.0), "float32", false, shape(6), -INF, INF, -INF, INF, NAN, NAN);
  }

  @Test
  void remainderTakesTheDivisorsSign() {
    expect(Jnp.remainder(I, J), "int32", false, shape(5), 1, 1, -1, -1, 0);
    expect(Jnp.mod(F, G), "float32", false, shape(6), 0.5, 1.5, -1.5, -0.5, 0, -0.0);
    expect(Jnp.remainder(I, 0), "int32", false, shape(5), 0, 0, 0, 0, 0);
    expect(Jnp.remainder(F, 0.0), "float32", false, shape(6), NAN, NAN, NAN, NAN, NAN, NAN);
  }

  @Test
  void trueDivide() {
    expect(Jnp.divide(Jnp.array(new int[] {1, 2}), Jnp.array(new int[] {2, 0})), "float32", false,
        shape(2), 0.5, INF);
    expect(Jnp.divide(1, 2), "float32", true, shape(), 0.5);
    expect(Jnp.trueDivide(Jnp.ones(2), 4), "float32", false, shape(2), 0.25, 0.25);
  }

  @Test
  void divisionByABroadcastDivisorMultipliesByItsReciprocalAsXlaCpu() {
    // from jax 0.10.2 on CPU: x / 3. is x * (1/3) (rounded twice), 7. / x divides exactly
    Value x = Jnp.array(new float[] {7, 1, 10});
    expect(Jnp.divide(x, 3.0), "float32", false, shape(3), 2.3333334922790527,
        0.3333333432674408, 3.3333334922790527);
    expect(Jnp.divide(7.0, Jnp.full(shape(3), 3.0, null)), "float32", true, shape(3),
        2.3333332538604736, 2.3333332538604736, 2.3333332538604736);
    expect(Jnp.divide(x, Jnp.full(shape(3), 3, DType.FLOAT32)), "float32", false,
        shape(3), 2.3333332538604736, 0.3333333432674408, 3.3333332538604736);
  }

  @Test
  void powerForms() {
    Value ints = Jnp.array(new int[] {2, 3, -2});
    expect(Jnp.power(ints, 3), "int32", false, shape(3), 8, 27, -8);
    expect(Jnp.power(ints, Jnp.array(new int[] {3, 0, 5})), "int32", false, shape(3), 8, 1, -32);
    expect(Jnp.power(Jnp.array(new int[] {0, 0, 2}), Jnp.array(new int[] {0, 2, 40})), "int32",
        false, shape(3), 1, 0, 0);
    Value floats = Jnp.array(new float[] {1.5f, 2f});
    expect(Jnp.power(floats, Jnp.array(new int[] {2, -1})), "float32", false, shape(2), 2.25, 0.5);
    expect(Jnp.power(floats, 0.5), "float32", false, shape(2), 1.2247449159622192,
        1.4142135381698608);
    expect(Jnp.power(2, Jnp.array(new float[] {0.5f, 2f})), "float32", false, shape(2),
        1.4142135381698608, 4.0);
    expect(Jnp.power(Jnp.array(new boolean[] {true, false}), 2), "int32", false, shape(2), 1, 0);
    expect(Jnp.power(Jnp.array(new float[] {2, 4}), Jnp.array(2)), "float32", false, shape(2),
        4, 16);
    fails(() -> Jnp.power(Jnp.array(new int[] {2}), -1), "integer_pow");
  }

  @Test
  void unarySignsAndSquares() {
    expect(Jnp.abs(Jnp.array(new float[] {-2.5f, 0, 3})), "float32", false, shape(3), 2.5, 0, 3);
    expect(Jnp.absolute(Jnp.array(new int[] {-3, 4})), "int32", false, shape(2), 3, 4);
    Value u = Array.ofUint32(new int[] {-1}, 1);
    expect(Jnp.abs(u), "uint32", false, shape(1), 4294967295.0);
    expect(Jnp.sign(Jnp.array(new float[] {-2, 0, 5})), "float32", false, shape(3), -1, 0, 1);
    expect(Jnp.sign(Jnp.array(new int[] {-2, 0, 5})), "int32", false, shape(3), -1, 0, 1);
    expect(Jnp.negative(Jnp.array(new int[] {1, -2})), "int32", false, shape(2), -1, 2);
    // from jax 0.10.2: negating uint32 wraps around
    expect(Jnp.negative(Array.ofUint32(new int[] {1, 2}, 2)), "uint32", false, shape(2),
        4294967295.0, 4294967294.0);
    expect(Jnp.square(Jnp.array(new boolean[] {true, false})), "int32", false, shape(2), 1, 0);
    expect(Jnp.square(Jnp.array(new float[] {1.5f})), "float32", false, shape(1), 2.25);
    expect(Jnp.reciprocal(Jnp.array(new int[] {2, 4})), "float32", false, shape(2), 0.5, 0.25);
  }

  @Test
  void boolOperandsRejectedWhereJaxRejectsThem() {
    Value b = Jnp.array(new boolean[] {true});
    fails(() -> Jnp.subtract(b, b), "subtract", "bool");
    fails(() -> Jnp.negative(b), "negative", "bool");
    fails(() -> Jnp.sign(b), "sign", "bool");
  }

  @Test
  void transcendentalsPromoteToFloat() {
    expect(Jnp.exp(Jnp.array(new int[] {0, 1})), "float32", false, shape(2), 1, 2.7182817459106445);
    expect(Jnp.log(Jnp.array(new float[] {1, 2})), "float32", false, shape(2), 0,
        0.6931471824645996);
    expect(Jnp.sqrt(2), "float32", true, shape(), 1.4142135381698608);
    expect(Jnp.tanh(Jnp.array(new float[] {0.5f, -1f})), "float32", false, shape(2),
        0.46211716532707214, -0.7615941762924194);
    expect(Jnp.tanh(Array.weak(2.0)), "float32", true, shape(), 0.9640276);
    expect(Jnp.exp(Jnp.array(new boolean[] {true, false})), "float32", false, shape(2),
        2.7182817459106445, 1);
    expect(Jnp.log1p(Jnp.zeros(0)), "float32", false, shape(0));
  }

  @Test
  void roundingFunctions() {
    Value h = Jnp.array(new float[] {-1.5f, 1.5f});
    expect(Jnp.floor(h), "float32", false, shape(2), -2, 1);
    expect(Jnp.ceil(h), "float32", false, shape(2), -1, 2);
    expect(Jnp.round(Jnp.array(new float[] {0.5f, 1.5f, 2.5f, -0.5f, -1.5f})), "float32", false,
        shape(5), 0, 2, 2, -0.0, -2);
    expect(Jnp.floor(Jnp.array(new int[] {1, 2})), "int32", false, shape(2), 1, 2);
  }

  @Test
  void maximumMinimum() {
    expect(Jnp.maximum(Jnp.array(new int[] {1, 5}), Jnp.array(new float[] {3, 2})), "float32",
        false, shape(2), 3, 5);
    expect(Jnp.minimum(Jnp.array(new float[] {1, Float.NaN}), 0.0), "float32", false, shape(2),
        0, NAN);
    expect(Jnp.maximum(Jnp.arange(3), 2.5), "float32", true, shape(3), 2.5, 2.5, 2.5);
  }

  @Test
  void scalarsWork() {
    expect(Jnp.multiply(Array.scalar(3), Array.scalar(4)), "int32", false, shape(), 12);
    expect(Jnp.floorDivide(Array.scalar(-7), 2), "int32", false, shape(), -4);
  }
}
