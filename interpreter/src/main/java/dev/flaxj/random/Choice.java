package dev.flaxj.random;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;

/**
 * {@code choice}: draws from {@code arange(n)} or along an axis of an array, with or without
 * replacement, uniformly or with probabilities {@code p}.
 */
final class Choice {
  private Choice() {}

  /**
   * Draws {@code shape} samples. {@code arr} is null for draws from {@code arange(nInputs)};
   * otherwise {@code nInputs} is its size along {@code axis}.
   */
  static Value choice(Value key, Value arr, int nInputs, int[] shape, boolean replace, Value p,
      int axis) {
    int nDraws = Shape.of(shape).size();
    DType dtype = arr == null ? DType.INT32 : arr.dtype();
    if (nDraws == 0) {
      return Ops.full(shape, Lax.convertElementType(Array.of(new int[] {0}), dtype));
    }
    if (nInputs <= 0) {
      throw new IllegalArgumentException(
          "choice: a must be greater than 0 unless no samples are taken");
    }
    if (!replace && nDraws > nInputs) {
      throw new IllegalArgumentException("choice: cannot take a larger sample (size " + nDraws
          + ") than population (size " + nInputs + ") when replace=False");
    }
    Value result;
    if (p == null && replace) {
      Value ind = Integers.randint(key, shape, Array.of(new int[] {0}),
          Array.of(new int[] {nInputs}), DType.INT32);
      result = arr == null ? ind : Shuffling.take(arr, ind, axis);
    } else if (p == null) {
      Value population = arr == null ? Lax.iota(DType.INT32, nInputs) : arr;
      Value perm = Shuffling.permutation(key, population, arr == null ? 0 : axis, false);
      int[] start = new int[perm.rank()];
      int[] limit = perm.shape().dims();
      limit[arr == null ? 0 : axis] = nDraws;
      result = Lax.slice(perm, start, limit);
    } else {
      if (p.rank() != 1 || p.shape().dim(0) != nInputs) {
        throw new IllegalArgumentException("choice: p must be None or a 1D vector with the same"
            + " size as a.shape[axis]; p has shape " + p.shape() + " and a.shape[axis] is "
            + nInputs);
      }
      Value probabilities = Lax.convertElementType(p, DType.FLOAT32);
      Value ind = replace ? weightedIndices(key, probabilities, shape)
          : gumbelTopK(key, probabilities, nDraws);
      result = arr == null ? ind : Shuffling.take(arr, ind, axis);
    }
    int[] outShape = shape;
    if (arr != null) {
      int[] dims = arr.shape().dims();
      outShape = concat(java.util.Arrays.copyOfRange(dims, 0, axis), shape,
          java.util.Arrays.copyOfRange(dims, axis + 1, dims.length));
    }
    return Lax.reshape(result, outShape);
  }

  /**
   * Indices drawn with probabilities proportional to {@code p}: the cumulative sums' left
   * insertion points of {@code total * (1 - u)}, u uniform.
   */
  private static Value weightedIndices(Value key, Value p, int[] shape) {
    Value cumulative = Lax.cumsum(p, 0, false);
    int n = p.shape().dim(0);
    Value total = Ops.full(shape, Lax.reshape(Lax.slice(cumulative, new int[] {n - 1},
        new int[] {n})));
    Value u = Continuous.uniform(key, shape, Ops.f32(0f), Ops.f32(1f));
    Value r = Lax.mul(total, Lax.sub(Ops.full(shape, Ops.f32(1f)), u));
    return searchSortedLeft(cumulative, r);
  }

  /**
   * Draws without replacement with probabilities {@code p}: the Gumbel top-k trick, the indices
   * of the {@code k} largest {@code gumbel + log(p)}.
   */
  private static Value gumbelTopK(Value key, Value p, int k) {
    Value g = Continuous.gumbel(key, p.shape().dims());
    return TopK.indices(Lax.add(g, Lax.log(p)), k);
  }

  /**
   * {@code jnp.searchsorted(sorted, query)} (side "left") by its "compare_all" method: for each
   * query, the number of entries of the 1-D {@code sorted} that are smaller.
   */
  private static Value searchSortedLeft(Value sorted, Value query) {
    int n = sorted.shape().dim(0);
    int[] qDims = query.shape().dims();
    int[] dims = concat(new int[] {n}, qDims, new int[0]);
    int[] rest = new int[qDims.length];
    for (int i = 0; i < rest.length; i++) {
      rest[i] = i + 1;
    }
    Value smaller = Lax.lt(Lax.broadcastInDim(sorted, dims, new int[] {0}),
        Lax.broadcastInDim(query, dims, rest));
    return Lax.reduceSum(Lax.convertElementType(smaller, DType.INT32), 0);
  }

  private static int[] concat(int[] a, int[] b, int[] c) {
    int[] out = new int[a.length + b.length + c.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    System.arraycopy(c, 0, out, a.length + b.length, c.length);
    return out;
  }
}
