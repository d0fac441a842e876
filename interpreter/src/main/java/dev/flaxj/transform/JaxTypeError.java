package dev.flaxj.transform;

/**
 * The {@code TypeError} JAX raises for bad input to a transformation: pytree structures or dtypes
 * that do not match (jvp's primals and tangents, a custom rule's outputs, control-flow branches),
 * a non-scalar or integer output given to grad, arguments of the wrong kind. It is an
 * {@link IllegalArgumentException} (bad input to the call); the Python layer raises it as
 * {@code TypeError}. Messages keep JAX's wording.
 */
public class JaxTypeError extends IllegalArgumentException {
  public JaxTypeError(String message) {
    super(message);
  }
}
