package dev.flaxj.core;

/**
 * A function of a tree of scopes (a pytree whose leaves are {@link Scope}s: one scope, a list or
 * tuple of them ...) and positional arguments: what Flax's lifted transforms take and return, so
 * that a module and the modules it holds or receives are lifted together.
 */
@FunctionalInterface
public interface ScopeTreeFunction {
  Object apply(Object scopes, Object... args);

  /** {@code fn} on a tree that is a single scope. */
  static ScopeTreeFunction of(ScopeFunction fn) {
    return (scopes, args) -> fn.apply((Scope) scopes, args);
  }

  /** This function called with a single scope as its tree. */
  default ScopeFunction onScope() {
    return this::apply;
  }
}
