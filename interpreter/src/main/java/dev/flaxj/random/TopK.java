package dev.flaxj.random;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;

/**
 * The indices of {@code lax.top_k}, which flaxj has no primitive for, composed as its CHLO
 * decomposition computes it: a stable sort of (values, iota) along the last axis in descending
 * order of the values (here: ascending order of their negation), keeping the first {@code k}.
 * Equal values keep their index order, as in {@code top_k}.
 */
final class TopK {
  private TopK() {}

  /** The int32 indices of the {@code k} largest values along the last axis of float {@code x}. */
  static Value indices(Value x, int k) {
    int last = x.rank() - 1;
    int[] dims = x.shape().dims();
    Value order = Lax.sort(last, true, 1, Lax.neg(x), Lax.iota(DType.INT32, dims, last)).get(1);
    int[] start = new int[dims.length];
    int[] limit = dims.clone();
    limit[last] = k;
    return Lax.slice(order, start, limit);
  }
}
