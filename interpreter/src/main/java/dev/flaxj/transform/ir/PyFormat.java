package dev.flaxj.transform.ir;

import dev.flaxj.array.Array;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.StringJoiner;

/** Python's {@code str} of the values a jaxpr prints: literals and primitive parameters. */
final class PyFormat {
  private PyFormat() {}

  /** A scalar literal's value as JAX prints it ({@code 2.0}, {@code 3}, {@code True}, {@code inf}). */
  static String literal(Array value) {
    if (value.rank() != 0) {
      return "[...]";
    }
    switch (value.dtype()) {
      case BOOL: return value.rawBools()[0] ? "True" : "False";
      case INT32: return Integer.toString(value.rawInts()[0]);
      case UINT32: return Long.toString(Integer.toUnsignedLong(value.rawInts()[0]));
      case FLOAT32: return floatRepr(value.rawFloats()[0], true);
      case FLOAT64: return floatRepr(value.rawDoubles()[0], false);
      default: return "[...]";
    }
  }

  /** {@code str(v)} of a parameter value: tuples for Java int arrays, None for null. */
  static String param(Object v) {
    if (v == null) {
      return "None";
    }
    if (v instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (v instanceof Double d) {
      return floatRepr(d, false);
    }
    if (v instanceof Float f) {
      return floatRepr(f, true);
    }
    if (v instanceof int[] ints) {
      StringJoiner out = tupleJoiner(ints.length);
      for (int i : ints) {
        out.add(Integer.toString(i));
      }
      return out.toString();
    }
    if (v instanceof Object[] items) {
      return tuple(List.of(items));
    }
    if (v instanceof int[][] rows) {
      StringJoiner out = tupleJoiner(rows.length);
      for (int[] row : rows) {
        out.add(param(row));
      }
      return out.toString();
    }
    if (v instanceof List<?> items) {
      StringJoiner out = new StringJoiner(", ", "[", "]");
      items.forEach(item -> out.add(repr(item)));
      return out.toString();
    }
    return v.toString();
  }

  private static String tuple(List<?> items) {
    StringJoiner out = tupleJoiner(items.size());
    items.forEach(item -> out.add(repr(item)));
    return out.toString();
  }

  private static StringJoiner tupleJoiner(int size) {
    return new StringJoiner(", ", "(", size == 1 ? ",)" : ")");
  }

  /** Python's {@code repr}: as {@link #param} but strings quoted. */
  private static String repr(Object v) {
    return v instanceof String s ? "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'" : param(v);
  }

  /**
   * Python's {@code repr} of a float: the shortest digits that read back as the same value (as a
   * float32 if {@code single}), in positional notation for decimal exponents -4 to 15 and as
   * {@code 1e-05}/{@code 1.5e+20} otherwise.
   */
  static String floatRepr(double v, boolean single) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return (1 / v < 0) ? "-0.0" : "0.0";
    }
    BigDecimal shortest = shortest(v, single);
    String digits = shortest.unscaledValue().abs().toString().replaceAll("0+$", "");
    int exponent = shortest.precision() - shortest.scale() - 1;
    String sign = v < 0 ? "-" : "";
    if (exponent < -4 || exponent >= 16) {
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String exp = String.format("%02d", Math.abs(exponent));
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }
    if (exponent < 0) {
      return sign + "0." + "0".repeat(-exponent - 1) + digits;
    }
    if (digits.length() <= exponent + 1) {
      return sign + digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
    }
    return sign + digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
  }

  private static BigDecimal shortest(double v, boolean single) {
    BigDecimal exact = single ? new BigDecimal((float) v) : new BigDecimal(v);
    for (int precision = 1; ; precision++) {
      BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      boolean same = single ? candidate.floatValue() == (float) v : candidate.doubleValue() == v;
      if (same) {
        return candidate;
      }
    }
  }

  /** JAX's short form of an aval in a jaxpr, {@code f32[2,3]}: weak types are not shown. */
  static String aval(dev.flaxj.array.ShapedArray aval) {
    return aval.withDType(aval.dtype(), false).str();
  }
}
