package dev.flaxj.transform.control;

import dev.flaxj.transform.JaxTypeError;

/**
 * The {@link JaxTypeError} of JAX's control-flow functions: branch outputs or a loop carry whose
 * structure or types do not match, a predicate or index of the wrong shape or dtype.
 */
public class ControlFlowTypeError extends JaxTypeError {
  public ControlFlowTypeError(String message) {
    super(message);
  }
}
