package dev.flaxj.transform.jvp;

import static dev.flaxj.lax.CollectivePrimitives.ALL_GATHER;
import static dev.flaxj.lax.CollectivePrimitives.AXIS_INDEX;
import static dev.flaxj.lax.CollectivePrimitives.PSUM;

/**
 * Forward-mode rules of the collectives, as JAX's: {@code psum} and {@code all_gather} are
 * linear, {@code axis_index} is an integer. {@code pmax} and {@code pmin} have no rule in JAX
 * ("Differentiation rule for 'pmax' not implemented"), nor here.
 */
final class CollectiveJvp {
  private CollectiveJvp() {}

  static void register() {
    JvpDefs.linear(PSUM);
    JvpDefs.linear(ALL_GATHER);
    JvpDefs.zero(AXIS_INDEX);
  }
}
