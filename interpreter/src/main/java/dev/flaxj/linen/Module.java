package dev.flaxj.linen;

import dev.flaxj.array.Value;
import dev.flaxj.core.Core;
import dev.flaxj.core.DenyList;
import dev.flaxj.core.Meta;
import dev.flaxj.core.ParamInit;
import dev.flaxj.core.Scope;
import dev.flaxj.core.VariableInit;
import dev.flaxj.errors.AssignSubModuleError;
import dev.flaxj.errors.NameInUseError;
import dev.flaxj.nn.Initializer;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Flax's {@code linen.Module}. Subclasses hold their configuration in fields and define either
 * <ul>
 *   <li>the compact style: {@link #forward} (Flax's {@code __call__}) creates submodules and
 *   parameters inline; a submodule constructed while its parent's method runs becomes its child,
 *   named {@code name} or {@code ClassName_<n>} (a counter per class, in creation order), or
 *   <li>the setup style: {@link #setup} assigns submodules to fields, which are named after the
 *   field ({@code field_<i>} for the modules of a list field).
 * </ul>
 * Modules held in fields when the module is bound (e.g. a {@link Sequential}'s layers) are
 * adopted the same way. A module is unbound until {@link #init}, {@link #apply} or {@link #bind}
 * runs it on a copy bound to a {@link Scope}; each child pushes its name on the parent's scope.
 * Methods other than {@link #call} that use parameters or submodules should run their body
 * through {@link #wrap} when called directly (not through {@code apply}'s {@code method}).
 */
public abstract class Module implements Cloneable {
  private final String explicitName;
  private Module origin;
  private Module parent;
  private String name;
  private Scope scope;
  private boolean setupDone;
  private boolean inSetup;
  private int depth;
  private boolean allowSubmodules = true;
  private Map<String, Integer> autonameCursor = new HashMap<>();
  private static final ThreadLocal<String> NEXT_TYPE_NAME = new ThreadLocal<>();
  private final String typeName = takeTypeName();

  /** A module named automatically (or after the field holding it). */
  protected Module() {
    this(null);
  }

  /** A module with an explicit {@code name}; null means automatic. */
  protected Module(String name) {
    this.explicitName = name;
    Module running = ModuleContext.current();
    if (running != null) {
      parent = running;
      if (!running.inSetup) {
        if (!running.allowSubmodules) {
          throw new AssignSubModuleError(typeName);
        }
        running.attach(this, name != null ? name : running.autoname(typeName));
      }
    }
  }

  /**
   * Runs {@code constructor} so that the module it creates is not attached to any running module
   * (Flax's {@code parent=None}): a template that lifted transforms copy and bind themselves.
   */
  public static <M extends Module> M detached(Supplier<M> constructor) {
    ModuleContext.push(null);
    try {
      return constructor.get();
    } finally {
      ModuleContext.pop();
    }
  }

  /**
   * Runs {@code constructor} so that the module it creates is auto-named after {@code typeName}
   * instead of its Java class, as Flax names instances of a Python class or of a transformed class
   * ({@code ScanLSTMCell_0}).
   */
  public static <M extends Module> M namedAfter(String typeName, Supplier<M> constructor) {
    NEXT_TYPE_NAME.set(typeName);
    try {
      return constructor.get();
    } finally {
      NEXT_TYPE_NAME.remove();
    }
  }

  private String takeTypeName() {
    String t = NEXT_TYPE_NAME.get();
    NEXT_TYPE_NAME.remove();
    return t != null ? t : getClass().getSimpleName();
  }

  /** The name automatic names are made of: the class's simple name unless {@link #namedAfter} gave one. */
  public final String typeName() {
    return typeName;
  }

  /**
   * A fresh copy of this module bound directly to {@code s} (Flax's {@code set_module_scopes}):
   * what a lifted transform runs on its inner scope.
   */
  public final Module reboundTo(Scope s) {
    return boundCopy(s);
  }

  /** {@link #claim} for subclasses that hold submodules outside Java fields (Python attributes). */
  protected final Module claimChild(Module m, String fieldName) {
    return claim(m, fieldName);
  }

  /** The module's name in its parent; null for a top-level or not yet named module. */
  public String name() {
    return name;
  }

  /** The scope the module is bound to; null while unbound. */
  public Scope scope() {
    return scope;
  }

  /** Flax's {@code setup}: assigns submodules to fields. Runs once, lazily, per binding. */
  protected void setup() {}

  /** The body of {@link #call} (Flax's {@code __call__}). */
  protected Object forward(Object... args) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not define forward");
  }

  /**
   * The lifted transform applied to {@link #forward}, as a Flax decorator such as
   * {@code @nn.checkpoint} on {@code __call__}; null (the default) for a plain forward.
   */
  protected MethodTransform forwardTransform() {
    return null;
  }

  /**
   * Whether {@link #forward} is compact (Flax's {@code @nn.compact}, the default here): false for a
   * setup-style module whose forward only uses the submodules of {@link #setup}; constructing a
   * submodule while such a forward runs is an AssignSubModuleError.
   */
  protected boolean compact() {
    return true;
  }

  /** Runs {@link #forward} on the bound module (through {@link #forwardTransform} if it has one). */
  public final Object call(Object... args) {
    MethodTransform lift = forwardTransform();
    if (lift == null) {
      return wrap(() -> forward(args), true, compact());
    }
    requireBound();
    return lift.apply(this, "__call__", (m, a) -> m.forward(a), args);
  }

  /**
   * Runs {@code method} as a method of this bound module (setup first, this module as the parent
   * of modules constructed in it), as Flax runs any module method.
   */
  public final Object invoke(ModuleMethod method, Object... args) {
    return wrap(() -> method.call(this, args));
  }

  /**
   * Runs {@code body} as a method of this bound module: setup first (once), then the body with this
   * module as the parent of any module constructed in it. When the outermost method returns, the
   * scope's name reservations and the auto-name counters are reset (RNG counters continue), so a
   * second call reuses the same child names.
   */
  protected final <T> T wrap(Supplier<T> body) {
    return wrap(body, true, true);
  }

  private <T> T wrap(Supplier<T> body, boolean compact, boolean submodulesAllowed) {
    requireBound();
    trySetup();
    ModuleContext.push(this);
    depth++;
    boolean outerAllowed = allowSubmodules;
    allowSubmodules = submodulesAllowed;
    try {
      return body.get();
    } finally {
      allowSubmodules = outerAllowed;
      depth--;
      ModuleContext.pop();
      if (depth == 0 && compact) {
        scope = scope.rewound(false);
        autonameCursor = new HashMap<>();
      }
    }
  }

  /**
   * For lifted transforms (Flax's {@code _state.export()}): a copy of the auto-name counters, which
   * the module copy running inside the transform starts from.
   */
  public final Map<String, Integer> namingState() {
    return new HashMap<>(autonameCursor);
  }

  /**
   * The configuration fingerprint {@code nn.jit} keys its cache by (Flax's {@code
   * _module_fingerprint}): equal for modules of one class whose fields, state and scope state are
   * equal. The fields are the non-static instance fields the module's classes below Module declare,
   * compared by value (modules, records, maps, collections and Java arrays element by element,
   * anything else by its {@code equals}); fields that are not configuration can be declared
   * {@code transient} to leave them out.
   */
  public final Object fingerprint() {
    return ModuleFingerprint.of(this);
  }

  /** Flax's {@code _state} part of the fingerprint: in a compact method, in setup, setup done, auto-names. */
  List<Object> stateFingerprint() {
    return List.of(depth > 0, inSetup, setupDone, new TreeMap<>(autonameCursor));
  }

  /** For lifted transforms (Flax's {@code _state.reimport}): continues with the given counters. */
  public final void restoreNaming(Map<String, Integer> state) {
    autonameCursor = new HashMap<>(state);
  }

  /**
   * For lifted transforms: runs {@code method} as a plain (not compact) method of this module, as
   * Flax runs a function lifted with a module as its first argument: the auto-name counters and
   * the scope's reservations are kept when it returns.
   */
  public final Object invokeNonCompact(ModuleMethod method, Object... args) {
    return wrap(() -> method.call(this, args), false, true);
  }

  private void requireBound() {
    if (scope == null) {
      throw new IllegalStateException("Can't call methods of the unbound module "
          + getClass().getSimpleName() + ": use init, apply or bind");
    }
  }

  private void trySetup() {
    if (setupDone) {
      return;
    }
    setupDone = true;
    FieldModules.adopt(this);
    inSetup = true;
    ModuleContext.push(this);
    try {
      setup();
    } finally {
      ModuleContext.pop();
      inSetup = false;
    }
    FieldModules.adopt(this);
  }

  private String autoname(String prefix) {
    int n = autonameCursor.merge(prefix, 1, Integer::sum) - 1;
    return prefix + "_" + n;
  }

  /** Names {@code child} and pushes its scope; NameInUseError if the name is taken here. */
  private void attach(Module child, String childName) {
    requireBound();
    if (scope.nameReserved(childName, null)) {
      throw new NameInUseError("submodule", childName, typeName);
    }
    child.parent = this;
    child.name = childName;
    child.scope = scope.push(childName);
  }

  /**
   * The module to hold in field {@code fieldName}: a module not yet named or bound is attached as
   * this module's child (its own name if given, else the field's). One constructed outside any
   * module is the user's template and is copied first; one constructed in a running setup is
   * fresh for this binding and attached as it is. Anything else is kept as it is.
   */
  Module claim(Module m, String fieldName) {
    if (m.scope != null || m.name != null) {
      return m;
    }
    Module child = m.parent == null ? m.unboundCopy() : m;
    attach(child, m.explicitName != null ? m.explicitName : fieldName);
    return child;
  }

  /** A fresh unbound copy of the module as the user constructed it (Flax's {@code clone()}). */
  private Module unboundCopy() {
    Module source = origin != null ? origin : this;
    try {
      Module c = (Module) source.clone();
      c.origin = source;
      c.parent = null;
      c.name = null;
      c.scope = null;
      c.setupDone = false;
      c.inSetup = false;
      c.depth = 0;
      c.allowSubmodules = true;
      c.autonameCursor = new HashMap<>();
      return c;
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
  }

  private Module boundCopy(Scope s) {
    Module c = unboundCopy();
    c.scope = s;
    return c;
  }

  // ---- init / apply / bind ----

  /** {@code module.init(rngs, *args)}: the variables of a fresh initialisation. */
  public final Map<String, Map<String, Object>> init(Object rngs, Object... args) {
    return init(rngs, ApplyOptions.none(), args);
  }

  /** {@code init} with {@code method} and {@code mutable}. */
  @SuppressWarnings("unchecked")
  public final Map<String, Map<String, Object>> init(Object rngs, ApplyOptions options, Object... args) {
    return (Map<String, Map<String, Object>>) initWithOutput(rngs, options, args).get(1);
  }

  /** {@code module.init_with_output(rngs, *args)}: {@code Tuple(output, variables)}. */
  public final Tuple initWithOutput(Object rngs, Object... args) {
    return initWithOutput(rngs, ApplyOptions.none(), args);
  }

  /** {@code init_with_output} with {@code method} and {@code mutable}. */
  public final Tuple initWithOutput(Object rngs, ApplyOptions options, Object... args) {
    Object mutable = options.mutable() != null ? options.mutable() : new DenyList("intermediates");
    return Core.init((s, a) -> boundCopy(s).runMethod(options.method(), a), mutable).call(rngs, args);
  }

  /** {@code module.apply(variables, *args)}: the output; nothing may be written. */
  public final Object apply(Map<String, ?> variables, Object... args) {
    return apply(variables, ApplyOptions.none(), args);
  }

  /**
   * {@code module.apply(variables, *args, mutable=, rngs=, method=)}: the output, or
   * {@code Tuple(output, mutated collections)} when {@code mutable} is set. {@code variables} is
   * never modified.
   */
  public final Object apply(Map<String, ?> variables, ApplyOptions options, Object... args) {
    Object mutable = options.mutable() != null ? options.mutable() : false;
    return Core.apply((s, a) -> boundCopy(s).runMethod(options.method(), a), mutable)
        .call(variables, options.rngs(), args);
  }

  private Object runMethod(ModuleMethod method, Object[] args) {
    return method == null ? call(args) : invoke(method, args);
  }

  /** {@code module.bind(variables)}: a bound copy for interactive use; nothing mutable. */
  public final Module bind(Map<String, ?> variables) {
    return bind(variables, null, false);
  }

  /** {@code module.bind(variables, rngs=, mutable=)}; {@code rngs} is a key or a map of keys. */
  public final Module bind(Map<String, ?> variables, Object rngs, Object mutable) {
    Object streams = rngs == null || rngs instanceof Map ? rngs : Map.of("params", rngs);
    return boundCopy(Core.bind(variables, streams, mutable, Map.of()));
  }

  /** {@code module.unbind()}: {@code Tuple(unbound copy, variables)} of a bound top-level module. */
  public final Tuple unbind() {
    requireBound();
    if (parent != null) {
      throw new IllegalStateException("Can only unbind a top-level module, not " + name);
    }
    return Tuple.of(unboundCopy(), scope.variables());
  }

  // ---- variables, parameters, rngs ----

  /** All variables visible to this module (its part of every collection; live maps, not to be written). */
  public final Map<String, Map<String, Object>> variables() {
    requireBound();
    return scope.variables();
  }

  /** True while running under {@link #init}. */
  public final boolean isInitializing() {
    requireBound();
    return Boolean.TRUE.equals(scope.getFlag("initializing", false));
  }

  public final boolean isMutableCollection(String col) {
    requireBound();
    return scope.isMutableCollection(col);
  }

  /** {@code self.make_rng(name)}: the next key of stream {@code name} (falling back to params). */
  public final Value makeRng(String stream) {
    requireBound();
    return scope.makeRng(stream);
  }

  /** {@code self.param(name, init_fn, shape)}: float32 parameter {@code name}, created if new. */
  public final Value param(String paramName, Initializer init, int... shape) {
    if (init instanceof Partitioning.Boxing boxing) {
      return (Value) param(paramName, (key, a) -> boxing.boxed(key, shape));
    }
    return (Value) param(paramName, (key, a) -> init.init(key, shape));
  }

  /**
   * {@code self.param(name, init_fn, *init_args)}; {@code init} receives a key then the arguments.
   * A value boxed in {@link dev.flaxj.core.AxisMetadata} is stored boxed and returned unboxed.
   */
  public final Object param(String paramName, ParamInit init, Object... initArgs) {
    requireBound();
    if (scope.nameReserved(paramName, "params")) {
      throw new NameInUseError("param", paramName, typeName);
    }
    return Meta.unbox(scope.param(paramName, init, initArgs));
  }

  /** {@code self.variable(col, name, init_fn, *init_args)}; the init runs only if the variable is new. */
  public final Variable variable(String col, String varName, VariableInit init, Object... initArgs) {
    requireBound();
    if (scope.nameReserved(varName, col)) {
      throw new NameInUseError("variable", varName, typeName);
    }
    scope.variable(col, varName, init, initArgs);
    return new Variable(scope, col, varName);
  }

  /**
   * {@code self.sow(col, name, value)}: appends {@code value} to the {@link Tuple} stored in
   * {@code col}/{@code name} (created empty), if {@code col} is mutable; returns whether it did.
   */
  public final boolean sow(String col, String varName, Object value) {
    requireBound();
    if (!scope.isMutableCollection(col)) {
      return false;
    }
    List<Object> items = new ArrayList<>();
    if (scope.hasVariable(col, varName)) {
      items.addAll(((Tuple) scope.getVariable(col, varName)).items());
    } else {
      scope.reserve(varName, col);
    }
    items.add(value);
    scope.putVariable(col, varName, new Tuple(items));
    return true;
  }

  /** Whether variable {@code varName} exists in {@code col}. */
  public final boolean hasVariable(String col, String varName) {
    requireBound();
    return scope.hasVariable(col, varName);
  }
}
