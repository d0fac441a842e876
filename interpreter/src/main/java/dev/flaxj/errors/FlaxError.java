package dev.flaxj.errors;

/**
 * Base of Flax's error classes ({@code flax.errors.FlaxError}): the message ends with a link to the
 * class's entry on Flax's error documentation page, as Flax appends it.
 */
public class FlaxError extends RuntimeException {
  static final String ERROR_PAGE =
      "https://flax.readthedocs.io/en/latest/api_reference/flax.errors.html";

  /** A Flax error raised directly with {@code message}. */
  public FlaxError(String message) {
    super(withLink(message, "flax.errors.FlaxError"));
  }

  /** For subclasses: {@code pythonName} is the class's name in {@code flax.errors}. */
  FlaxError(String message, String pythonName) {
    super(withLink(message, "flax.errors." + pythonName));
  }

  private static String withLink(String message, String qualifiedName) {
    return message.contains(ERROR_PAGE)
        ? message
        : message + " (" + ERROR_PAGE + "#" + qualifiedName + ")";
  }
}
