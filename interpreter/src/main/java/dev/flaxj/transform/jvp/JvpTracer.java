package dev.flaxj.transform.jvp;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.transform.Trace;
import dev.flaxj.transform.Tracer;

/**
 * A value under forward-mode differentiation: a primal and its tangent (possibly a symbolic
 * {@link Zero}), both values of lower levels. It stands for an array of the primal's type.
 */
final class JvpTracer extends Tracer {
  private final JvpTrace trace;
  private final Value primal;
  private final Value tangent;

  JvpTracer(JvpTrace trace, Value primal, Value tangent) {
    this.trace = trace;
    this.primal = primal;
    this.tangent = tangent;
  }

  @Override
  public Trace trace() {
    return trace;
  }

  Value primal() {
    return primal;
  }

  Value tangent() {
    return tangent;
  }

  @Override
  public ShapedArray aval() {
    return primal.aval();
  }

  @Override
  public String toString() {
    return "JvpTracer(" + aval().str() + ", level=" + trace.main().level() + ")";
  }
}
