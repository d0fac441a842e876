package dev.flaxj.errors;

/**
 * Where Flax or JAX raise Python's built-in {@code TypeError} (no {@code flax.errors} class): an
 * argument of the wrong kind or a missing one. An {@link IllegalArgumentException}, so Java callers
 * may catch either; the Python layer maps this class to {@code TypeError} (a plain
 * IllegalArgumentException becomes {@code ValueError} there).
 */
public class PyTypeError extends IllegalArgumentException {
  public PyTypeError(String message) {
    super(message);
  }
}
