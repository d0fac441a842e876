package dev.flaxj.core;

import dev.flaxj.array.Value;

/** A parameter initialiser as {@link Scope#param} calls it: a PRNG key, then the init arguments. */
@FunctionalInterface
public interface ParamInit {
  Object init(Value key, Object... args);
}
