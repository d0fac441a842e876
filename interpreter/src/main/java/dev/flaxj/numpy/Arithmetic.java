package dev.flaxj.numpy;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.RoundingMethod;

/**
 * Numpy's arithmetic ufuncs with broadcasting and JAX's type promotion, written with lax
 * primitives the way {@code jax.numpy} writes them (Python's sign rules for floor division and
 * remainder, binary exponentiation for integer powers, bool {@code +}/{@code *} as or/and).
 */
final class Arithmetic {
  private Arithmetic() {}

  static Value add(Object x, Object y) {
    Value[] v = Operands.promote("add", x, y);
    return v[0].dtype() == DType.BOOL ? Lax.or(v[0], v[1]) : Lax.add(v[0], v[1]);
  }

  static Value subtract(Object x, Object y) {
    Value[] v = Operands.promote("subtract", x, y);
    requireNotBool("subtract", v[0]);
    return Lax.sub(v[0], v[1]);
  }

  static Value multiply(Object x, Object y) {
    Value[] v = Operands.promote("multiply", x, y);
    return v[0].dtype() == DType.BOOL ? Lax.and(v[0], v[1]) : Lax.mul(v[0], v[1]);
  }

  /** True division: integer and bool operands give float32. */
  static Value divide(Object x, Object y) {
    Value[] v = Operands.promoteDtypes("divide", Operands.Kind.INEXACT, x, y);
    Shape shape = Operands.broadcastShapes("divide", v[0].shape(), v[1].shape());
    return quotient(Operands.broadcastTo("divide", v[0], shape), v[1], shape);
  }

  /**
   * {@code a / b} with {@code b} broadcast to {@code shape}. A floating divisor that has to be
   * broadcast divides as XLA on CPU rewrites it, {@code a * (1 / b)}, so that values match
   * JAX's bit for bit (a divisor of the full shape divides exactly).
   */
  static Value quotient(Value a, Value b, Shape shape) {
    if (b.shape().equals(shape) || !b.dtype().isFloating()) {
      return Lax.div(a, Operands.broadcastTo("divide", b, shape));
    }
    Value inverse = Lax.div(Constants.fullLike(b, 1), b);
    return Lax.mul(a, Operands.broadcastTo("divide", inverse, shape));
  }

  /** Division rounded toward negative infinity, as Python's {@code //}. */
  static Value floorDivide(Object x, Object y) {
    Value[] unbroadcast = Operands.promoteDtypes("floor_divide", Operands.Kind.NUMERIC, x, y);
    Value[] v = Operands.broadcastAll("floor_divide", unbroadcast);
    Value a = v[0];
    Value b = v[1];
    if (a.dtype().isUnsigned()) {
      return Lax.div(a, b);
    }
    if (a.dtype().isInteger()) {
      Value quotient = Lax.div(a, b);
      Value signsDiffer = Lax.ne(Lax.sign(a), Lax.sign(b));
      Value inexact = Lax.ne(Lax.rem(a, b), Constants.fullLike(a, 0));
      Value adjust = Lax.and(signsDiffer, inexact);
      return Lax.selectN(adjust, quotient, Lax.sub(quotient, Constants.fullLike(quotient, 1)));
    }
    return floatDivmod(a, b, unbroadcast[1])[0];
  }

  /** Remainder with the divisor's sign, as Python's {@code %}; an integer divisor 0 gives 0. */
  static Value remainder(Object x, Object y) {
    Value[] v = Operands.promoteNumeric("remainder", x, y);
    Value a = v[0];
    Value b = v[1];
    Value zero = Constants.fullLike(a, 0);
    if (b.dtype().isInteger()) {
      b = Lax.selectN(Lax.eq(b, zero), b, Constants.fullLike(b, 1));
    }
    Value trunc = Lax.rem(a, b);
    Value signsDiffer = Lax.ne(Lax.lt(trunc, zero), Lax.lt(b, zero));
    Value plus = Lax.and(signsDiffer, Lax.ne(trunc, zero));
    return Lax.selectN(plus, trunc, Lax.add(trunc, b));
  }

  /**
   * CPython's float divmod, as {@code jnp}: the quotient rounded, the remainder signed like b.
   * {@code divisor} is {@code b} before broadcasting (see {@link #quotient}).
   */
  private static Value[] floatDivmod(Value a, Value b, Value divisor) {
    Value zero = Constants.fullLike(a, 0);
    Value mod = Lax.rem(a, b);
    Value corrected = Lax.selectN(Lax.eq(b, zero), Lax.sub(a, mod), a);
    Value div = quotient(corrected, divisor, a.shape());
    Value ind = Lax.and(Lax.ne(mod, zero), Lax.ne(Lax.sign(b), Lax.sign(mod)));
    mod = Lax.selectN(ind, mod, Lax.add(mod, b));
    div = Lax.selectN(ind, div, Lax.sub(div, Constants.fullLike(div, 1)));
    return new Value[] {Lax.round(div, RoundingMethod.AWAY_FROM_ZERO), mod};
  }

  /**
   * {@code x ** y}. A Java integer (or concrete integer scalar) exponent uses
   * {@code integer_pow}; integer bases with integer exponents use binary exponentiation; a float
   * base with an integer exponent array keeps its dtype; otherwise both promote and {@code pow}.
   */
  static Value power(Object x, Object y) {
    Integer n = staticIntegerExponent(y);
    if (n != null) {
      Value base = ArrayLike.of("power", x);
      Value b = base.dtype() == DType.BOOL
          ? Operands.convert(base, DType.INT32, base.aval().weakType()) : base;
      return Lax.integerPow(b, n);
    }
    Value base = ArrayLike.of("power", x);
    Value exponent = ArrayLike.of("power", y);
    Value[] v = Operands.promoteNumeric("power", base, exponent);
    if (!v[0].dtype().isFloating()) {
      return integerPower(v[0], v[1]);
    }
    if (base.dtype().isFloating() && exponent.dtype().isInteger()) {
      var shape = Operands.broadcastShapes("power", base.shape(), exponent.shape());
      return Lax.pow(Operands.broadcastTo("power", base, shape),
          Operands.broadcastTo("power", exponent, shape));
    }
    return Lax.pow(v[0], v[1]);
  }

  private static Integer staticIntegerExponent(Object y) {
    if (y instanceof Integer i) {
      return i;
    }
    if (y instanceof Array a && a.rank() == 0 && a.dtype().isInteger()) {
      return a.rawInts()[0];
    }
    return null;
  }

  /** Binary exponentiation over the low 6 bits of the exponent (more would overflow anyway). */
  private static Value integerPower(Value base, Value exponent) {
    int[] shape = exponent.shape().dims();
    Value zero = Constants.full(shape, 0, exponent.dtype(), false);
    Value one = Constants.full(shape, 1, exponent.dtype(), false);
    Value zeroToPositive = Lax.and(Lax.eq(base, zero), Lax.ne(exponent, zero));
    Value acc = Lax.selectN(zeroToPositive, one, zero);
    Value b = base;
    Value e = exponent;
    for (int bit = 0; bit < 6; bit++) {
      Value odd = Lax.ne(Lax.and(e, one), zero);
      acc = Lax.selectN(odd, acc, Lax.mul(acc, b));
      b = Lax.mul(b, b);
      e = Lax.shiftRightLogical(e, one);
    }
    return acc;
  }

  static Value maximum(Object x, Object y) {
    Value[] v = Operands.promote("maximum", x, y);
    return Lax.max(v[0], v[1]);
  }

  static Value minimum(Object x, Object y) {
    Value[] v = Operands.promote("minimum", x, y);
    return Lax.min(v[0], v[1]);
  }

  static Value negative(Object x) {
    Value v = Operands.promote("negative", x)[0];
    requireNotBool("negative", v);
    return Lax.neg(v);
  }

  /** Absolute value; bool and unsigned values are returned unchanged. */
  static Value abs(Object x) {
    Value v = ArrayLike.of("abs", x);
    return v.dtype() == DType.BOOL || v.dtype().isUnsigned() ? v : Lax.abs(v);
  }

  static Value sign(Object x) {
    Value v = Operands.promote("sign", x)[0];
    requireNotBool("sign", v);
    return Lax.sign(v);
  }

  /** {@code x * x}; bool becomes int32. */
  static Value square(Object x) {
    Value v = Operands.promoteNumeric("square", x)[0];
    return Lax.mul(v, v);
  }

  /** {@code 1 / x} in floating point (integers become float32). */
  static Value reciprocal(Object x) {
    return Lax.integerPow(Operands.promoteInexact("reciprocal", x)[0], -1);
  }

  private static void requireNotBool(String op, Value v) {
    if (v.dtype() == DType.BOOL) {
      throw new IllegalArgumentException(op + ": not supported for bool operands, got "
          + v.aval().str());
    }
  }
}
