package dev.flaxj.lax;

import dev.flaxj.array.ShapedArray;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Common checks of the elementwise primitives' abstract evaluation. Messages name the primitive
 * and all operand types, e.g. {@code add: requires arguments to have the same dtypes, got
 * f32[2,3], i32[2,3]}.
 */
abstract class ElementwisePrimitive extends Primitive {
  ElementwisePrimitive(String name) {
    super(name);
  }

  final void requireOperands(List<ShapedArray> in, int count) {
    if (in.size() != count) {
      throw error("expected " + count + " operand" + (count == 1 ? "" : "s") + ", got "
          + in.size() + (in.isEmpty() ? "" : " (" + describe(in) + ")"));
    }
  }

  /** Operand {@code position} must have a dtype in {@code accepted}. */
  final void requireDType(List<ShapedArray> in, int position, DTypeSet accepted) {
    ShapedArray a = in.get(position);
    if (!accepted.contains(a.dtype())) {
      String at = in.size() == 1 ? "" : " at position " + position;
      throw error("does not accept dtype " + a.dtype() + at + " (got " + describe(in)
          + "); accepted dtypes" + at + " are subtypes of " + accepted.description());
    }
  }

  /** All of {@code in} have one dtype, as lax requires (no promotion). */
  final void requireSameDTypes(List<ShapedArray> in) {
    for (ShapedArray a : in) {
      if (a.dtype() != in.get(0).dtype()) {
        throw error("requires arguments to have the same dtypes, got " + describe(in));
      }
    }
  }

  /** All of {@code in} have one shape (lax does not broadcast). */
  final void requireSameShapes(List<ShapedArray> in) {
    for (ShapedArray a : in) {
      if (!a.shape().equals(in.get(0).shape())) {
        throw error("requires arguments to have the same shapes, got " + describe(in));
      }
    }
  }

  /** JAX's weak-type rule for elementwise results: weak only when every operand is weak. */
  static boolean allWeak(List<ShapedArray> in) {
    return in.stream().allMatch(ShapedArray::weakType);
  }

  static String describe(List<ShapedArray> in) {
    return in.stream().map(ShapedArray::str).collect(Collectors.joining(", "));
  }
}
