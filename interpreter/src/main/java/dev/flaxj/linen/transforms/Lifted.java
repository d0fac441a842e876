package dev.flaxj.linen.transforms;

import dev.flaxj.linen.MethodTransform;
import dev.flaxj.linen.Module;
import dev.flaxj.linen.ModuleMethod;
import java.util.Map;

/**
 * A module of a transformed class ({@code nn.scan(nn.LSTMCell, ...)(features)}): it holds the
 * target module as the user configured it and runs the target's {@code call} (and the methods
 * chosen with {@code methods}) transformed, on a copy bound directly to the inner scope. Other
 * methods run untransformed, through {@link #method}, or on {@link #target()} where they need no
 * scope (e.g. {@code initializeCarry}).
 */
public final class Lifted<M extends Module> extends Module {
  private final Template<M> template;
  private final Map<String, ModuleTransform> transforms;

  /** Holds the target out of sight of field adoption (it is copied, never adopted). */
  private record Template<M extends Module>(M module) {}

  Lifted(String name, M template, Map<String, ModuleTransform> transforms) {
    super(name);
    this.template = new Template<>(template);
    this.transforms = Map.copyOf(transforms);
  }

  /** The target module as configured (unbound), for methods that need no scope. */
  public M target() {
    return template.module();
  }

  @Override
  protected MethodTransform forwardTransform() {
    ModuleTransform t = transforms.get("__call__");
    if (t == null) {
      return (self, methodName, method, args) -> bareTarget().call(args);
    }
    return (self, methodName, method, args) ->
        t.applyToClass(this, target(), "__call__", (m, a) -> m.call(a), LinenLift.Body.CALL, args);
  }

  /**
   * Runs method {@code methodName} (implemented by {@code body} on the target class): transformed
   * if {@code methods} names it, else as the inherited method on the target bound to this
   * module's scope.
   */
  public Object method(String methodName, ModuleMethod body, Object... args) {
    ModuleTransform t = transforms.get(methodName);
    if (t == null) {
      return bareTarget().invoke(body, args);
    }
    return t.applyToClass(this, target(), methodName, body, LinenLift.Body.COMPACT, args);
  }

  private Module bareTarget() {
    if (scope() == null) {
      throw new IllegalStateException("Can't call methods of the unbound module " + getClass().getSimpleName()
          + ": use init, apply or bind");
    }
    return target().reboundTo(scope());
  }
}
