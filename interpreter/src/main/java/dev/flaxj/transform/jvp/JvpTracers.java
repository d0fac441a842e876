package dev.flaxj.transform.jvp;

import dev.flaxj.array.Value;

/**
 * The parts of a value under forward-mode differentiation, for code outside the transformation
 * that shows a tracer as JAX prints it ({@code JVPTracer(primal=..., tangent=...)}).
 */
public final class JvpTracers {
  private JvpTracers() {}

  /** Whether {@code v} is a value under {@code jvp} (or the JVP inside grad, vjp, linearize). */
  public static boolean is(Value v) {
    return v instanceof JvpTracer;
  }

  /** The primal of a value under {@code jvp}. */
  public static Value primal(Value v) {
    return ((JvpTracer) v).primal();
  }

  /** The tangent of a value under {@code jvp} (a symbolic {@link Zero} as zeros). */
  public static Value tangent(Value v) {
    return Tangents.instantiate(((JvpTracer) v).tangent());
  }
}
