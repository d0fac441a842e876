package dev.flaxj.transform.staging;

import dev.flaxj.array.Array;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.backend.Backends;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.TraceStack;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.batching.AxisData;
import dev.flaxj.transform.batching.AxisEnv;
import dev.flaxj.transform.exec.ExecutionPlan;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.tree.TreeDef;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A function wrapped by {@link Jit#jit}. Each call stages the function for the types of its
 * dynamic arguments, unless a program for the same argument structure, shapes, dtypes, weak types,
 * static argument values and named vmap axes in scope (names and sizes, which collectives such as
 * pmean bake into the program) was staged before, then binds {@link Pjit#PJIT} to run it. Called
 * on concrete arrays outside any transformation, it runs the cached program's
 * {@link ExecutionPlan} instead (built on the first such call, for the current backend), which
 * gives the same results as binding. The options are JAX's, as methods that return a new jitted
 * function with its own empty cache.
 */
public final class Jitted implements TreeFunction {
  private record CacheKey(TreeDef inTree, List<ShapedArray> avals, List<Object> statics,
      List<AxisData> axes) {}

  /** A staged program and, once it has run on concrete arrays, its execution plan. */
  private static final class Staged {
    final ClosedJaxpr jaxpr;
    final TreeDef outTree;
    private volatile ExecutionPlan plan;

    Staged(ClosedJaxpr jaxpr, TreeDef outTree) {
      this.jaxpr = jaxpr;
      this.outTree = outTree;
    }

    ExecutionPlan plan() {
      ExecutionPlan p = plan;
      if (p == null || p.backend() != Backends.current()) {
        p = ExecutionPlan.of(jaxpr);
        plan = p;
      }
      return p;
    }
  }

  private final TreeFunction fn;
  private final int[] staticArgnums;
  private final Set<String> staticArgnames;
  private final int[] donateArgnums;
  private final String name;
  private final Map<CacheKey, Staged> cache = new ConcurrentHashMap<>();
  private final AtomicInteger traces = new AtomicInteger();

  Jitted(TreeFunction fn, int[] staticArgnums, Set<String> staticArgnames, int[] donateArgnums,
      String name) {
    this.fn = fn;
    this.staticArgnums = staticArgnums.clone();
    this.staticArgnames = Set.copyOf(staticArgnames);
    this.donateArgnums = donateArgnums.clone();
    this.name = name;
  }

  /**
   * {@code static_argnums}: positional arguments passed to the function as they are (any Java
   * object with {@code equals}/{@code hashCode}), not traced; a new value means a new trace.
   * Negative numbers count from the end of the positional arguments.
   */
  public Jitted staticArgnums(int... argnums) {
    return new Jitted(fn, argnums, staticArgnames, donateArgnums, name);
  }

  /** {@code static_argnames}: keyword arguments (see {@link Kwargs}) that are static. */
  public Jitted staticArgnames(String... argnames) {
    return new Jitted(fn, staticArgnums, Set.of(argnames), donateArgnums, name);
  }

  /**
   * {@code donate_argnums}: accepted for compatibility and ignored; arrays are immutable here and
   * the interpreter does not reuse argument buffers.
   */
  public Jitted donateArgnums(int... argnums) {
    return new Jitted(fn, staticArgnums, staticArgnames, argnums, name);
  }

  /** The name shown in jaxprs ({@code jit[name=...]}); by default the function's, see JAX. */
  public Jitted name(String newName) {
    return new Jitted(fn, staticArgnums, staticArgnames, donateArgnums, newName);
  }

  /** How many times the function has been traced (the cache misses so far). */
  public int traceCount() {
    return traces.get();
  }

  /** How many staged programs the cache holds (JAX's {@code _cache_size()}). */
  public int cacheSize() {
    return cache.size();
  }

  @Override
  public Object apply(Object... args) {
    CallArgs call = CallArgs.split(args, staticArgnums, staticArgnames);
    call.checkStaticHashable();
    List<ShapedArray> avals = call.avals(name, false);
    CacheKey key = new CacheKey(call.dynamicTree(), avals, call.staticKey(), AxisEnv.named());
    Staged staged = cache.get(key);
    boolean cached = staged != null;
    if (!cached) {
      traces.incrementAndGet();
      FlatFunction flat = new FlatFunction(call.dynamicFunction(fn), call.dynamicTree());
      staged = new Staged(Staging.traceToJaxpr(flat, avals), flat.outTree());
      cached = !Staging.closesOverTracers(staged.jaxpr);
      if (cached) {
        cache.put(key, staged);
      }
    }
    List<Value> values = call.values();
    List<Value> outs = cached && key.axes().isEmpty() && evaluatedConcretely(values)
        ? staged.plan().run(values)
        : Pjit.call(staged.jaxpr, name, values);
    return staged.outTree.unflatten(outs);
  }

  /** Whether binding {@code jit} to these values would evaluate it (no transformation sees them). */
  private static boolean evaluatedConcretely(List<Value> values) {
    for (Value v : values) {
      if (!(v instanceof Array)) {
        return false;
      }
    }
    return TraceStack.findTopTrace(values).main().level() == 0;
  }
}
