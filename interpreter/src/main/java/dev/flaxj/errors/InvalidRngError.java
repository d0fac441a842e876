package dev.flaxj.errors;

/** A PRNG stream is missing or an rngs argument is not a key or a map of keys; the message says which. */
public final class InvalidRngError extends FlaxError {
  public InvalidRngError(String message) {
    super(message, "InvalidRngError");
  }
}
