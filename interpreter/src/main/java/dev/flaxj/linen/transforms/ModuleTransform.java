package dev.flaxj.linen.transforms;

import dev.flaxj.core.ScopeTreeFunction;
import dev.flaxj.errors.TransformTargetError;
import dev.flaxj.linen.MethodTransform;
import dev.flaxj.linen.Module;
import dev.flaxj.linen.ModuleMethod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A lifted transform applicable to a module class, a function of a module, or a module method
 * (Flax's {@code lift_transform}). Subclasses hold the keyword arguments and implement {@link
 * #lift}; see the package documentation.
 */
public abstract class ModuleTransform implements MethodTransform {
  private final String name;
  private Map<String, ModuleTransform> methods;

  /** {@code name} is Flax's function name ({@code vmap}, {@code scan}, {@code checkpoint} ...). */
  protected ModuleTransform(String name) {
    this.name = name;
  }

  /** The core lift of {@code fn} with this transform's keyword arguments. */
  protected abstract ScopeTreeFunction lift(ScopeTreeFunction fn);

  /**
   * The core lift for one call of a transformed function or method on {@code owner}; {@code site}
   * names what was transformed (the user's function, or the class and method name), so that a
   * transform may reuse one lift per site as Flax's {@code lift_transform_cached} does ({@link
   * Jit}, {@link FoldRngs}). By default a fresh {@link #lift} per call.
   */
  ScopeTreeFunction liftCall(ScopeTreeFunction fn, Module owner, Object site) {
    return lift(fn);
  }

  /** False where Flax lifts a single scope ({@code multi_scope=False}). */
  protected boolean multiScope() {
    return true;
  }

  public final String name() {
    return name;
  }

  /** The name of a transformed class: {@code name.capitalize() + className}, e.g. {@code ScanLSTMCell}. */
  public final String className(Class<?> target) {
    return capitalize(name) + target.getSimpleName();
  }

  /**
   * {@code methods=[...]}: in the class form, the methods (by name; {@code "__call__"} is
   * {@link Module#call}) that run transformed; by default only {@code __call__}.
   */
  public ModuleTransform methods(String... methodNames) {
    Map<String, ModuleTransform> m = new LinkedHashMap<>();
    for (String n : methodNames) {
      m.put(n, this);
    }
    methods = m;
    return this;
  }

  /** {@code methods={name: kwargs}}: each method with its own transform settings. */
  public ModuleTransform methods(Map<String, ? extends ModuleTransform> perMethod) {
    methods = new LinkedHashMap<>(perMethod);
    return this;
  }

  /** The transform of each transformed method of the class form. */
  final Map<String, ModuleTransform> methodTransforms() {
    return methods != null ? methods : Map.of("__call__", this);
  }

  // ---- the three forms ----

  /**
   * Class form: constructs the transformed module, an instance of {@code capitalize(name) +
   * class} (auto-named like {@code ScanLSTMCell_0}, or {@code moduleName} if not null) around a
   * template made by {@code target}.
   */
  public final <M extends Module> Lifted<M> module(String moduleName, Supplier<M> target) {
    M template = Module.detached(target);
    return Module.namedAfter(className(template.getClass()),
        () -> new Lifted<>(moduleName, template, methodTransforms()));
  }

  /** {@link #module(String, Supplier)} with an automatic name. */
  public final <M extends Module> Lifted<M> module(Supplier<M> target) {
    return module(null, target);
  }

  /**
   * Function form ({@code decorator_lift_transform}): {@code fn(mdl, *args)} lifted; call the
   * result with a bound module first.
   */
  public final ModuleMethod function(ModuleMethod fn) {
    return function("<lambda>", fn);
  }

  /** {@link #function(ModuleMethod)} for a function named {@code fnName} in error messages. */
  public final ModuleMethod function(String fnName, ModuleMethod fn) {
    return (mdl, args) -> LinenLift.run(fnName, fns -> liftCall(fns.get(0), mdl, fn), List.of(fn),
        LinenLift.Body.FUNCTION, mdl, mdl, multiScope(), args);
  }

  /**
   * Flax's {@code lift_transform} on an untyped target: a {@link Supplier} of modules is a class
   * (class form: returns a {@code Supplier<Lifted>}), a {@link ModuleMethod} a function (function
   * form); anything else, a module instance in particular, is a TransformTargetError.
   */
  public final Object target(Object target) {
    if (target instanceof ModuleMethod fn) {
      return function(fn);
    }
    if (target instanceof Supplier<?> s && !(target instanceof Module)) {
      @SuppressWarnings("unchecked")
      Supplier<Module> ctor = (Supplier<Module>) s;
      return (Supplier<Lifted<Module>>) () -> module(ctor);
    }
    throw new TransformTargetError(target);
  }

  /** Method form (a decorator on a compact method, e.g. {@code @nn.checkpoint} on {@code __call__}). */
  @Override
  public final Object apply(Module self, String methodName, ModuleMethod method, Object[] args) {
    return LinenLift.run(methodName, fns -> liftCall(fns.get(0), self, List.of(self.getClass(), methodName)),
        List.of(method), LinenLift.Body.COMPACT, self, self, multiScope(), args);
  }

  /** The class form's call of method {@code methodName} of a {@link Lifted} module. */
  final Object applyToClass(Lifted<?> self, Module template, String methodName, ModuleMethod method,
      LinenLift.Body kind, Object[] args) {
    return LinenLift.run(methodName, fns -> liftCall(fns.get(0), self, List.of(template.getClass(), methodName)),
        List.of(method), kind, self, template, multiScope(), args);
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1).toLowerCase();
  }
}
