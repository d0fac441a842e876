package dev.flaxj.backend.reference;

import dev.flaxj.backend.Float32Elementwise;
import dev.flaxj.backend.reference.ElementOps.FloatBinary;
import java.lang.invoke.MethodHandles;

/**
 * The template of the loop of a binary float32 operation: {@link Float32Loops} defines a copy of
 * these bytes per operation, whose {@code OP} is that operation. Never used itself.
 */
final class BinaryLoop implements Float32Elementwise {
  private static final FloatBinary OP =
      Float32Loops.operation(MethodHandles.lookup(), FloatBinary.class);

  @Override
  public int arity() {
    return 2;
  }

  @Override
  public void apply(float[] a, float[] b, float[] dst, int len) {
    for (int i = 0; i < len; i++) {
      dst[i] = OP.apply(a[i], b[i]);
    }
  }
}
