package dev.flaxj.lax;

/**
 * How {@code round} breaks ties, as {@code jax.lax.RoundingMethod}; the primitive parameter
 * {@code rounding_method} holds the {@link #code()} (0 or 1), as a jaxpr prints it.
 */
public enum RoundingMethod {
  AWAY_FROM_ZERO,
  TO_NEAREST_EVEN;

  /** The integer JAX uses for this method. */
  public int code() {
    return ordinal();
  }

  /** The method with this JAX code, or an {@link IllegalArgumentException}. */
  public static RoundingMethod fromCode(int code) {
    if (code < 0 || code >= values().length) {
      throw new IllegalArgumentException("round: unknown rounding_method " + code
          + " (0 = AWAY_FROM_ZERO, 1 = TO_NEAREST_EVEN)");
    }
    return values()[code];
  }
}
