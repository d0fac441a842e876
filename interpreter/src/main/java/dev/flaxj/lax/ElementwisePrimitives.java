package dev.flaxj.lax;

import dev.flaxj.array.ShapedArray;

/**
 * The elementwise primitives, named as in a jaxpr: arithmetic, math functions, comparisons,
 * bitwise logic, shifts, {@code select_n}, {@code clamp} and the two conversions. Operands agree
 * in shape and (except {@code pow}'s exponent) dtype; nothing broadcasts or promotes here.
 */
public final class ElementwisePrimitives {
  private ElementwisePrimitives() {}

  public static final Primitive ADD = new BinaryPrimitive("add", DTypeSet.NUMBER);
  public static final Primitive SUB = new BinaryPrimitive("sub", DTypeSet.NUMBER);
  public static final Primitive MUL = new BinaryPrimitive("mul", DTypeSet.NUMBER);
  /** Integer division truncates toward zero; {@code x / 0} is all ones (-1, or 2^32-1 unsigned). */
  public static final Primitive DIV = new BinaryPrimitive("div", DTypeSet.NUMBER);
  /** The remainder with the dividend's sign (C's {@code %}); for integers {@code x % 0 == x}. */
  public static final Primitive REM = new BinaryPrimitive("rem", DTypeSet.NUMBER);
  public static final Primitive POW = new PowPrimitive();
  /** Floating max and min propagate NaN. */
  public static final Primitive MAX = new BinaryPrimitive("max", DTypeSet.ANY);
  public static final Primitive MIN = new BinaryPrimitive("min", DTypeSet.ANY);
  public static final Primitive NEXTAFTER = new BinaryPrimitive("nextafter", DTypeSet.FLOATING);

  public static final Primitive NEG = new UnaryPrimitive("neg", DTypeSet.NUMBER);
  public static final Primitive ABS = new UnaryPrimitive("abs", DTypeSet.SIGNED_OR_FLOATING);
  public static final Primitive SIGN = new UnaryPrimitive("sign", DTypeSet.NUMBER);
  public static final Primitive FLOOR = new UnaryPrimitive("floor", DTypeSet.FLOATING);
  public static final Primitive CEIL = new UnaryPrimitive("ceil", DTypeSet.FLOATING);
  /** Parameter {@code rounding_method}: a {@link RoundingMethod#code()}. */
  public static final Primitive ROUND =
      new UnaryPrimitive("round", DTypeSet.FLOATING, ElementwisePrimitives::checkRound);
  public static final Primitive EXP = new UnaryPrimitive("exp", DTypeSet.FLOATING);
  public static final Primitive LOG = new UnaryPrimitive("log", DTypeSet.FLOATING);
  public static final Primitive LOG1P = new UnaryPrimitive("log1p", DTypeSet.FLOATING);
  public static final Primitive EXPM1 = new UnaryPrimitive("expm1", DTypeSet.FLOATING);
  public static final Primitive TANH = new UnaryPrimitive("tanh", DTypeSet.FLOATING);
  public static final Primitive LOGISTIC = new UnaryPrimitive("logistic", DTypeSet.FLOATING);
  public static final Primitive SQRT = new UnaryPrimitive("sqrt", DTypeSet.FLOATING);
  public static final Primitive RSQRT = new UnaryPrimitive("rsqrt", DTypeSet.FLOATING);
  public static final Primitive SIN = new UnaryPrimitive("sin", DTypeSet.FLOATING);
  public static final Primitive COS = new UnaryPrimitive("cos", DTypeSet.FLOATING);
  public static final Primitive ERF = new UnaryPrimitive("erf", DTypeSet.FLOATING);
  public static final Primitive ERF_INV = new UnaryPrimitive("erf_inv", DTypeSet.FLOATING);
  /** Parameter {@code y}: the integer exponent (negative only for floating operands). */
  public static final Primitive INTEGER_POW =
      new UnaryPrimitive("integer_pow", DTypeSet.NUMBER, ElementwisePrimitives::checkIntegerPow);

  public static final Primitive EQ = new ComparisonPrimitive("eq", DTypeSet.ANY_OR_KEY);
  public static final Primitive NE = new ComparisonPrimitive("ne", DTypeSet.ANY_OR_KEY);
  public static final Primitive LT = new ComparisonPrimitive("lt", DTypeSet.ANY);
  public static final Primitive LE = new ComparisonPrimitive("le", DTypeSet.ANY);
  public static final Primitive GT = new ComparisonPrimitive("gt", DTypeSet.ANY);
  public static final Primitive GE = new ComparisonPrimitive("ge", DTypeSet.ANY);

  public static final Primitive AND = new BinaryPrimitive("and", DTypeSet.BOOL_OR_INTEGER);
  public static final Primitive OR = new BinaryPrimitive("or", DTypeSet.BOOL_OR_INTEGER);
  public static final Primitive XOR = new BinaryPrimitive("xor", DTypeSet.BOOL_OR_INTEGER);
  public static final Primitive NOT = new UnaryPrimitive("not", DTypeSet.BOOL_OR_INTEGER);
  /** Shift amounts are read unsigned; 32 or more shift all bits out (leaving 0 or the sign). */
  public static final Primitive SHIFT_LEFT = new BinaryPrimitive("shift_left", DTypeSet.INTEGER);
  public static final Primitive SHIFT_RIGHT_LOGICAL =
      new BinaryPrimitive("shift_right_logical", DTypeSet.INTEGER);
  public static final Primitive SHIFT_RIGHT_ARITHMETIC =
      new BinaryPrimitive("shift_right_arithmetic", DTypeSet.INTEGER);

  /** Operands {@code which, *cases}; out-of-range integer selectors take the nearest case. */
  public static final Primitive SELECT_N = new SelectNPrimitive();
  /** Operands {@code min, x, max}. */
  public static final Primitive CLAMP = new ClampPrimitive();
  /** Parameters {@code new_dtype} (a {@link dev.flaxj.array.DType}) and {@code weak_type}. */
  public static final Primitive CONVERT_ELEMENT_TYPE = new ConvertElementTypePrimitive();
  /** Parameter {@code new_dtype}. */
  public static final Primitive BITCAST_CONVERT_TYPE = new BitcastConvertTypePrimitive();

  private static void checkRound(Primitive self, ShapedArray x, Params params) {
    int code = params.getInt("rounding_method");
    if (code != 0 && code != 1) {
      throw self.error("unknown rounding_method " + code + " for " + x.str()
          + " (0 = AWAY_FROM_ZERO, 1 = TO_NEAREST_EVEN)");
    }
  }

  private static void checkIntegerPow(Primitive self, ShapedArray x, Params params) {
    int y = params.getInt("y");
    if (y < 0 && x.dtype().isInteger()) {
      throw self.error("integers cannot be raised to negative powers, got integer_pow("
          + x.str() + ", " + y + ")");
    }
  }
}
