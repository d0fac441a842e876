package dev.flaxj.transform.jvp;

import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;

/**
 * A tangent (or cotangent) known to be zero, carried symbolically, as JAX's {@code ad.Zero}:
 * nothing is computed for it. The tangent of an integer or boolean value is always a Zero (JAX's
 * float0). {@link #aval()} is the aval of the tangent it stands for.
 */
public final class Zero implements Value {
  private final ShapedArray aval;

  private Zero(ShapedArray aval) {
    this.aval = aval;
  }

  /** The zero tangent for a primal of this aval (weak type dropped, as tangents are not weak). */
  public static Zero of(ShapedArray primalAval) {
    return new Zero(new ShapedArray(primalAval.shape(), primalAval.dtype(), false));
  }

  public static boolean is(Value v) {
    return v instanceof Zero;
  }

  /** True for dtypes whose tangents are always zero (integers, bool, keys). */
  public static boolean isNonDifferentiable(DType d) {
    return !d.isFloating();
  }

  @Override
  public ShapedArray aval() {
    return aval;
  }

  @Override
  public String toString() {
    return "Zero(" + aval.str() + ")";
  }
}
