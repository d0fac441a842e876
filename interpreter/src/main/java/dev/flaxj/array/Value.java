package dev.flaxj.array;

/**
 * What primitives consume and produce: a concrete {@link Array}, or (under a transformation) a
 * tracer standing for one. Every value knows its abstract value.
 */
public interface Value {
  ShapedArray aval();

  default Shape shape() {
    return aval().shape();
  }

  default DType dtype() {
    return aval().dtype();
  }

  default int rank() {
    return aval().rank();
  }
}
