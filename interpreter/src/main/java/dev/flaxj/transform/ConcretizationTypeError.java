package dev.flaxj.transform;

/**
 * JAX's {@code ConcretizationTypeError}: a traced value was used where a concrete one is needed
 * (a Python bool, an index, a shape). The message names the operation.
 */
public class ConcretizationTypeError extends IllegalStateException {
  public ConcretizationTypeError(String message) {
    super(message);
  }
}
