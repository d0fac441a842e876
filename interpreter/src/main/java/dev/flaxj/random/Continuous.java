package dev.flaxj.random;

import static dev.flaxj.random.Ops.f32;
import static dev.flaxj.random.Ops.full;
import static dev.flaxj.random.Ops.u32;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;

/**
 * The float32 samplers, in JAX's order of operations: {@code uniform} from the top 23 random bits
 * as the mantissa of a float in [1, 2), and the others from {@code uniform}. Keys are single
 * typed keys; shapes and parameters are already checked.
 */
final class Continuous {
  private Continuous() {}

  /** {@code sqrt(2)} rounded to float32, as {@code np.array(np.sqrt(2), float32)}. */
  private static final float SQRT2 = (float) Math.sqrt(2);
  /**
   * {@code 1 / sqrt(2)} in float32. JAX divides by {@code sqrt(2)}, but XLA rewrites a division by
   * a constant into a multiplication by the constant's float32 reciprocal, so JAX's bits are
   * those of the multiplication ({@code -1.5f / 1.4142135f} and {@code -1.5f * 0.70710677f}
   * differ in the last bit).
   */
  private static final float INV_SQRT2 = 1f / SQRT2;
  /** float32 mantissa bits; {@code uniform} shifts the 32 random bits right by 32 - 23. */
  private static final int MANTISSA_BITS = 23;
  private static final int ONE_BITS = Float.floatToIntBits(1f);

  /**
   * {@code uniform}: {@code bits >> 9 | bits(1.0f)} is a float in [1, 2); minus 1, times
   * {@code maxval - minval}, plus {@code minval} (one fused rounding, see
   * {@link Ops#fusedMulAdd}), and at least {@code minval}.
   */
  static Value uniform(Value key, int[] shape, Value minval, Value maxval) {
    Value lo = Ops.broadcastTo("uniform", "minval",
        Lax.convertElementType(minval, DType.FLOAT32), shape);
    Value hi = Ops.broadcastTo("uniform", "maxval",
        Lax.convertElementType(maxval, DType.FLOAT32), shape);
    Value bits = Threefry.bits(key, shape);
    Value mantissa = Lax.shiftRightLogical(bits, full(shape, u32(32 - MANTISSA_BITS)));
    Value oneToTwo = Lax.bitcastConvertType(Lax.or(mantissa, full(shape, u32(ONE_BITS))),
        DType.FLOAT32);
    Value floats = Lax.sub(oneToTwo, full(shape, f32(1f)));
    return Lax.max(lo, Ops.fusedMulAdd(floats, Lax.sub(hi, lo), lo));
  }

  /** {@code normal}: {@code sqrt(2) * erf_inv(u)}, u uniform in [nextafter(-1, 0), 1). */
  static Value normal(Value key, int[] shape) {
    Value u = uniform(key, shape, f32(Math.nextUp(-1f)), f32(1f));
    return Lax.mul(full(shape, f32(SQRT2)), Lax.erfInv(u));
  }

  /**
   * {@code truncated_normal}: {@code sqrt(2) * erf_inv(u)} for u uniform in
   * [erf(lower / sqrt(2)), erf(upper / sqrt(2))), clipped into the open interval
   * (lower, upper).
   */
  static Value truncatedNormal(Value key, Value lower, Value upper, int[] shape) {
    Value lo = Lax.convertElementType(lower, DType.FLOAT32);
    Value hi = Lax.convertElementType(upper, DType.FLOAT32);
    Value a = Lax.erf(Lax.mul(lo, full(lo.shape().dims(), f32(INV_SQRT2))));
    Value b = Lax.erf(Lax.mul(hi, full(hi.shape().dims(), f32(INV_SQRT2))));
    Value u = uniform(key, shape, a, b);
    Value out = Lax.mul(full(shape, f32(SQRT2)), Lax.erfInv(u));
    Value above = Lax.nextafter(lo, full(lo.shape().dims(), f32(Float.POSITIVE_INFINITY)));
    Value below = Lax.nextafter(hi, full(hi.shape().dims(), f32(Float.NEGATIVE_INFINITY)));
    return Ops.clip(out, Ops.broadcastTo("truncated_normal", "lower", above, shape),
        Ops.broadcastTo("truncated_normal", "upper", below, shape));
  }

  /** {@code bernoulli} (mode "low"): {@code uniform(key, shape) < p}. */
  static Value bernoulli(Value key, Value p, int[] shape) {
    Value u = uniform(key, shape, f32(0f), f32(1f));
    return Lax.lt(u, Ops.broadcastTo("bernoulli", "p", p, shape));
  }

  /** {@code gumbel} (mode "low"): {@code -log(-log(u))}, u uniform in [tiny, 1). */
  static Value gumbel(Value key, int[] shape) {
    Value u = uniform(key, shape, f32(Float.MIN_NORMAL), f32(1f));
    return Lax.neg(Lax.log(Lax.neg(Lax.log(u))));
  }
}
