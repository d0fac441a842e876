package dev.flaxj.transform.staging;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.batching.AxisData;
import dev.flaxj.transform.batching.AxisEnv;
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
 * pmean bake into the program) was staged before, then binds {@link Pjit#PJIT} to run it. The
 * options are JAX's, as methods that return a new jitted function with its own empty cache.
 */
public final class Jitted implements TreeFunction {
  private record CacheKey(TreeDef inTree, List<ShapedArray> avals, List<Object> statics,
      List<AxisData> axes) {}

  private record Staged(ClosedJaxpr jaxpr, TreeDef outTree) {}

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
    if (staged == null) {
      traces.incrementAndGet();
      FlatFunction flat = new FlatFunction(call.dynamicFunction(fn), call.dynamicTree());
      staged = new Staged(Staging.traceToJaxpr(flat, avals), flat.outTree());
      if (!Staging.closesOverTracers(staged.jaxpr())) {
        cache.put(key, staged);
      }
    }
    List<Value> outs = Pjit.call(staged.jaxpr(), name, call.values());
    return staged.outTree().unflatten(outs);
  }
}
