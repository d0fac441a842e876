package dev.flaxj.transform.jvp;

import static dev.flaxj.lax.ShapePrimitives.BROADCAST_IN_DIM;
import static dev.flaxj.lax.ShapePrimitives.CONCATENATE;
import static dev.flaxj.lax.ShapePrimitives.IOTA;
import static dev.flaxj.lax.ShapePrimitives.PAD;
import static dev.flaxj.lax.ShapePrimitives.RESHAPE;
import static dev.flaxj.lax.ShapePrimitives.REV;
import static dev.flaxj.lax.ShapePrimitives.SQUEEZE;
import static dev.flaxj.lax.ShapePrimitives.TRANSPOSE;

import dev.flaxj.lax.Primitive;

/**
 * Forward-mode rules of the shape primitives. All but {@code iota} are linear in their operands
 * ({@code pad} jointly in the operand and the padding value, {@code concatenate} in all of its
 * operands), so the tangent is the same operation applied to the tangents.
 */
final class ShapeJvp {
  private ShapeJvp() {}

  static void register() {
    for (Primitive p : new Primitive[] {BROADCAST_IN_DIM, RESHAPE, TRANSPOSE, SQUEEZE, REV,
        CONCATENATE, PAD}) {
      JvpDefs.linear(p);
    }
    JvpDefs.zero(IOTA);
  }
}
