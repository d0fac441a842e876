package dev.flaxj.linen;

/** A method to run on a bound module, as {@code method=} of Flax's {@code init}/{@code apply}. */
@FunctionalInterface
public interface ModuleMethod {
  Object call(Module module, Object... args);
}
