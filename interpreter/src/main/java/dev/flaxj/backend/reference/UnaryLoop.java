package dev.flaxj.backend.reference;

import dev.flaxj.backend.Float32Elementwise;
import dev.flaxj.backend.reference.ElementOps.FloatUnary;
import java.lang.invoke.MethodHandles;

/**
 * The template of the loop of a unary float32 operation: {@link Float32Loops} defines a copy of
 * these bytes per operation, whose {@code OP} is that operation. Never used itself.
 */
final class UnaryLoop implements Float32Elementwise {
  private static final FloatUnary OP =
      Float32Loops.operation(MethodHandles.lookup(), FloatUnary.class);

  @Override
  public int arity() {
    return 1;
  }

  @Override
  public void apply(float[] a, float[] b, float[] dst, int len) {
    for (int i = 0; i < len; i++) {
      dst[i] = OP.apply(a[i]);
    }
  }
}
