package dev.flaxj.errors;

/**
 * Where Flax raises Python's built-in {@code ValueError} (no {@code flax.errors} class): a bad value
 * of the right type, e.g. inconsistent batch axis sizes or unmapped output variables of a lifted
 * transform. An {@link IllegalArgumentException}, so Java callers may catch either; the Python layer
 * maps this class to {@code ValueError}.
 */
public class PyValueError extends IllegalArgumentException {
  public PyValueError(String message) {
    super(message);
  }
}
