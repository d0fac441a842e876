package dev.flaxj.core;

/** A variable initialiser as {@link Scope#variable} calls it: the init arguments only, no key. */
@FunctionalInterface
public interface VariableInit {
  Object init(Object... args);
}
