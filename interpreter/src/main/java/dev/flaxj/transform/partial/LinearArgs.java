package dev.flaxj.transform.partial;

import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Primitive;
import dev.flaxj.transform.jvp.Tangents;
import dev.flaxj.transform.jvp.Zero;
import java.util.Arrays;
import java.util.List;

/** Reading the arguments of a transpose rule: linear ({@link UndefinedPrimal}) or known values. */
final class LinearArgs {
  private LinearArgs() {}

  static boolean isLinear(Object arg) {
    return arg instanceof UndefinedPrimal;
  }

  /** The aval of an argument, linear or known. */
  static ShapedArray aval(Object arg) {
    return arg instanceof UndefinedPrimal ? ((UndefinedPrimal) arg).aval() : ((Value) arg).aval();
  }

  /** A known argument; a linear one here means the primitive was used non-linearly. */
  static Value known(Primitive p, Object arg, String role) {
    if (arg instanceof UndefinedPrimal) {
      throw new IllegalStateException("transpose of " + p.name() + ": its " + role
          + " must be a known value, but it is linear (" + ((UndefinedPrimal) arg).aval().str()
          + "); the function is not linear in its tangents");
    }
    return (Value) arg;
  }

  /** A result list of {@code n} nulls (no cotangent for known inputs), to be filled in. */
  static Value[] none(int n) {
    return new Value[n];
  }

  static List<Value> list(Value... cts) {
    return Arrays.asList(cts);
  }

  /** Zeros of {@code aval}'s shape and dtype (a broadcast scalar, as JAX's {@code lax.full}). */
  static Value zeros(ShapedArray aval) {
    return Tangents.instantiate(Zero.of(aval));
  }

  /** A scalar zero of {@code dtype}. */
  static Value zero(DType dtype) {
    return zeros(new ShapedArray(Shape.SCALAR, dtype, false));
  }
}
