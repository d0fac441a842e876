package dev.flaxj.core;

import dev.flaxj.array.Value;
import dev.flaxj.errors.PyValueError;
import dev.flaxj.random.Random;
import dev.flaxj.tree.Flattened;
import dev.flaxj.tree.TreeDef;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Flax's {@code pack} ({@code flax/core/lift.py}), the mechanism under every lifted transform, over
 * a tree of scopes (a module's scope plus those of the modules it holds or receives).
 *
 * <p>The scopes are flattened and deduplicated: a scope whose ancestor is also in the tree is
 * rebuilt from that ancestor by pushing its path, so it is packed only once. Each remaining scope's
 * collections are split into variable groups by the input filters and its RNG streams into RNG
 * groups; a collection (or stream) goes to the first filter that matches it. Group {@code i} (the
 * i-th filter) is a {@link Tuple} with one map per deduplicated scope; a transform treats it as an
 * opaque pytree (maps it, batches it, carries it) and indexes the groups by filter position only.
 *
 * <p>Inside the transform the body builds inner scopes from (transformed) groups with {@link
 * #innerScopes}, runs the function on them, and collects their mutated collections by the output
 * filters with {@link #repack}; {@link #pack} then writes the returned output groups into the outer
 * scopes where those are mutable. RNG groups hold the streams' base keys only: each stream's path
 * suffix is static and is re-attached in the inner scope, so splitting a group's keys splits the
 * unfolded base key, as Flax does. Inner scopes share the outer scopes' RNG counters.
 *
 * <h2>Writing a lifted transform on Pack</h2>
 * <pre>{@code
 * Pack.Body body = (pack, variableGroups, rngGroups, args) -> {
 *   // transform the groups and args with a JAX transform whose function does:
 *   //   Object inner = pack.innerScopes(vGroups, rGroups);   // the scope tree fn expects
 *   //   Object y = fn.apply(inner, args);
 *   //   return Tuple.of(y, pack.repack(inner));              // output groups, one per out filter
 *   return Tuple.of(y, outGroups);
 * };
 * ScopeTreeFunction lifted = Pack.pack("vmap", body, inFilters, outFilters, rngFilters);
 * }</pre>
 */
final class Pack {
  /** What a lifted transform does with the packed groups. */
  @FunctionalInterface
  interface Body {
    /**
     * Runs the transformed function; returns {@code Tuple(output, out variable groups)}: one group
     * per output filter, as {@link #repack} produces them (transformed back by the transform).
     */
    Tuple call(Pack pack, List<Object> variableGroups, List<Object> rngGroups, Object[] args);
  }

  /** The transform's name, wrapped around the inner scopes' debug paths. */
  private final String name;
  private final TreeDef treedef;
  /** The deduplicated scopes, in the order their groups hold them. */
  private final List<Scope> scopes;
  /** For every leaf of the scope tree: the index of its packed ancestor and the names down to it. */
  private final List<Placement> placements;
  private final List<Object> outFilters;
  private final Object outUnion;
  private final List<Object> variableGroups = new ArrayList<>();
  private final List<Object> rngGroups = new ArrayList<>();

  private record Placement(int scope, List<String> path) {}

  private Pack(String name, Object scopeTree, List<Object> inFilters, List<Object> outFilters, List<Object> rngFilters) {
    this.name = name;
    Flattened flat = Trees.flatten(scopeTree);
    this.treedef = flat.treedef();
    List<Scope> leaves = new ArrayList<>();
    for (Object leaf : flat.leaves()) {
      if (!(leaf instanceof Scope s)) {
        throw new IllegalArgumentException("lifted transforms take a tree of scopes, got " + leaf);
      }
      leaves.add(s);
    }
    this.scopes = new ArrayList<>();
    this.placements = new ArrayList<>();
    dedup(leaves, scopes, placements);
    this.outFilters = List.copyOf(outFilters);
    Object union = false;
    for (Object f : outFilters) {
      union = Filters.union(union, f);
    }
    this.outUnion = union;
    List<List<Map<String, Object>>> perScopeVars = new ArrayList<>();
    List<List<Map<String, Value>>> perScopeRngs = new ArrayList<>();
    for (Scope s : scopes) {
      perScopeVars.add(group(s.variables(), inFilters));
      Map<String, Value> baseKeys = new LinkedHashMap<>();
      s.rngs().forEach((k, r) -> baseKeys.put(k, r.rng()));
      perScopeRngs.add(group(baseKeys, rngFilters));
    }
    variableGroups.addAll(transpose(perScopeVars, inFilters.size()));
    rngGroups.addAll(transpose(perScopeRngs, rngFilters.size()));
  }

  /**
   * A function of a scope tree that packs the scopes for {@code body}, then publishes the output
   * groups ({@code pack(fn, in_variable_filters, out_variable_filters, rng_filters, name)}). The
   * inner scopes' debug paths show {@code name} around the last name, e.g. {@code vmap(Foo_0)}.
   */
  static ScopeTreeFunction pack(String name, Body body, List<Object> inFilters, List<Object> outFilters,
      List<Object> rngFilters) {
    return (scopeTree, args) -> {
      Pack p = new Pack(name, scopeTree, inFilters, outFilters, rngFilters);
      Tuple result = body.call(p, List.copyOf(p.variableGroups), List.copyOf(p.rngGroups), args);
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

  /** The number of scopes packed (after deduplication): the length of every group tuple. */
  int scopeCount() {
    return scopes.size();
  }

  /**
   * The inner scope tree (the same structure as the outer one) over (copies of) the given groups:
   * one fresh root per packed scope with that scope's name, path, flags and RNG counters, mutable
   * where the outer scope and an output filter allow it; the other leaves are pushed from it.
   */
  Object innerScopes(List<?> variableGroups, List<?> rngGroups) {
    return innerScopes(variableGroups, rngGroups, true);
  }

  /** {@link #innerScopes(List, List)} with mutability further restricted to {@code mutableFilter}. */
  Object innerScopes(List<?> variableGroups, List<?> rngGroups, Object mutableFilter) {
    return innerScopes(variableGroups, rngGroups, mutableFilter, false);
  }

  /**
   * {@link #innerScopes(List, List, Object)}; with {@code clearRngSuffixes} the inner streams have
   * no path suffix ({@code LazyRng.clear_suffix}, as lifted jit and fold_rngs do).
   */
  Object innerScopes(List<?> variableGroups, List<?> rngGroups, Object mutableFilter, boolean clearRngSuffixes) {
    List<Scope> roots = new ArrayList<>();
    for (int i = 0; i < scopes.size(); i++) {
      Scope outer = scopes.get(i);
      Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
      for (Object g : variableGroups) {
        ((Map<?, ?>) member(g, i)).forEach((col, c) -> variables.put((String) col, copyCollection(c)));
      }
      Map<String, LazyRng> rngs = new LinkedHashMap<>();
      for (Object g : rngGroups) {
        ((Map<?, ?>) member(g, i)).forEach((k, key) -> rngs.put((String) k,
            new LazyRng((Value) key, clearRngSuffixes ? List.of() : outer.rngs().get(k).suffix())));
      }
      Object mutable = Filters.intersect(Filters.intersect(outer.mutable(), outUnion), mutableFilter);
      Scope inner = new Scope(variables, rngs, outer.name(), mutable, null, outer.path(),
          innerDebugPath(outer.debugPath()), outer.flags());
      inner.shareRngCounters(outer.rngCounters());
      roots.add(inner);
    }
    List<Object> leaves = new ArrayList<>();
    for (Placement p : placements) {
      Scope s = roots.get(p.scope());
      for (String name : p.path()) {
        s = s.push(name, true);
      }
      leaves.add(s);
    }
    return treedef.unflatten(leaves);
  }

  /** Flax's debug path of an inner scope: {@code name(last)} in place of the last name, {@code name()} for a root. */
  private List<String> innerDebugPath(List<String> outer) {
    if (outer.isEmpty()) {
      return List.of(name + "()");
    }
    List<String> path = new ArrayList<>(outer.subList(0, outer.size() - 1));
    path.add(name + "(" + outer.get(outer.size() - 1) + ")");
    return path;
  }

  /** {@link #innerScopes(List, List)} for a transform of a single scope. */
  Scope innerScope(List<?> variableGroups, List<?> rngGroups) {
    return (Scope) innerScopes(variableGroups, rngGroups);
  }

  /**
   * Invalidates the inner scopes and groups their mutable collections by the output filters:
   * group {@code i} is a tuple with one map per packed scope. A mutated collection that no output
   * filter matches is an error ("unmapped output variables").
   */
  List<Object> repack(Object innerScopeTree) {
    List<Scope> leaves = new ArrayList<>();
    for (Object leaf : treedef.flattenUpTo(innerScopeTree)) {
      leaves.add((Scope) leaf);
    }
    List<Scope> inner = new ArrayList<>();
    dedup(leaves, inner, new ArrayList<>());
    if (inner.size() != scopes.size()) {
      throw new IllegalStateException("repack: the inner scope tree does not match the packed scopes");
    }
    List<Object> filters = new ArrayList<>(outFilters);
    filters.add(true);
    List<List<Map<String, Object>>> perScope = new ArrayList<>();
    for (Scope s : inner) {
      s.invalidate();
      List<Map<String, Object>> groups = group(new LinkedHashMap<>(s.mutableVariables()), filters);
      Map<String, Object> remainder = groups.remove(groups.size() - 1);
      if (!remainder.isEmpty()) {
        throw new PyValueError("unmapped output variables: " + pyTuple(remainder.keySet()));
      }
      perScope.add(groups);
    }
    return transpose(perScope, outFilters.size());
  }

  private void publish(List<?> outGroups) {
    for (Object g : outGroups) {
      for (int i = 0; i < scopes.size(); i++) {
        Scope scope = scopes.get(i);
        ((Map<?, ?>) member(g, i)).forEach((col, c) -> {
          if (scope.isMutableCollection((String) col)) {
            ((Map<?, ?>) c).forEach((name, v) -> scope.putVariable((String) col, (String) name, v));
          }
        });
      }
    }
  }

  /**
   * The groups with the keys of each group whose flag in {@code split} is true replaced by
   * {@code random.split(random.clone(key), n)}: stacked keys, one per step or batch index.
   */
  static List<Object> splitRngs(List<Object> groups, List<Boolean> split, int n) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      out.add(split.get(i)
          ? Trees.map((Value key) -> Random.split(Random.clone(key), n), groups.get(i))
          : groups.get(i));
    }
    return out;
  }

  /** Scope {@code i}'s map of a group (a tuple over the packed scopes). */
  private static Object member(Object group, int i) {
    return ((Tuple) group).get(i);
  }

  /** Per-scope lists of {@code n} groups -> {@code n} tuples over the scopes. */
  private static List<Object> transpose(List<? extends List<?>> perScope, int n) {
    List<Object> out = new ArrayList<>();
    for (int g = 0; g < n; g++) {
      List<Object> items = new ArrayList<>();
      for (List<?> groups : perScope) {
        items.add(groups.get(g));
      }
      out.add(new Tuple(items));
    }
    return out;
  }

  /**
   * Flax's {@code _dedup_scopes}: keeps the scopes none of whose ancestors is in the tree (first
   * occurrence order) and places every leaf below its outermost ancestor in the tree.
   */
  private static void dedup(List<Scope> leaves, List<Scope> kept, List<Placement> placements) {
    Map<Scope, Boolean> present = new IdentityHashMap<>();
    leaves.forEach(s -> present.put(s, true));
    List<Scope> minimal = new ArrayList<>();
    List<Scope> anchors = new ArrayList<>();
    List<List<String>> paths = new ArrayList<>();
    for (Scope leaf : leaves) {
      Scope anchor = leaf;
      List<String> path = List.of();
      List<String> walked = new ArrayList<>();
      walked.add(leaf.name());
      for (Scope s = leaf.parent(); s != null; s = s.parent()) {
        if (present.containsKey(s)) {
          anchor = s;
          List<String> down = new ArrayList<>(walked);
          java.util.Collections.reverse(down);
          path = down;
        }
        walked.add(s.name());
      }
      if (anchor == leaf && minimal.stream().noneMatch(m -> m == leaf)) {
        minimal.add(leaf);
      }
      anchors.add(anchor);
      paths.add(path);
    }
    kept.addAll(minimal);
    for (int i = 0; i < leaves.size(); i++) {
      Scope anchor = anchors.get(i);
      int index = 0;
      while (minimal.get(index) != anchor) {
        index++;
      }
      placements.add(new Placement(index, paths.get(i)));
    }
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

  private static String pyTuple(Collection<String> names) {
    String items = names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    return "(" + items + (names.size() == 1 ? ",)" : ")");
  }
}
