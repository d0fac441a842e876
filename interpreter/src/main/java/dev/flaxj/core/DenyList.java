package dev.flaxj.core;

/**
 * An opt-out filter ({@code flax.core.DenyList}): matches every collection that {@code deny} does
 * not match.
 */
public record DenyList(Object deny) {
  @Override
  public String toString() {
    return "DenyList(deny=" + Filters.repr(deny) + ")";
  }
}
