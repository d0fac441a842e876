package dev.flaxj.linen;

/**
 * A lifted transform applied to a method of a module (Flax's decorator form, e.g.
 * {@code @nn.checkpoint} on {@code __call__}); see {@link Module#forwardTransform}. Implemented by
 * the transforms of {@code dev.flaxj.linen.transforms}.
 */
@FunctionalInterface
public interface MethodTransform {
  /** Runs {@code method} (named {@code methodName}) of the bound module {@code self}, lifted. */
  Object apply(Module self, String methodName, ModuleMethod method, Object[] args);
}
