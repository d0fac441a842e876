package dev.flaxj.lax;

/**
 * The lax-level Java API, as {@code jax.lax}: one static method per primitive application. No
 * implicit broadcasting or promotion happens here (that is {@code dev.flaxj.numpy.Jnp}'s job):
 * operands must already agree, as lax requires.
 */
public final class Lax {
  private Lax() {}

  // ---- elementwise: arithmetic, math, comparisons, logic, shifts, select, conversions ----

  // ---- shape: broadcast_in_dim, reshape, transpose, squeeze, expand_dims, concatenate, pad, iota ----

  // ---- indexing: slice, dynamic_slice, dynamic_update_slice, gather, scatter, scatter_add ----

  // ---- reductions: reduce_*, argmax, argmin, cumsum ----

  // ---- linear algebra: dot_general ----

  // ---- random bits: threefry2x32, random_wrap, random_unwrap ----
}
