package dev.flaxj.transform.staging;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.transform.Trace;
import dev.flaxj.transform.Tracer;
import dev.flaxj.transform.ir.Atom;

/**
 * A value while a function is staged to a jaxpr (JAX's {@code DynamicJaxprTracer}): it stands for
 * the jaxpr atom that will hold it, a variable or a literal.
 */
final class StagingTracer extends Tracer {
  private final StagingTrace trace;
  private final Atom atom;

  StagingTracer(StagingTrace trace, Atom atom) {
    this.trace = trace;
    this.atom = atom;
  }

  @Override
  public Trace trace() {
    return trace;
  }

  @Override
  public ShapedArray aval() {
    return atom.aval();
  }

  Atom atom() {
    return atom;
  }

  @Override
  public String toString() {
    return "Traced<" + aval().dtype().jaxName() + aval().shape() + ">with<DynamicJaxprTrace>";
  }
}
