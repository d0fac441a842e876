package dev.flaxj.transform.control;

/**
 * The {@code TypeError} JAX raises from its control-flow functions: branch outputs or a loop carry
 * whose structure or types do not match, a predicate or index of the wrong shape or dtype. It is
 * an {@link IllegalArgumentException} (bad input to the call); the Python layer maps it back to
 * {@code TypeError}. Messages keep JAX's wording.
 */
public class ControlFlowTypeError extends IllegalArgumentException {
  public ControlFlowTypeError(String message) {
    super(message);
  }
}
