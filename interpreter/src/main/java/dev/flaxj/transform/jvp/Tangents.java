package dev.flaxj.transform.jvp;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import java.util.ArrayList;
import java.util.List;

/**
 * Arithmetic on tangents that may be symbolic {@link Zero}s, as JAX's {@code ad.instantiate_zeros}
 * and {@code add_tangents}: nothing is computed for a Zero until a real array is needed.
 */
public final class Tangents {
  private Tangents() {}

  /** {@code t} itself, or an array of zeros of its type if it is a {@link Zero}. */
  public static Value instantiate(Value t) {
    if (!Zero.is(t)) {
      return t;
    }
    ShapedArray a = t.aval();
    return Fill.full(a.shape().dims(), 0, a.dtype());
  }

  /** Each of {@code ts} instantiated. */
  public static List<Value> instantiate(List<? extends Value> ts) {
    List<Value> out = new ArrayList<>(ts.size());
    for (Value t : ts) {
      out.add(instantiate(t));
    }
    return out;
  }

  /** {@code a + b}, where a Zero adds nothing. */
  public static Value add(Value a, Value b) {
    if (Zero.is(a)) {
      return b;
    }
    if (Zero.is(b)) {
      return a;
    }
    return Lax.add(a, b);
  }

  /** A Zero tangent for each of {@code primals}. */
  public static List<Value> zerosFor(List<? extends Value> primals) {
    List<Value> out = new ArrayList<>(primals.size());
    for (Value p : primals) {
      out.add(Zero.of(p.aval()));
    }
    return out;
  }

  /** True when every one of {@code ts} is a Zero (vacuously for none). */
  public static boolean allZero(List<? extends Value> ts) {
    for (Value t : ts) {
      if (!Zero.is(t)) {
        return false;
      }
    }
    return true;
  }
}
