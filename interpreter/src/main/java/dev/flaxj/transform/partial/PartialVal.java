package dev.flaxj.transform.partial;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;

/**
 * A value under partial evaluation, as JAX's {@code PartialVal}: either known (a value, which may
 * itself be a tracer of a lower transformation) or unknown (only its aval; it will be computed
 * later by a staged program).
 *
 * @param value the known value, or null when unknown
 */
public record PartialVal(ShapedArray aval, Value value) {
  public static PartialVal known(Value value) {
    return new PartialVal(value.aval(), value);
  }

  public static PartialVal unknown(ShapedArray aval) {
    return new PartialVal(aval, null);
  }

  public boolean isKnown() {
    return value != null;
  }
}
