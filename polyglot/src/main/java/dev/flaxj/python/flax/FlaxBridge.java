package dev.flaxj.python.flax;

import dev.flaxj.core.Core;
import dev.flaxj.core.DenyList;
import dev.flaxj.core.LiftScan;
import dev.flaxj.core.Partitioned;
import dev.flaxj.core.Scope;
import dev.flaxj.core.ScopeFunction;
import dev.flaxj.linen.ApplyOptions;
import dev.flaxj.linen.Dense;
import dev.flaxj.linen.DenseGeneral;
import dev.flaxj.linen.Dropout;
import dev.flaxj.linen.Embed;
import dev.flaxj.linen.GRUCell;
import dev.flaxj.linen.LSTMCell;
import dev.flaxj.linen.LayerNorm;
import dev.flaxj.linen.Module;
import dev.flaxj.linen.Partitioning;
import dev.flaxj.linen.RNN;
import dev.flaxj.linen.ModuleMethod;
import dev.flaxj.linen.Sequential;
import dev.flaxj.linen.SimpleCell;
import dev.flaxj.linen.Variable;
import dev.flaxj.linen.transforms.LinenLift;
import dev.flaxj.nn.Activations;
import dev.flaxj.nn.Initializer;
import dev.flaxj.nn.Initializers;
import dev.flaxj.python.PyBridge;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.graalvm.polyglot.Value;

/**
 * The Java half of the Python {@code flax} package ({@code flax._java}): creates the Java modules
 * that Python modules and layers stand for and forwards init/apply/bind, variables, RNGs and lifted
 * transforms to them. Values crossing in are already Java trees (converted by {@code jax}'s bridge);
 * Python callables arrive as polyglot values taking and returning Java trees.
 */
public final class FlaxBridge {
  private FlaxBridge() {}

  // ---- modules ----

  /** The Java module standing for Python module object {@code python}. */
  public static Module pyModule(Value python, String typeName, String name) {
    return PyModule.create(python, typeName, name);
  }

  /**
   * Runs {@code makePeer()} (a Python thunk constructing a Java module through this bridge) so that
   * the module is not attached to any running module: Flax's {@code parent=None}.
   */
  public static Module detached(Value makePeer) {
    return Module.detached(() -> (Module) makePeer.execute().asHostObject());
  }

  /** The Python object a {@link PyModule} stands for; null for a Java layer. */
  public static Value python(Module m) {
    return m instanceof PyModule p ? p.python() : null;
  }

  public static boolean isBound(Module m) {
    return m.scope() != null;
  }

  public static String name(Module m) {
    return m.name();
  }

  /** Runs a Python thunk as a method of a bound Python module (a Java layer just runs it). */
  public static Object run(Module m, Value thunk) {
    return m instanceof PyModule p ? p.run(thunk) : thunk.execute();
  }

  /** The scope a module is bound to; null while unbound. */
  public static Scope scopeOf(Module m) {
    return m.scope();
  }

  /** The names from the root to the module's scope. */
  public static List<String> path(Module m) {
    return m.scope().path();
  }

  /** Attaches {@code child}, held by Python module {@code owner} in {@code attribute}. */
  public static Module adopt(Module owner, Module child, String attribute) {
    return ((PyModule) owner).adopt(child, attribute);
  }

  /** {@code module(*args)} on a bound module; the arguments are Java trees. */
  public static Object call(Module m, Value args) {
    return m.call(javaArgs(args));
  }

  /** {@code init_with_output}: {@code Tuple(output, variables)}; {@code method(module)} runs the call. */
  public static Tuple initWithOutput(Module m, Object rngs, Value method, Object mutable) {
    return m.initWithOutput(rngs, options(method, mutable), new Object[0]);
  }

  /** {@code apply}: the output, or {@code Tuple(output, mutated)} if {@code mutable} is not false. */
  public static Object apply(Module m, Map<String, ?> variables, Object rngs, Value method, Object mutable) {
    return m.apply(variables, options(method, mutable).rngs(rngs), new Object[0]);
  }

  public static Module bind(Module m, Map<String, ?> variables, Object rngs, Object mutable) {
    return m.bind(variables, rngs, mutable);
  }

  private static ApplyOptions options(Value method, Object mutable) {
    ModuleMethod run = (module, args) -> PyBridge.toJava(method.execute(module));
    return ApplyOptions.none().mutable(mutable).method(run);
  }

  // ---- variables and rngs ----

  /** {@code self.param(name, init_fn, ...)}; {@code init(key)} runs the initialiser. */
  public static Object param(Module m, String name, Value init) {
    return m.param(name, (key, args) -> PyBridge.toJava(init.execute(key)));
  }

  /** {@code self.param(name, init, shape)} with a Java initialiser (jax.nn.initializers). */
  public static Object paramOf(Module m, String name, Initializer init, Value shape) {
    return m.param(name, init, ints(shape));
  }

  /** Calls a Java initialiser (jax.nn.initializers) on a key and a shape, as float32. */
  public static Object initialize(Initializer init, Object key, Value shape) {
    return init.init((dev.flaxj.array.Value) key, ints(shape));
  }

  /** {@code self.variable(col, name, init_fn)}; {@code init} may be None. */
  public static Variable variable(Module m, String col, String name, Value init) {
    return m.variable(col, name, isNone(init) ? null : args -> PyBridge.toJava(init.execute()));
  }

  public static Object value(Variable v) {
    return v.value();
  }

  public static void setValue(Variable v, Object value) {
    v.setValue(value);
  }

  public static String collection(Variable v) {
    return v.collection();
  }

  public static String variableName(Variable v) {
    return v.name();
  }

  public static Object makeRng(Module m, String stream) {
    return m.makeRng(stream);
  }

  public static boolean isInitializing(Module m) {
    return m.isInitializing();
  }

  public static boolean isMutableCollection(Module m, String col) {
    return m.isMutableCollection(col);
  }

  public static boolean hasVariable(Module m, String col, String name) {
    return m.hasVariable(col, name);
  }

  public static Map<String, Map<String, Object>> variables(Module m) {
    return m.variables();
  }

  public static boolean sow(Module m, String col, String name, Object value) {
    return m.sow(col, name, value);
  }

  /**
   * Flax's {@code sow} with its own {@code init_fn}/{@code reduce_fn} (Java trees in and out),
   * and {@code perturb} with {@code reduce} adding: reserves the name and starts from {@code init()}
   * the first time, then stores {@code reduce(old, value)}. Nothing happens (false) unless {@code
   * col} is mutable.
   */
  public static boolean sowWith(Module m, String col, String name, Object value, Value init,
      Value reduce) {
    Scope s = m.scope();
    if (!s.isMutableCollection(col)) {
      return false;
    }
    Object xs;
    if (s.hasVariable(col, name)) {
      xs = s.getVariable(col, name);
    } else {
      s.reserve(name, col);
      xs = PyBridge.toJava(init.execute());
    }
    s.putVariable(col, name, PyBridge.toJava(reduce.execute(xs, value)));
    return true;
  }

  /** The value of variable {@code name} of {@code col}, or null. */
  public static Object getVariable(Module m, String col, String name) {
    return m.scope().getVariable(col, name);
  }

  /** Writes variable {@code name} of {@code col} (ModifyScopeVariableError if immutable). */
  public static void putVariable(Module m, String col, String name, Object value) {
    m.scope().putVariable(col, name, value);
  }

  /** Whether the root scope has collection {@code col} (Flax: {@code col in scope.root._variables}). */
  public static boolean hasCollection(Module m, String col) {
    return !m.scope().isCollectionEmpty(col);
  }

  public static boolean hasRng(Module m, String stream) {
    return m.scope().hasRng(stream);
  }

  // ---- lifted transforms ----

  /**
   * Runs {@code inner(module, *args)} under the lifted transform {@code kind} over the bound module
   * {@code m}'s scope: {@code inner} receives a copy of {@code m} bound to the inner scope.
   */
  public static Object lift(String kind, Map<?, ?> options, Module m, Value inner, Value args) {
    if (kind.equals("jit")) {
      ModuleMethod method = (copy, a) -> {
        Object[] all = new Object[a.length + 1];
        all[0] = copy;
        System.arraycopy(a, 0, all, 1, a.length);
        return PyBridge.toJava(inner.execute(all));
      };
      return Lifts.linenJit(options).apply(m, "__call__", method, javaArgs(args));
    }
    ScopeFunction body = (scope, a) -> {
      Object[] all = new Object[a.length + 1];
      all[0] = m.reboundTo(scope);
      System.arraycopy(a, 0, all, 1, a.length);
      return PyBridge.toJava(inner.execute(all));
    };
    return Lifts.build(kind, options, body).apply(m.scope(), javaArgs(args));
  }

  /**
   * {@link #lift} when {@code args} hold bound modules (their Java peers): each such module's scope
   * joins the lifted scope tree and the function receives it rebound to its inner scope, as Flax
   * lifts modules passed as arguments.
   */
  public static Object liftWithModules(String kind, Map<?, ?> options, Module m, Value inner,
      Value args) {
    ModuleMethod body = (copy, a) -> {
      Object[] all = new Object[a.length + 1];
      all[0] = copy;
      System.arraycopy(a, 0, all, 1, a.length);
      return PyBridge.toJava(inner.execute(all));
    };
    return LinenLift.direct(kind, fns -> Lifts.buildTree(kind, options, fns.get(0)), List.of(body),
        m, true, javaArgs(args));
  }

  public static boolean isModule(Object o) {
    return o instanceof Module;
  }

  /**
   * Runs a transform Flax applies to functions of a module ({@code nn.while_loop}, {@code nn.cond},
   * {@code nn.switch}, {@code nn.jvp}, {@code nn.vjp}, {@code nn.value_and_grad},
   * {@code nn.custom_vjp}) over the bound module {@code m}'s scope: each of {@code fns} receives a
   * copy of {@code m} bound to the inner scope, then its arguments.
   */
  public static Object direct(String kind, Map<?, ?> options, Module m, Value fns, Value args) {
    List<ScopeFunction> scoped = new ArrayList<>();
    for (long i = 0; i < fns.getArraySize(); i++) {
      Value fn = fns.getArrayElement(i);
      scoped.add((scope, a) -> {
        Object[] all = new Object[a.length + 1];
        all[0] = m.reboundTo(scope);
        System.arraycopy(a, 0, all, 1, a.length);
        return PyBridge.toJava(fn.execute(all));
      });
    }
    return DirectLifts.run(kind, options, m.scope(), scoped, javaArgs(args));
  }

  /** Calls a Java function of trees (e.g. the VJP function of {@code nn.vjp}) on Java trees. */
  public static Object applyFunction(TreeFunction f, Value args) {
    return f.apply(javaArgs(args));
  }

  // ---- the functional core (flax.core): scopes ----

  /** {@code flax.core.init(fn, mutable)(rngs, *args)}: {@code Tuple(output, variables)}. */
  public static Tuple coreInit(Value fn, Object mutable, Object rngs, Value args) {
    return Core.init(scopeFunction(fn), mutable).call(rngs, javaArgs(args));
  }

  /** {@code flax.core.apply(fn, mutable)(variables, *args, rngs=)}. */
  public static Object coreApply(Value fn, Object mutable, Map<String, ?> variables, Object rngs,
      Value args) {
    return Core.apply(scopeFunction(fn), mutable).call(variables, rngs, javaArgs(args));
  }

  /** A lifted core transform ({@link Lifts}) of {@code fn(scope, *args)}, applied to {@code scope}. */
  public static Object liftScope(String kind, Map<?, ?> options, Scope scope, Value fn, Value args) {
    return Lifts.build(kind, options, scopeFunction(fn)).apply(scope, javaArgs(args));
  }

  /** A core transform of functions of a scope ({@link DirectLifts}) on {@code scope}. */
  public static Object directScope(String kind, Map<?, ?> options, Scope scope, Value fns, Value args) {
    List<ScopeFunction> scoped = new ArrayList<>();
    for (long i = 0; i < fns.getArraySize(); i++) {
      scoped.add(scopeFunction(fns.getArrayElement(i)));
    }
    return DirectLifts.run(kind, options, scope, scoped, javaArgs(args));
  }

  public static Object scopeParam(Scope s, String name, Value init) {
    return s.param(name, (key, args) -> PyBridge.toJava(init.execute(key)));
  }

  public static Object scopeParamOf(Scope s, String name, Initializer init, Value shape) {
    int[] dims = ints(shape);
    return s.param(name, (key, args) -> init.init(key, dims));
  }

  /** {@code scope.variable(col, name, init_fn)}: reserves the name, creates it if new; its value. */
  public static Object scopeVariable(Scope s, String col, String name, Value init) {
    return s.variable(col, name, isNone(init) ? null : args -> PyBridge.toJava(init.execute()));
  }

  public static Object scopeGetVariable(Scope s, String col, String name) {
    return s.getVariable(col, name);
  }

  public static void scopePutVariable(Scope s, String col, String name, Object value) {
    s.putVariable(col, name, value);
  }

  public static boolean scopeHasVariable(Scope s, String col, String name) {
    return s.hasVariable(col, name);
  }

  public static Map<String, Map<String, Object>> scopeVariables(Scope s) {
    return s.variables();
  }

  public static boolean scopeIsMutableCollection(Scope s, String col) {
    return s.isMutableCollection(col);
  }

  public static Object scopeMakeRng(Scope s, String stream) {
    return s.makeRng(stream);
  }

  public static boolean scopeHasRng(Scope s, String stream) {
    return s.hasRng(stream);
  }

  public static Scope scopePush(Scope s, String name, boolean reuse) {
    return s.push(name, reuse);
  }

  public static Scope scopeRewound(Scope s) {
    return s.rewound(false);
  }

  public static boolean scopeNameReserved(Scope s, String name) {
    return s.nameReserved(name, null);
  }

  public static void scopeReserve(Scope s, String name, String col) {
    s.reserve(name, col);
  }

  public static List<String> scopePath(Scope s) {
    return s.path();
  }

  public static String scopePathText(Scope s) {
    return s.pathText();
  }

  private static ScopeFunction scopeFunction(Value fn) {
    return (scope, a) -> {
      Object[] all = new Object[a.length + 1];
      all[0] = scope;
      System.arraycopy(a, 0, all, 1, a.length);
      return PyBridge.toJava(fn.execute(all));
    };
  }

  /** {@code flax.core.DenyList(deny)}. */
  public static DenyList denyList(Object deny) {
    return new DenyList(deny);
  }

  /** {@code flax.core.broadcast}: the scan axis of a value that is the same in every step. */
  public static Object broadcast() {
    return LiftScan.BROADCAST;
  }

  // ---- axis metadata (nn.Partitioned) ----

  /** {@code nn.Partitioned(value, names)} as the Java box the core lifts ({@code null}: unnamed axis). */
  public static Partitioned partitioned(Object value, Value names) {
    List<String> n = new ArrayList<>();
    for (long i = 0; i < names.getArraySize(); i++) {
      Value name = names.getArrayElement(i);
      n.add(isNone(name) ? null : name.asString());
    }
    return new Partitioned(value, n);
  }

  public static boolean isPartitioned(Object o) {
    return o instanceof Partitioned;
  }

  public static Object partitionedValue(Partitioned p) {
    return p.value();
  }

  public static Tuple partitionedNames(Partitioned p) {
    return new Tuple(new ArrayList<>(p.names()));
  }

  /** {@code nn.with_partitioning(init, names)} over a Python or Java initialiser. */
  public static Initializer withPartitioning(Value init, Value names) {
    return Partitioning.withPartitioning(initializer(init, null),
        partitioned(null, names).names().toArray(new String[0]));
  }

  // ---- layers ----

  public static Module dense(String typeName, String name, int features, boolean useBias,
      Value kernelInit, Value biasInit) {
    return Module.namedAfter(typeName, () -> new Dense(features, useBias,
        initializer(kernelInit, Initializers.lecunNormal()), initializer(biasInit, Initializers.zeros()), name));
  }

  public static Module denseGeneral(String typeName, String name, Value features, Value axis,
      Value batchDims, boolean useBias, Value kernelInit, Value biasInit) {
    return Module.namedAfter(typeName, () -> new DenseGeneral(ints(features), ints(axis), ints(batchDims),
        useBias, initializer(kernelInit, Initializers.lecunNormal()),
        initializer(biasInit, Initializers.zeros()), name));
  }

  public static Module embed(String typeName, String name, int numEmbeddings, int features, Value init) {
    return Module.namedAfter(typeName, () -> new Embed(numEmbeddings, features,
        initializer(init, Initializers.varianceScaling(1.0, "fan_in", "normal", new int[] {-2}, new int[] {0}, new int[0])), name));
  }

  public static Module layerNorm(String typeName, String name, double epsilon, boolean useBias,
      boolean useScale, Value biasInit, Value scaleInit, Value reductionAxes, Value featureAxes) {
    return Module.namedAfter(typeName, () -> new LayerNorm(epsilon, useBias, useScale,
        initializer(biasInit, Initializers.zeros()), initializer(scaleInit, Initializers.ones()),
        ints(reductionAxes), ints(featureAxes), name));
  }

  public static Module dropout(String typeName, String name, double rate, Object deterministic,
      Value broadcastDims, String rngCollection) {
    return Module.namedAfter(typeName, () -> new Dropout(rate, (Boolean) deterministic,
        ints(broadcastDims), rngCollection, name));
  }

  /** An LSTM, GRU or simple cell ({@code kind}); {@code residual} is used by the simple cell only. */
  public static Module cell(String kind, String typeName, String name, int features, Value gateFn,
      Value activationFn, Value kernelInit, Value recurrentKernelInit, Value biasInit, Value carryInit,
      boolean residual) {
    UnaryOperator<dev.flaxj.array.Value> gate = activation(gateFn, Activations::sigmoid);
    UnaryOperator<dev.flaxj.array.Value> act = activation(activationFn, Activations::tanh);
    Initializer k = initializer(kernelInit, Initializers.lecunNormal());
    Initializer r = initializer(recurrentKernelInit, Initializers.orthogonal());
    Initializer b = initializer(biasInit, Initializers.zeros());
    Initializer c = initializer(carryInit, Initializers.zeros());
    Supplier<Module> make = switch (kind) {
      case "LSTMCell" -> () -> new LSTMCell(features, gate, act, k, r, b, c, name);
      case "GRUCell" -> () -> new GRUCell(features, gate, act, k, r, b, c, name);
      case "SimpleCell" -> () -> new SimpleCell(features, act, k, r, b, c, residual, name);
      default -> throw new IllegalArgumentException("unknown cell " + kind);
    };
    return Module.namedAfter(typeName, make);
  }

  /** {@code cell.initialize_carry(rng, input_shape)} of a Java recurrent cell. */
  public static Object initializeCarry(Module cell, Object rng, Value inputShape) {
    dev.flaxj.array.Value key = (dev.flaxj.array.Value) rng;
    int[] shape = ints(inputShape);
    if (cell instanceof LSTMCell l) {
      return l.initializeCarry(key, shape);
    }
    if (cell instanceof GRUCell g) {
      return g.initializeCarry(key, shape);
    }
    return ((SimpleCell) cell).initializeCarry(key, shape);
  }

  /** {@code nn.RNN(cell, ...)} over a Java recurrent cell (LSTMCell, GRUCell, SimpleCell). */
  public static Module rnn(String typeName, String name, Module cell, boolean timeMajor,
      boolean returnCarry, boolean reverse, boolean keepOrder, int unroll) {
    return Module.namedAfter(typeName, () -> rnnFlags(newRnn(cell, name), timeMajor,
        returnCarry, reverse, keepOrder, unroll));
  }

  /**
   * Calls a bound {@code nn.RNN} with per-call flags (Flax's keyword overrides), restoring the
   * module's own flags afterwards.
   */
  public static Object rnnCall(Module rnn, Object inputs, Object seqLengths, Object initialCarry,
      boolean timeMajor, boolean returnCarry, boolean reverse, boolean keepOrder,
      boolean ownTimeMajor, boolean ownReturnCarry, boolean ownReverse, boolean ownKeepOrder,
      int unroll) {
    RNN r = (RNN) rnn;
    rnnFlags(r, timeMajor, returnCarry, reverse, keepOrder, unroll);
    try {
      return r.call(new Object[] {inputs, seqLengths, initialCarry});
    } finally {
      rnnFlags(r, ownTimeMajor, ownReturnCarry, ownReverse, ownKeepOrder, unroll);
    }
  }

  private static RNN rnnFlags(RNN r, boolean timeMajor, boolean returnCarry, boolean reverse,
      boolean keepOrder, int unroll) {
    return r.timeMajor(timeMajor).returnCarry(returnCarry).reverse(reverse).keepOrder(keepOrder)
        .unroll(unroll);
  }

  private static RNN newRnn(Module cell, String name) {
    if (cell instanceof LSTMCell c) {
      return new RNN(c, name);
    }
    if (cell instanceof GRUCell c) {
      return new RNN(c, name);
    }
    if (cell instanceof SimpleCell c) {
      return new RNN(c, name);
    }
    throw new IllegalArgumentException("flaxj: nn.RNN takes a built-in cell (LSTMCell, GRUCell, "
        + "SimpleCell), got " + cell.typeName());
  }

  /** {@code nn.Sequential(layers)}: each layer a Java module or a Python function of one array. */
  public static Module sequential(String typeName, String name, Value layers) {
    List<Object> out = new ArrayList<>();
    for (long i = 0; i < layers.getArraySize(); i++) {
      Value layer = layers.getArrayElement(i);
      if (layer.isHostObject() && layer.asHostObject() instanceof Module m) {
        out.add(m);
      } else {
        Function<dev.flaxj.array.Value, Object> f = x -> PyBridge.toJava(layer.execute(x));
        out.add(f);
      }
    }
    return Module.namedAfter(typeName, () -> new Sequential(out, name));
  }

  // ---- conversions ----

  private static boolean isNone(Value v) {
    return v == null || v.isNull();
  }

  private static Object[] javaArgs(Value list) {
    Object[] out = new Object[(int) list.getArraySize()];
    for (int i = 0; i < out.length; i++) {
      out[i] = PyBridge.toJava(list.getArrayElement(i));
    }
    return out;
  }

  private static int[] ints(Value seq) {
    if (isNone(seq)) {
      return new int[0];
    }
    if (seq.isNumber()) {
      return new int[] {seq.asInt()};
    }
    int[] out = new int[(int) seq.getArraySize()];
    for (int i = 0; i < out.length; i++) {
      out[i] = seq.getArrayElement(i).asInt();
    }
    return out;
  }

  /** A Python initialiser {@code fn(key, shape, dtype_name)} (Java values in and out), or the default. */
  private static Initializer initializer(Value fn, Initializer orElse) {
    if (isNone(fn)) {
      return orElse;
    }
    if (fn.isHostObject() && fn.asHostObject() instanceof Initializer java) {
      return java;
    }
    return (key, shape, dtype) -> (dev.flaxj.array.Value) PyBridge.toJava(
        fn.execute(key, tupleOf(shape), dtype.jaxName()));
  }

  private static UnaryOperator<dev.flaxj.array.Value> activation(Value fn,
      UnaryOperator<dev.flaxj.array.Value> orElse) {
    if (isNone(fn)) {
      return orElse;
    }
    return x -> (dev.flaxj.array.Value) PyBridge.toJava(fn.execute(x));
  }

  private static Tuple tupleOf(int[] shape) {
    List<Object> items = new ArrayList<>();
    for (int d : shape) {
      items.add(d);
    }
    return new Tuple(items);
  }
}
