package dev.flaxj.backend;

/**
 * An elementwise primitive on float32 operands, applied to a block of elements as a backend's
 * kernel computes them, handed to the jit executor so that it can fuse a chain of such primitives
 * into one loop over blocks (see {@link Backend#fusibleFloat32}). Applied to the same operands it
 * must store exactly the bits the backend's kernel stores for each element.
 */
public interface Float32Elementwise {
  /** The number of operands: 1 or 2 (of one shape). */
  int arity();

  /**
   * Stores the primitive's result for elements {@code 0 .. len-1} of the operands {@code a} and
   * {@code b} ({@code b} is ignored when the arity is 1) into {@code dst}, which may be one of them.
   */
  void apply(float[] a, float[] b, float[] dst, int len);
}
