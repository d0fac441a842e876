package dev.flaxj.core;

import dev.flaxj.errors.PyTypeError;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.tree.Tuple;
import dev.flaxj.tree.Trees;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Flax's lifted {@code fold_rngs} ({@code flax.core.lift.fold_rngs}): lifted {@code jit} without
 * the compilation. The function has the signature {@code (scope, hashKey, args...)}; it runs on an
 * inner scope over the collections {@code variables} matches and the streams {@code rngs} matches,
 * with the streams' path suffixes cleared, and its RNG counter changes are recorded and replayed
 * per fingerprint ({@link CounterReplay}; the fingerprint is the inner scope's mutability and
 * {@code hashKey}).
 *
 * <p>{@link #forkRngs} is the step linen's {@code nn.jit} and {@code nn.fold_rngs} take before
 * the lift ({@code fork_rngs} in {@code flax/linen/transforms.py}).
 */
public final class LiftFoldRngs {
  /** The static first argument of the pure function: what keys both the jit cache and the counter record. */
  record Fingerprint(List<Object> mutable, Object hashKey) {}

  private Object variables = true;
  private Object rngs = true;

  private LiftFoldRngs() {}

  public static LiftFoldRngs foldRngs() {
    return new LiftFoldRngs();
  }

  public LiftFoldRngs variables(Object filter) {
    variables = filter;
    return this;
  }

  public LiftFoldRngs rngs(Object filter) {
    rngs = filter;
    return this;
  }

  /** The scope function {@code (scope, hashKey, args...)}. */
  public ScopeFunction build(ScopeFunction fn) {
    return buildTree(ScopeTreeFunction.of(fn)).onScope();
  }

  /** The function of a scope tree {@code (scopes, hashKey, args...)}. */
  public ScopeTreeFunction buildTree(ScopeTreeFunction fn) {
    return build("fold_rngs", fn, variables, rngs, UnaryOperator.identity());
  }

  /**
   * The mechanism shared with {@link LiftJit}: {@code transform} wraps the pure function {@code
   * (fingerprint, variableGroups, rngGroups, args...) -> Tuple(y, out groups)}, which finds the
   * current pack on a per-thread stack (as Flax's {@code TransformContext}) so that a cached
   * transform can be reused across calls.
   */
  static ScopeTreeFunction build(String name, ScopeTreeFunction fn, Object variables, Object rngs,
      UnaryOperator<TreeFunction> transform) {
    ThreadLocal<Deque<Pack>> context = ThreadLocal.withInitial(ArrayDeque::new);
    CounterReplay replay = new CounterReplay();
    TreeFunction pure = transform.apply(a -> {
      Pack pack = context.get().peek();
      Object inner = pack.innerScopes((List<?>) a[1], (List<?>) a[2], true, true);
      Object[] fnArgs = Arrays.copyOfRange(a, 2, a.length);
      fnArgs[0] = ((Fingerprint) a[0]).hashKey();
      Object y = fn.apply(inner, fnArgs);
      return Tuple.of(y, pack.repack(inner));
    });
    Pack.Body body = (pack, variableGroups, rngGroups, args) -> {
      if (args.length == 0) {
        // Python's message for Flax's inner function called without it
        String inner = name.equals("jit") ? "jit.<locals>.inner" : "fold_rngs.<locals>.inner_fold_rngs";
        throw new PyTypeError(inner + "() missing 1 required positional argument: 'module_hash_key'");
      }
      List<Scope> scopes = new ArrayList<>();
      Trees.leaves(pack.innerScopes(variableGroups, rngGroups, true, true)).forEach(s -> scopes.add((Scope) s));
      List<Object> mutable = scopes.stream().map(s -> hashable(s.mutable())).toList();
      Fingerprint fingerprint = new Fingerprint(mutable, args[0]);
      List<RngCounters> counters = scopes.stream().map(Scope::rngCounters).toList();
      List<Map<List<String>, Integer>> before = CounterReplay.snapshot(counters);
      Object[] pureArgs = new Object[args.length + 2];
      pureArgs[0] = fingerprint;
      pureArgs[1] = variableGroups;
      pureArgs[2] = rngGroups;
      System.arraycopy(args, 1, pureArgs, 3, args.length - 1);
      Tuple result;
      context.get().push(pack);
      try {
        result = (Tuple) pure.apply(pureArgs);
      } finally {
        context.get().pop();
      }
      replay.restore(counters, fingerprint, before);
      return result;
    };
    return Pack.pack(name, body, List.of(variables), List.of(variables), List.of(rngs));
  }

  /**
   * Flax's {@code fork_rngs}: a view of {@code scope} (sharing its variables, parent and counters)
   * whose every stream is replaced by a fresh key {@code scope.makeRng(stream)} with an empty
   * path suffix; this advances each stream's counter of {@code scope} by one.
   */
  public static Scope forkRngs(Scope scope) {
    Map<String, LazyRng> fresh = new LinkedHashMap<>();
    for (String stream : new TreeSet<>(scope.rngs().keySet())) {
      fresh.put(stream, LazyRng.of(scope.makeRng(stream)));
    }
    Scope view = new Scope(scope.variables(), fresh, scope.name(), scope.mutable(), scope.parent(), scope.path(),
        scope.debugPath(), scope.flags());
    view.shareRngCounters(scope.rngCounters());
    return view;
  }

  /** Flax's {@code _hashable_filter}: a name becomes a one-element tuple, a collection a tuple. */
  private static Object hashable(Object filter) {
    if (filter instanceof String s) {
      return List.of(s);
    }
    if (filter instanceof Collection<?> c) {
      return List.copyOf(c);
    }
    if (filter instanceof DenyList d) {
      return new DenyList(hashable(d.deny()));
    }
    return filter;
  }
}
