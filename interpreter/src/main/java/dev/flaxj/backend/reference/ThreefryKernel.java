package dev.flaxj.backend.reference;

import dev.flaxj.backend.Kernel;
import dev.flaxj.lax.Primitive;
import java.util.Map;

/** Reference kernels: to be written. */
final class ThreefryKernel {
  private ThreefryKernel() {}

  static void register(Map<Primitive, Kernel> table) {}
}
