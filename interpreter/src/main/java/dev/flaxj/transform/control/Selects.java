package dev.flaxj.transform.control;

import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;

/**
 * Selection by a batched predicate or index whose shape is a prefix of the selected values'
 * shapes (JAX's {@code _bcast_select_n}): it is broadcast along their trailing dimensions.
 */
final class Selects {
  private Selects() {}

  /** {@code select_n(which, *cases)} with {@code which} broadcast to the cases' shape. */
  static Value selectN(Value which, Value... cases) {
    Value w = which;
    if (which.rank() != cases[0].rank()) {
      int[] prefix = new int[which.rank()];
      for (int d = 0; d < prefix.length; d++) {
        prefix[d] = d;
      }
      w = Lax.broadcastInDim(which, cases[0].shape().dims(), prefix);
    }
    return Lax.selectN(w, cases);
  }
}
