package dev.flaxj.numpy;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.RoundingMethod;
import java.util.function.UnaryOperator;

/**
 * Numpy's transcendental and rounding ufuncs. Integer and bool inputs become float32 first
 * (weak inputs stay weak), as {@code jnp} does; rounding functions return integers unchanged.
 */
final class MathFunctions {
  private MathFunctions() {}

  static Value exp(Object x) {
    return inexact("exp", x, Lax::exp);
  }

  static Value log(Object x) {
    return inexact("log", x, Lax::log);
  }

  static Value log1p(Object x) {
    return inexact("log1p", x, Lax::log1p);
  }

  static Value expm1(Object x) {
    return inexact("expm1", x, Lax::expm1);
  }

  static Value tanh(Object x) {
    return inexact("tanh", x, Lax::tanh);
  }

  static Value sqrt(Object x) {
    return inexact("sqrt", x, Lax::sqrt);
  }

  static Value sin(Object x) {
    return inexact("sin", x, Lax::sin);
  }

  static Value cos(Object x) {
    return inexact("cos", x, Lax::cos);
  }

  static Value floor(Object x) {
    return rounding("floor", x, Lax::floor);
  }

  static Value ceil(Object x) {
    return rounding("ceil", x, Lax::ceil);
  }

  /** Round half to even, as {@code jnp.round} with {@code decimals=0}. */
  static Value round(Object x) {
    return rounding("round", x, v -> Lax.round(v, RoundingMethod.TO_NEAREST_EVEN));
  }

  private static Value inexact(String op, Object x, UnaryOperator<Value> f) {
    return f.apply(Operands.promoteInexact(op, x)[0]);
  }

  private static Value rounding(String op, Object x, UnaryOperator<Value> f) {
    Value v = ArrayLike.of(op, x);
    return v.dtype() == DType.BOOL || v.dtype().isInteger() ? v : f.apply(v);
  }
}
