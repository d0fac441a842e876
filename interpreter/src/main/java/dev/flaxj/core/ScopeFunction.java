package dev.flaxj.core;

/** A function of a scope and positional arguments, as taken by {@link Core#init} and {@link Core#apply}. */
@FunctionalInterface
public interface ScopeFunction {
  Object apply(Scope scope, Object... args);
}
