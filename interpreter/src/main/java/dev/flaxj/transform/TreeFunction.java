package dev.flaxj.transform;

/**
 * A function as JAX transformations see it: positional arguments that are pytrees of values
 * (see {@link dev.flaxj.tree.Trees}), one pytree result.
 */
@FunctionalInterface
public interface TreeFunction {
  Object apply(Object... args);
}
