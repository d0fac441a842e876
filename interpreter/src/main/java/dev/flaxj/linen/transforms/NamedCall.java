package dev.flaxj.linen.transforms;

import dev.flaxj.linen.MethodTransform;
import dev.flaxj.linen.Module;
import dev.flaxj.linen.ModuleMethod;

/**
 * {@code nn.named_call}: labels a module method for profiles, as {@code jax.named_call} with the
 * name {@link #profilingName} (no transform boundary: variables, RNGs and names are untouched).
 * flaxj keeps no profiler name stack, so the method runs as it is; use it as a module's {@link
 * Module#forwardTransform()} like Flax's decorator on {@code __call__}.
 */
public final class NamedCall implements MethodTransform {
  private NamedCall() {}

  public static NamedCall namedCall() {
    return new NamedCall();
  }

  /**
   * Flax's {@code _derive_profiling_name}: the module's name (its type name if it has none yet), plus
   * {@code .method} for a method other than {@code __call__}.
   */
  public static String profilingName(Module module, String methodName) {
    String moduleName = module.name() != null ? module.name() : module.typeName();
    return "__call__".equals(methodName) ? moduleName : moduleName + "." + methodName;
  }

  @Override
  public Object apply(Module self, String methodName, ModuleMethod method, Object[] args) {
    return self.invoke(method, args);
  }
}
