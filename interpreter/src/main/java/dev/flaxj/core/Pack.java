package dev.flaxj.core;

import dev.flaxj.array.Value;
import dev.flaxj.random.Random;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Flax's {@code pack} ({@code flax/core/lift.py}), the mechanism under every lifted transform, for
 * one scope: the scope's collections are split into variable groups by the input filters and its
 * RNG streams into RNG groups (each goes to the first filter that matches it); the transform then
 * builds an inner scope from (transformed) groups with {@link #innerScope}, runs the function on
 * it, collects its mutated collections by the output filters with {@link #repack}, and the output
 * groups are written back into the outer scope.
 *
 * <p>RNG groups hold the streams' base keys only; each stream's path suffix is static and is
 * re-attached to the key in the inner scope, so splitting a group's keys splits the unfolded base
 * key, as Flax does. The inner scope shares the outer scope's RNG counters.
 */
final class Pack {
  /** What a lifted transform does with the packed groups. */
  @FunctionalInterface
  interface Body {
    /**
     * Runs the transformed function; returns {@code Tuple(output, out variable groups)}, one group
     * (collection name -> collection) per output filter, as {@link #repack} produces them.
     */
    Tuple call(Pack pack, List<Map<String, Object>> variableGroups, List<Map<String, Value>> rngGroups,
        Object[] args);
  }

  private final Scope scope;
  private final List<Object> outFilters;
  private final Object innerMutable;
  private final List<Map<String, Object>> variableGroups;
  private final List<Map<String, Value>> rngGroups = new ArrayList<>();

  private Pack(Scope scope, List<Object> inFilters, List<Object> outFilters, List<Object> rngFilters) {
    this.scope = scope;
    this.outFilters = List.copyOf(outFilters);
    Object mutable = false;
    for (Object f : outFilters) {
      mutable = Filters.union(mutable, f);
    }
    this.innerMutable = Filters.intersect(scope.mutable(), mutable);
    this.variableGroups = group(scope.variables(), inFilters);
    Map<String, Value> baseKeys = new LinkedHashMap<>();
    scope.rngs().forEach((k, r) -> baseKeys.put(k, r.rng()));
    rngGroups.addAll(group(baseKeys, rngFilters));
  }

  /**
   * A scope function that packs its scope for {@code body}, then publishes the output groups
   * ({@code pack(fn, in_variable_filters, out_variable_filters, rng_filters)}).
   */
  static ScopeFunction pack(Body body, List<Object> inFilters, List<Object> outFilters, List<Object> rngFilters) {
    return (scope, args) -> {
      Pack p = new Pack(scope, inFilters, outFilters, rngFilters);
      Tuple result = body.call(p, p.variableGroups, List.copyOf(p.rngGroups), args);
      p.publish((List<?>) result.get(1));
      return result.get(0);
    };
  }

  /** Splits {@code xs} by filters: each key goes to the group of the first filter matching it. */
  static <V> List<Map<String, V>> group(Map<String, ? extends V> xs, List<Object> filters) {
    List<Map<String, V>> groups = new ArrayList<>();
    List<String> taken = new ArrayList<>();
    for (Object filter : filters) {
      Map<String, V> g = new LinkedHashMap<>();
      xs.forEach((k, v) -> {
        if (!taken.contains(k) && Filters.inFilter(filter, k)) {
          g.put(k, v);
          taken.add(k);
        }
      });
      groups.add(g);
    }
    return groups;
  }

  /**
   * A fresh root scope over (copies of) the given groups, with the outer scope's name, path, flags
   * and RNG counters, mutable where both the outer scope and an output filter allow it.
   */
  Scope innerScope(List<?> variableGroups, List<?> rngGroups) {
    Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
    for (Object g : variableGroups) {
      ((Map<?, ?>) g).forEach((col, c) -> variables.put((String) col, copyCollection(c)));
    }
    Map<String, LazyRng> rngs = new LinkedHashMap<>();
    for (Object g : rngGroups) {
      ((Map<?, ?>) g).forEach((k, key) -> rngs.put((String) k,
          new LazyRng((Value) key, scope.rngs().get(k).suffix())));
    }
    Scope inner = new Scope(variables, rngs, scope.name(), innerMutable, null, scope.path(), scope.flags());
    inner.shareRngCounters(scope.rngCounters());
    return inner;
  }

  /**
   * Invalidates {@code inner} and groups its mutable collections by the output filters; a mutated
   * collection that no output filter matches is an error ("unmapped output variables").
   */
  List<Map<String, Object>> repack(Scope inner) {
    inner.invalidate();
    List<Object> filters = new ArrayList<>(outFilters);
    filters.add(true);
    List<Map<String, Object>> groups = group(new LinkedHashMap<>(inner.mutableVariables()), filters);
    Map<String, Object> remainder = groups.remove(groups.size() - 1);
    if (!remainder.isEmpty()) {
      throw new IllegalArgumentException("unmapped output variables: " + pyTuple(remainder.keySet()));
    }
    return groups;
  }

  private void publish(List<?> outGroups) {
    for (Object g : outGroups) {
      ((Map<?, ?>) g).forEach((col, c) -> {
        if (scope.isMutableCollection((String) col)) {
          ((Map<?, ?>) c).forEach((name, v) -> scope.putVariable((String) col, (String) name, v));
        }
      });
    }
  }

  /**
   * The groups with the keys of each group whose flag in {@code split} is true replaced by
   * {@code random.split(random.clone(key), n)}: stacked keys, one per step or batch index.
   */
  static List<Map<String, Value>> splitRngs(List<Map<String, Value>> groups, List<Boolean> split, int n) {
    List<Map<String, Value>> out = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      Map<String, Value> g = new LinkedHashMap<>(groups.get(i));
      if (split.get(i)) {
        g.replaceAll((k, key) -> Random.split(Random.clone(key), n));
      }
      out.add(g);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copyCollection(Object c) {
    return (Map<String, Object>) copy(c);
  }

  private static Object copy(Object tree) {
    if (!(tree instanceof Map<?, ?> m)) {
      return tree;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put((String) k, copy(v)));
    return out;
  }

  private static String pyTuple(java.util.Collection<String> names) {
    String items = names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    return "(" + items + (names.size() == 1 ? ",)" : ")");
  }
}
