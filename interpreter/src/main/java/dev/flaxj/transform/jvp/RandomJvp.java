package dev.flaxj.transform.jvp;

import static dev.flaxj.lax.RandomPrimitives.RANDOM_UNWRAP;
import static dev.flaxj.lax.RandomPrimitives.RANDOM_WRAP;
import static dev.flaxj.lax.RandomPrimitives.THREEFRY2X32;

/** The random-bit primitives take and give integers and keys only: their tangents are zero. */
final class RandomJvp {
  private RandomJvp() {}

  static void register() {
    JvpDefs.zero(THREEFRY2X32);
    JvpDefs.zero(RANDOM_WRAP);
    JvpDefs.zero(RANDOM_UNWRAP);
  }
}
