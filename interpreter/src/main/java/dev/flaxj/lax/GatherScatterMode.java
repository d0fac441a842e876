package dev.flaxj.lax;

/** How {@code gather} and {@code scatter} treat windows that would reach outside the operand. */
public enum GatherScatterMode {
  /** Start indices are clamped so that the whole window lies inside the operand. */
  CLIP,
  /**
   * A gathered window that reaches outside the operand is filled entirely with {@code fill_value};
   * a scattered window that does is dropped entirely.
   */
  FILL_OR_DROP,
  /**
   * The caller promises all windows are in bounds; out-of-bounds gathers are clamped and
   * out-of-bounds scatters dropped, as XLA does on CPU.
   */
  PROMISE_IN_BOUNDS;

  /** JAX's spelling: {@code GatherScatterMode.CLIP}. */
  @Override
  public String toString() {
    return "GatherScatterMode." + name();
  }
}
