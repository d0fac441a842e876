package dev.flaxj.random;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.GatherDimensionNumbers;
import dev.flaxj.lax.GatherScatterMode;
import dev.flaxj.lax.Lax;

/**
 * {@code permutation} and {@code choice}. Shuffling sorts by fresh random 32-bit keys, repeated
 * for as many rounds as JAX's heuristic asks so that key collisions are unlikely to bias it.
 */
final class Shuffling {
  private Shuffling() {}

  /** JAX's {@code _shuffle}: stable sorts of {@code x} along {@code axis} by random uint32 keys. */
  static Value shuffle(Value key, Value x, int axis) {
    int size = x.shape().size();
    int rounds = (int) Math.ceil(3 * Math.log(Math.max(1, size)) / Math.log(4294967295.0));
    Value k = key;
    Value out = x;
    for (int i = 0; i < rounds; i++) {
      Value[] keys = Threefry.splitInTwo(k);
      k = keys[0];
      Value sortKeys = Threefry.bits(keys[1], out.shape().dims());
      out = Lax.sort(axis, true, 1, sortKeys, out).get(1);
    }
    return out;
  }

  /** {@code permutation} of an array: one shuffled order for all, or each slice independently. */
  static Value permutation(Value key, Value x, int axis, boolean independent) {
    if (independent || x.rank() == 1) {
      return shuffle(key, x, axis);
    }
    Value order = shuffle(key, Lax.iota(DType.INT32, x.shape().dim(axis)), 0);
    return take(x, order, axis);
  }

  /**
   * {@code jnp.take(x, indices, axis)} for in-range integer {@code indices}: the gather that
   * replaces dimension {@code axis} of {@code x} by the dimensions of {@code indices}.
   */
  static Value take(Value x, Value indices, int axis) {
    int rank = x.rank();
    int[] offsetDims = new int[rank - 1];
    for (int d = 0, k = 0; d < rank; d++) {
      if (d != axis) {
        offsetDims[k++] = d < axis ? d : d - 1 + indices.rank();
      }
    }
    int[] sliceSizes = x.shape().dims();
    sliceSizes[axis] = 1;
    Value indexVectors = Lax.expandDims(indices, indices.rank());
    return Lax.gather(x, indexVectors,
        new GatherDimensionNumbers(offsetDims, new int[] {axis}, new int[] {axis}), sliceSizes,
        GatherScatterMode.FILL_OR_DROP, null, false, true);
  }
}
