package dev.flaxj.core;

import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.errors.InvalidRngError;
import dev.flaxj.errors.InvalidScopeError;
import dev.flaxj.errors.ModifyScopeVariableError;
import dev.flaxj.errors.PyValueError;
import dev.flaxj.errors.ScopeCollectionNotFound;
import dev.flaxj.errors.ScopeParamNotFoundError;
import dev.flaxj.errors.ScopeParamShapeError;
import dev.flaxj.errors.ScopeVariableNotFoundError;
import dev.flaxj.nn.Initializer;
import dev.flaxj.random.Random;
import dev.flaxj.transform.Jax;
import dev.flaxj.tree.Trees;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flax's {@code Scope} ({@code flax/core/scope.py}): the variables of one place in the model tree
 * (collection -> name -> value; child scopes are nested maps), its RNG streams and counters, name
 * reservations and the mutability filter. A child sees the part of each collection stored under its
 * name in the parent; it attaches that part to the parent only when it writes.
 */
public final class Scope {
  private final Map<String, Map<String, Object>> variables;
  private final Scope parent;
  private final String name;
  private final List<String> path;
  /** The path as messages print it: {@link #path} with the lifted transforms around it, e.g. {@code vmap(Foo_0)}. */
  private final List<String> debugPath;
  private final Map<String, LazyRng> rngs;
  private final Object mutable;
  private final Map<String, Object> flags;
  private RngCounters rngCounters = new RngCounters();
  private final Map<String, Set<String>> reservations = new HashMap<>();
  private boolean invalid;

  Scope(Map<String, Map<String, Object>> variables, Map<String, LazyRng> rngs, String name,
      Object mutable, Scope parent, List<String> path, Map<String, Object> flags) {
    this(variables, rngs, name, mutable, parent, path, List.of(), flags);
  }

  /** With {@code debugPath}; an empty one means {@code path}, as in Flax. */
  Scope(Map<String, Map<String, Object>> variables, Map<String, LazyRng> rngs, String name,
      Object mutable, Scope parent, List<String> path, List<String> debugPath, Map<String, Object> flags) {
    this.variables = variables;
    this.rngs = Map.copyOf(rngs);
    this.name = name;
    this.mutable = mutable;
    this.parent = parent;
    this.path = List.copyOf(path);
    this.debugPath = debugPath.isEmpty() ? this.path : List.copyOf(debugPath);
    this.flags = Map.copyOf(flags);
  }

  public String name() {
    return name;
  }

  public List<String> path() {
    return path;
  }

  /**
   * Flax's {@code debug_path}: the path with the lifted transforms that the scope lives in, each
   * wrapped around the last name at the time it was applied ({@code vmap(Foo_0)/Dense_0}, {@code
   * jit()} for a root).
   */
  public List<String> debugPath() {
    return debugPath;
  }

  /** The debug path as Flax prints it in messages: {@code /a/b}, {@code /vmap(a)/b}, {@code /} for the root. */
  public String pathText() {
    return "/" + String.join("/", debugPath);
  }

  public Object mutable() {
    return mutable;
  }

  public boolean hasFlag(String key) {
    return flags.containsKey(key);
  }

  public Object getFlag(String key, Object orElse) {
    return flags.getOrDefault(key, orElse);
  }

  /** Whether {@link #invalidate} was called: every writing or RNG call then throws InvalidScopeError. */
  public boolean invalid() {
    return invalid;
  }

  public void invalidate() {
    invalid = true;
  }

  private void checkValid() {
    if (invalid) {
      throw new InvalidScopeError(pyName());
    }
  }

  /** The name as Flax's messages print it: {@code None} for the root. */
  private String pyName() {
    return name == null ? "None" : name;
  }

  /** The parent scope; null for a root (lifted inner scopes are roots). */
  public Scope parent() {
    return parent;
  }

  private Scope root() {
    return parent == null ? this : parent.root();
  }

  /** A copy with empty reservations, sharing variables and (unless {@code rewindRngs}) counters. */
  public Scope rewound(boolean rewindRngs) {
    checkValid();
    Scope s = new Scope(variables, rngs, name, mutable, parent, path, debugPath, flags);
    if (!rewindRngs) {
      s.rngCounters = rngCounters;
    }
    return s;
  }

  /**
   * What {@code nn.jit} keys its cache by for this scope (the scope part of Flax's {@code
   * _module_fingerprint}): its mutability, flags, RNG counts (its own and its children's) and name
   * reservations. Equal for scopes in the same state wherever they are in the tree.
   */
  public Object fingerprint() {
    Map<String, Set<String>> names = new HashMap<>();
    reservations.forEach((n, cols) -> names.put(n, new HashSet<>(cols)));
    return Arrays.asList(mutable, flags, rngCounters.flatten(), names);
  }

  /** Whether {@code name} is taken for a child ({@code col == null}) or a variable of {@code col}. */
  public boolean nameReserved(String name, String col) {
    Set<String> cols = reservations.get(name);
    return cols != null && (cols.contains(null) || col == null || cols.contains(col));
  }

  /** Reserves a child name ({@code col == null}) or a variable name in {@code col}. */
  public void reserve(String name, String col) {
    if (nameReserved(name, col)) {
      throw new PyValueError("Duplicate use of scope name: \"" + name + "\"");
    }
    reservations.computeIfAbsent(name, n -> new HashSet<>()).add(col);
  }

  /** The child scope {@code name}; its counters continue if the name was pushed before. */
  public Scope push(String name) {
    return push(name, false);
  }

  /** As {@link #push(String)}; with {@code reuse}, an already reserved name is accepted. */
  public Scope push(String name, boolean reuse) {
    checkValid();
    if (!reuse || !reservations.containsKey(name)) {
      reserve(name, null);
    }
    Map<String, LazyRng> childRngs = new LinkedHashMap<>();
    rngs.forEach((k, r) -> childRngs.put(k, r.extend(name)));
    List<String> childPath = new ArrayList<>(path);
    childPath.add(name);
    List<String> childDebugPath = new ArrayList<>(debugPath);
    childDebugPath.add(name);
    Scope child = new Scope(new HashMap<>(), childRngs, name, mutable, this, childPath, childDebugPath, flags);
    child.rngCounters = rngCounters.child(name);
    return child;
  }

  public boolean isMutableCollection(String col) {
    return Filters.inFilter(mutable, col);
  }

  /** True if the root has no (or an empty) collection {@code col}. */
  public boolean isCollectionEmpty(String col) {
    Map<String, Object> c = root().variables.get(col);
    return c == null || c.isEmpty();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> mutableCollection(String col) {
    Map<String, Object> c = variables.get(col);
    if (c == null) {
      if (parent == null) {
        c = new LinkedHashMap<>();
      } else {
        c = (Map<String, Object>) parent.mutableCollection(col)
            .computeIfAbsent(name, n -> new LinkedHashMap<String, Object>());
      }
      variables.put(col, c);
    }
    return c;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> collection(String col) {
    Map<String, Object> c = variables.get(col);
    if (c != null) {
      return c;
    }
    if (parent != null) {
      Object mine = parent.collection(col).get(name);
      if (mine != null) {
        variables.put(col, (Map<String, Object>) mine);
        return (Map<String, Object>) mine;
      }
    }
    return Map.of();
  }

  /** The RNG streams, for lifted transforms. */
  Map<String, LazyRng> rngs() {
    return rngs;
  }

  Map<String, Object> flags() {
    return flags;
  }

  RngCounters rngCounters() {
    return rngCounters;
  }

  /** Makes this scope count with {@code counters} (lifted inner scopes share the outer counters). */
  void shareRngCounters(RngCounters counters) {
    rngCounters = counters;
  }

  public boolean hasRng(String stream) {
    return rngs.containsKey(stream);
  }

  /**
   * The next key of {@code stream} (falling back to {@code params} if absent): the stream's base key
   * with its path suffix and this scope's new count folded in by {@link StaticFold}.
   */
  public Value makeRng(String stream) {
    if (!hasRng(stream)) {
      if (!hasRng("params")) {
        throw new InvalidRngError(pyName() + " needs PRNG for \"" + stream + "\"");
      }
      stream = "params";
    }
    checkValid();
    return rngs.get(stream).extend(rngCounters.next(stream)).asJaxRng();
  }

  /** {@link #makeRng(String)} of {@code params}. */
  public Value makeRng() {
    return makeRng("params");
  }

  /** The value of a variable, or {@code orElse} if this scope has none of that name. */
  public Object getVariable(String col, String name, Object orElse) {
    return collection(col).getOrDefault(name, orElse);
  }

  public Object getVariable(String col, String name) {
    return getVariable(col, name, null);
  }

  public boolean hasVariable(String col, String name) {
    return collection(col).containsKey(name);
  }

  /** Writes a variable; maps merge into existing maps entry by entry, as Flax's _put_variable. */
  public void putVariable(String col, String name, Object value) {
    checkValid();
    if (!isMutableCollection(col)) {
      throw new ModifyScopeVariableError(col, name, pathText());
    }
    put(mutableCollection(col), name, value);
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> target, String key, Object value) {
    if (target.get(key) instanceof Map<?, ?> existing && value instanceof Map<?, ?> v) {
      v.forEach((k, x) -> put((Map<String, Object>) existing, (String) k, x));
    } else {
      target.put(key, value);
    }
  }

  /**
   * The value of variable {@code name} in {@code col}, created with {@code initFn(initArgs)} if it
   * does not exist and the collection is mutable; {@code initFn} may be null to require existence.
   */
  public Object variable(String col, String name, VariableInit initFn, Object... initArgs) {
    reserve(name, col);
    if (!hasVariable(col, name)) {
      if (!isMutableCollection(col) || initFn == null) {
        if (isCollectionEmpty(col)) {
          throw new ScopeCollectionNotFound(col, name, pathText());
        }
        throw new ScopeVariableNotFoundError(name, col, pathText());
      }
      putVariable(col, name, initFn.init(initArgs));
    }
    return getVariable(col, name);
  }

  /**
   * The parameter {@code name}: created with {@code initFn(makeRng("params"), initArgs)} if new;
   * if it exists, its leaf shapes are checked against the shapes {@code initFn} would give for
   * {@code key(0)} (abstractly evaluated, as Flax's {@code jax.eval_shape}).
   */
  public Object param(String name, ParamInit initFn, Object... initArgs) {
    reserve(name, "params");
    if (hasVariable("params", name)) {
      Object value = getVariable("params", name);
      checkShapes(name, value, Jax.evalShape(a -> initFn.init(Random.key(0), initArgs)));
      return value;
    }
    if (!isMutableCollection("params")) {
      if (isCollectionEmpty("params")) {
        throw new ScopeCollectionNotFound("params", name, pathText());
      }
      throw new ScopeParamNotFoundError(name, pathText());
    }
    Object value = initFn.init(makeRng("params"), initArgs);
    putVariable("params", name, value);
    return value;
  }

  /** {@link #param(String, ParamInit, Object...)} with a jax-style initialiser and a shape. */
  public Object param(String name, Initializer init, int... shape) {
    return param(name, (key, args) -> init.init(key, shape));
  }

  private void checkShapes(String name, Object value, Object abstractValue) {
    List<Object> have = Trees.leaves(value);
    List<Object> want = Trees.leaves(abstractValue);
    for (int i = 0; i < Math.min(have.size(), want.size()); i++) {
      Shape h = shapeOf(have.get(i));
      Shape w = shapeOf(want.get(i));
      if (!h.equals(w)) {
        throw new ScopeParamShapeError(name, pathText(), h, w);
      }
    }
  }

  private static Shape shapeOf(Object leaf) {
    if (leaf instanceof Value v) {
      return v.shape();
    }
    return leaf instanceof ShapedArray a ? a.shape() : Shape.SCALAR;
  }

  /** The collections the mutability filter matches (the live maps; the caller must not write them). */
  public Map<String, Map<String, Object>> mutableVariables() {
    populateCollections();
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    variables.forEach((k, v) -> {
      if (isMutableCollection(k)) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** All collections visible to this scope (the live maps; the caller must not write them). */
  public Map<String, Map<String, Object>> variables() {
    populateCollections();
    return variables;
  }

  private void populateCollections() {
    for (String col : List.copyOf(root().variables.keySet())) {
      collection(col);
    }
  }
}
