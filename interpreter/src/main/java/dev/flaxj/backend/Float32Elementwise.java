package dev.flaxj.backend;

/**
 * The per-element computation of an elementwise primitive on float32 operands, as a backend's
 * kernel performs it, handed to the jit executor so that it can fuse a chain of such primitives
 * into one loop (see {@link Backend#fusibleFloat32}). Applied to the same operands it must return
 * exactly the bits the backend's kernel stores for that element.
 */
public sealed interface Float32Elementwise {
  /** A primitive of one operand. */
  non-sealed interface Unary extends Float32Elementwise {
    float apply(float x);
  }

  /** A primitive of two operands of one shape. */
  non-sealed interface Binary extends Float32Elementwise {
    float apply(float a, float b);
  }
}
