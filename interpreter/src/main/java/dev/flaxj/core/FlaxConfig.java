package dev.flaxj.core;

/**
 * Flax's configuration flags that the core honours ({@code flax/configurations.py}). Process-wide,
 * as in Flax; initialised from the system property of the same name.
 */
public final class FlaxConfig {
  private static volatile boolean fixRngSeparator = Boolean.getBoolean("flax_fix_rng_separator");

  private FlaxConfig() {}

  /** {@code flax_fix_rng_separator}: a zero byte before each RNG path item (default false). */
  public static boolean fixRngSeparator() {
    return fixRngSeparator;
  }

  public static void setFixRngSeparator(boolean value) {
    fixRngSeparator = value;
  }
}
