package dev.flaxj.python.conformance;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two encoded arrays: dtype, shape, weak type and numpy-ness exactly; typed keys by
 * their key data; then the values, floating-point ones within {@link Tolerance} (decoded from the
 * exact IEEE bits), integers and booleans exactly. Arrays the recorder summarised (more than 2048
 * elements) are compared by their summary: head, min and max within tolerance, the sum within the
 * tolerance of a sum of that many values, and for integer and boolean arrays the sha256 exactly.
 */
final class ArrayValues {
  private ArrayValues() {}

  static void compare(String path, Map<String, Object> e, Map<String, Object> a, Tolerance t) {
    if (e.containsKey("key_data") || a.containsKey("key_data")) {
      if (!Objects.equals(e.get("dtype"), a.get("dtype")) || !Objects.equals(e.get("shape"), a.get("shape"))
          || !a.containsKey("key_data")) {
        t.mismatch(path + ": " + Comparison.describe(a) + " " + a.get("dtype") + ", expected "
            + Comparison.describe(e) + " " + e.get("dtype"));
        return;
      }
      compare(path + ".key_data", Json.object(e.get("key_data")), Json.object(a.get("key_data")), t);
      return;
    }
    for (String field : List.of("dtype", "shape", "weak_type", "numpy")) {
      if (!Objects.equals(e.get(field), a.get(field))) {
        t.mismatch(path + ": " + field + " " + a.get(field) + ", expected " + e.get(field));
        return;
      }
    }
    if (e.containsKey("sha256") != a.containsKey("sha256")) {
      t.mismatch(path + ": summarised " + a.containsKey("sha256") + ", expected " + e.containsKey("sha256"));
    } else if (e.containsKey("sha256")) {
      summaries(path, e, a, t);
    } else {
      values(path, e, a, t);
    }
  }

  private static void values(String path, Map<String, Object> e, Map<String, Object> a, Tolerance t) {
    String dtype = (String) e.get("dtype");
    boolean floating = e.containsKey("bits");
    List<Object> ev = Json.array(floating ? e.get("bits") : e.get("data"));
    List<Object> av = Json.array(floating ? a.get("bits") : a.get("data"));
    if (av == null || ev.size() != av.size()) {
      t.mismatch(path + ": " + (av == null ? "no" : av.size()) + " values, expected " + ev.size());
      return;
    }
    int bad = 0;
    int first = -1;
    for (int i = 0; i < ev.size(); i++) {
      boolean same = floating
          ? t.close(fromBits(dtype, (String) ev.get(i)), fromBits(dtype, (String) av.get(i)))
          : Objects.equals(ev.get(i), av.get(i));
      if (!same) {
        bad++;
        first = first < 0 ? i : first;
      }
    }
    if (bad > 0) {
      Object shownE = floating ? fromBits(dtype, (String) ev.get(first)) : ev.get(first);
      Object shownA = floating ? fromBits(dtype, (String) av.get(first)) : av.get(first);
      t.mismatch(path + ": " + bad + " of " + ev.size() + " values differ, first at flat index " + first
          + ": " + shownA + ", expected " + shownE);
    }
  }

  private static void summaries(String path, Map<String, Object> e, Map<String, Object> a, Tolerance t) {
    boolean floating = !isIntegral((String) e.get("dtype"));
    if (!floating) {
      if (!e.get("sha256").equals(a.get("sha256"))) {
        t.mismatch(path + ": sha256 of the values differs (min " + a.get("min") + ", max " + a.get("max")
            + ", sum " + a.get("sum") + "; expected " + e.get("min") + ", " + e.get("max") + ", " + e.get("sum") + ")");
      }
      return;
    }
    List<Object> eh = Json.array(e.get("head"));
    List<Object> ah = Json.array(a.get("head"));
    for (int i = 0; i < eh.size(); i++) {
      if (i >= ah.size() || !t.close(number(eh.get(i)), number(ah.get(i)))) {
        t.mismatch(path + ": head value " + i + " " + (i < ah.size() ? ah.get(i) : "missing") + ", expected " + eh.get(i));
        return;
      }
    }
    for (String stat : List.of("min", "max")) {
      if (!t.close(number(e.get(stat)), number(a.get(stat)))) {
        t.mismatch(path + ": " + stat + " " + a.get(stat) + ", expected " + e.get(stat));
        return;
      }
    }
    long n = 1;
    for (Object d : Json.array(e.get("shape"))) {
      n *= ((Number) d).longValue();
    }
    double bound = Math.max(Math.abs(number(e.get("min"))), Math.abs(number(e.get("max"))));
    double es = number(e.get("sum"));
    double as = number(a.get("sum"));
    boolean sumClose = Double.isNaN(es) ? Double.isNaN(as)
        : Double.isInfinite(es) ? es == as
        : Math.abs(as - es) <= n * Math.max(Tolerance.ATOL, Tolerance.RTOL * bound);
    if (!sumClose) {
      t.mismatch(path + ": sum " + as + ", expected " + es);
    }
  }

  private static boolean isIntegral(String dtype) {
    return dtype.equals("bool") || dtype.startsWith("int") || dtype.startsWith("uint");
  }

  /** A number from the encoding: a JSON number or "nan", "inf", "-inf". */
  static double number(Object v) {
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    switch (String.valueOf(v)) {
      case "nan": return Double.NaN;
      case "inf": return Double.POSITIVE_INFINITY;
      case "-inf": return Double.NEGATIVE_INFINITY;
      default: throw new IllegalArgumentException("not a number: " + v);
    }
  }

  /** The value of IEEE bits "0x..." in the array's own float format. */
  static double fromBits(String dtype, String hex) {
    long bits = Long.parseUnsignedLong(hex.substring(2), 16);
    switch (dtype) {
      case "float32": return Float.intBitsToFloat((int) bits);
      case "float64": return Double.longBitsToDouble(bits);
      case "bfloat16": return Float.intBitsToFloat((int) bits << 16);
      case "float16": return halfToDouble((int) bits);
      default: throw new IllegalArgumentException("no float format for " + dtype);
    }
  }

  private static double halfToDouble(int h) {
    int sign = (h >> 15) & 1;
    int exp = (h >> 10) & 0x1f;
    int mant = h & 0x3ff;
    double magnitude = exp == 0 ? mant * Math.pow(2, -24)
        : exp == 31 ? (mant == 0 ? Double.POSITIVE_INFINITY : Double.NaN)
        : (1 + mant / 1024.0) * Math.pow(2, exp - 15);
    return sign == 1 ? -magnitude : magnitude;
  }
}
