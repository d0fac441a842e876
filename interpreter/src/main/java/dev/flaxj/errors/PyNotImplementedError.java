package dev.flaxj.errors;

/**
 * Where Flax raises Python's built-in {@code NotImplementedError}: a combination Flax does not
 * support (e.g. {@code concrete=True} of {@code nn.checkpoint}). An {@link
 * UnsupportedOperationException}; the Python layer maps this class to {@code NotImplementedError}.
 * Limitations of flaxj itself (where Flax works) stay plain UnsupportedOperationExceptions.
 */
public class PyNotImplementedError extends UnsupportedOperationException {
  public PyNotImplementedError(String message) {
    super(message);
  }
}
