package dev.flaxj.random;

import static dev.flaxj.random.Ops.full;
import static dev.flaxj.random.Ops.u32;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;

/**
 * {@code randint}, as JAX computes it: two 32-bit random words per element (from the two halves
 * of {@code split(key)}) reduced modulo the span {@code maxval - minval} with
 * {@code (hi * 2^32 + lo) mod span}, in uint32 arithmetic.
 */
final class Integers {
  private Integers() {}

  static Value randint(Value key, int[] shape, Value minval, Value maxval, DType dtype) {
    Value min = Ops.broadcastTo("randint", "minval", integral(minval), shape);
    Value max = Ops.broadcastTo("randint", "maxval", integral(maxval), shape);
    Value maxOutOfRange = Lax.gt(max, full(shape, convertAndClip(maxOf(dtype), max.dtype())));
    min = convertAndClip(min, dtype);
    max = convertAndClip(max, dtype);

    Value[] keys = Threefry.splitInTwo(key);
    Value higherBits = Threefry.bits(keys[0], shape);
    Value lowerBits = Threefry.bits(keys[1], shape);

    Value one = full(shape, u32(1));
    Value span = Lax.convertElementType(Lax.sub(max, min), DType.UINT32);
    // An empty or inverted range gives minval (span 1).
    span = Ops.select(Lax.le(max, min), one, span);
    // A maxval beyond the dtype's range means the range includes the dtype's maximum.
    span = Ops.select(Lax.and(maxOutOfRange, Lax.gt(max, min)), Lax.add(span, one), span);

    // (higher * 2^32 + lower) mod span, with 2^32 mod span computed as (2^16 mod span)^2 mod span.
    Value multiplier = Lax.rem(full(shape, u32(1 << 16)), span);
    multiplier = Lax.rem(Lax.mul(multiplier, multiplier), span);
    Value offset = Lax.add(Lax.mul(Lax.rem(higherBits, span), multiplier),
        Lax.rem(lowerBits, span));
    offset = Lax.rem(offset, span);
    return Lax.add(min, Lax.convertElementType(offset, dtype));
  }

  /** Bounds as integers: floats are converted to int32, as {@code astype(int)} does. */
  private static Value integral(Value bound) {
    return bound.dtype().isInteger() ? bound : Lax.convertElementType(bound, DType.INT32);
  }

  /** {@code iinfo(dtype).max} as a scalar of {@code dtype}. */
  private static Array maxOf(DType dtype) {
    return constant(dtype == DType.UINT32 ? -1 : Integer.MAX_VALUE, dtype);
  }

  /** A scalar of an integer dtype from its bit pattern. */
  private static Array constant(int bits, DType dtype) {
    return Array.ofWords(dtype, new int[] {bits});
  }

  /**
   * {@code _convert_and_clip_integer}: clips {@code x} to the values both its dtype and
   * {@code dtype} can hold, then converts, so that out-of-range values saturate instead of wrap.
   */
  private static Value convertAndClip(Value x, DType dtype) {
    boolean unsignedInvolved = x.dtype() == DType.UINT32 || dtype == DType.UINT32;
    boolean signedInvolved = x.dtype() == DType.INT32 || dtype == DType.INT32;
    // min: max of the two minimums; max: min of the two maximums (int32 ∩ uint32 = [0, 2^31-1]).
    int lowest = unsignedInvolved ? 0 : Integer.MIN_VALUE;
    int highest = signedInvolved ? Integer.MAX_VALUE : -1;
    int[] dims = x.shape().dims();
    Value lo = full(dims, constant(lowest, x.dtype()));
    Value hi = full(dims, constant(highest, x.dtype()));
    return Lax.convertElementType(Ops.clip(x, lo, hi), dtype);
  }
}
