package dev.flaxj.accelerator.nd4j;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Compares a result computed on ND4J with the same program's result on the reference backend:
 * structure (lists, tuples, maps and their keys), dtype, shape and weak type exactly; integer,
 * uint32, key and bool elements exactly; float elements within {@link #RELATIVE} relative.
 *
 * <p>A float passes when {@code |nd4j - ref| <= 1e-5 * max(|ref|, scale)}, where {@code scale}
 * is the largest magnitude in the reference array (with scale >= 1e-30): BLAS gemm and ND4J's
 * reductions sum in another order than the reference (which follows XLA's), and the rounding error
 * of a sum is relative to the size of its terms, not of the sum, so an element that cancels to
 * nearly zero is judged relative to its array (the norm-wise criterion of BLAS error analysis).
 */
public final class Agreement {
  public static final double RELATIVE = 1e-5;

  private final List<String> mismatches = new ArrayList<>();
  private long floats;
  private long exactFloats;
  private double maxRelative;
  private String firstInexact = "none";

  /** Compares two results (arrays, lists, tuples, maps, null). */
  public static Agreement of(Object nd4j, Object reference) {
    Agreement a = new Agreement();
    a.compare("", nd4j, reference);
    return a;
  }

  public boolean ok() {
    return mismatches.isEmpty();
  }

  public long floats() {
    return floats;
  }

  /** Floats that were bit-identical (NaN counting as equal to NaN; 0.0 and -0.0 differ here). */
  public long exactFloats() {
    return exactFloats;
  }

  /** The largest {@code |nd4j - ref| / max(|ref|, scale)} seen (finite values only). */
  public double maxRelative() {
    return maxRelative;
  }

  /** Where the first float that was not bit-identical is, and its two values. */
  public String firstInexact() {
    return firstInexact;
  }

  public String report() {
    int shown = Math.min(8, mismatches.size());
    return mismatches.size() + " mismatch(es): " + String.join("; ", mismatches.subList(0, shown))
        + (shown < mismatches.size() ? "; ..." : "");
  }

  private void compare(String where, Object x, Object ref) {
    if (ref == null || x == null) {
      if (x != ref) {
        mismatches.add(where + ": " + x + " vs reference " + ref);
      }
    } else if (ref instanceof Array) {
      if (!(x instanceof Array)) {
        mismatches.add(where + ": " + x.getClass().getSimpleName() + " vs reference array");
      } else {
        compareArrays(where, (Array) x, (Array) ref);
      }
    } else if (ref instanceof Map) {
      Map<?, ?> r = (Map<?, ?>) ref;
      if (!(x instanceof Map) || !new ArrayList<>(((Map<?, ?>) x).keySet()).equals(new ArrayList<>(r.keySet()))) {
        mismatches.add(where + ": keys " + (x instanceof Map ? ((Map<?, ?>) x).keySet() : x)
            + " vs reference " + r.keySet());
        return;
      }
      for (Map.Entry<?, ?> e : r.entrySet()) {
        compare(where + "/" + e.getKey(), ((Map<?, ?>) x).get(e.getKey()), e.getValue());
      }
    } else if (items(ref) != null) {
      List<?> r = items(ref);
      List<?> a = items(x);
      if (a == null || a.size() != r.size() || x.getClass() != ref.getClass()) {
        mismatches.add(where + ": " + x + " vs reference " + ref);
        return;
      }
      for (int i = 0; i < r.size(); i++) {
        compare(where + "[" + i + "]", a.get(i), r.get(i));
      }
    } else if (!x.equals(ref)) {
      mismatches.add(where + ": " + x + " vs reference " + ref);
    }
  }

  private static List<?> items(Object o) {
    if (o instanceof List) {
      return (List<?>) o;
    }
    if (o instanceof Tuple) {
      return ((Tuple) o).items();
    }
    if (o instanceof Object[]) {
      return Arrays.asList((Object[]) o);
    }
    return null;
  }

  private void compareArrays(String where, Array x, Array ref) {
    if (!x.aval().equals(ref.aval())) {
      mismatches.add(where + ": " + x.aval().str() + " vs reference " + ref.aval().str());
      return;
    }
    DType d = ref.dtype();
    if (!d.isFloating()) {
      if (!Arrays.deepEquals(new Object[] {x.rawStorage()}, new Object[] {ref.rawStorage()})) {
        mismatches.add(where + ": " + x + " vs reference " + ref);
      }
      return;
    }
    double scale = 1e-30;
    for (int i = 0; i < ref.size(); i++) {
      double v = Math.abs(ref.getDouble(i));
      if (Double.isFinite(v)) {
        scale = Math.max(scale, v);
      }
    }
    for (int i = 0; i < ref.size(); i++) {
      floats++;
      double a = x.getDouble(i);
      double r = ref.getDouble(i);
      if (Double.compare(a, r) == 0) {
        exactFloats++;
        continue;
      }
      if (floats - exactFloats == 1) {
        firstInexact = where + "[" + i + "]: " + a + " vs reference " + r;
      }
      if (a == r) {
        continue;
      }
      if (Double.isNaN(a) || Double.isNaN(r) || Double.isInfinite(a) || Double.isInfinite(r)) {
        mismatches.add(where + "[" + i + "]: " + a + " vs reference " + r);
        continue;
      }
      double rel = Math.abs(a - r) / Math.max(Math.abs(r), scale);
      maxRelative = Math.max(maxRelative, rel);
      if (rel > RELATIVE) {
        mismatches.add(where + "[" + i + "]: " + a + " vs reference " + r + " (relative " + rel + ")");
      }
    }
  }
}
