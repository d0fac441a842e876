package dev.flaxj.core;

import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Flax's lifted {@code map_variables} ({@code flax.core.lift.map_variables}): the function runs on
 * an inner scope where the collections {@code mappedCollections} matches are replaced by {@code
 * mapInFn} of them (a map from collection name to collection) and the other collections {@code
 * variables} matches are passed as they are. With {@code init} the function first runs once on the
 * unmapped variables (if anything is mutable), and {@code mapOutFn} of what it created is mapped
 * in for the second run; with {@code init} or {@code mutable} the mapped collections are mutable
 * and written back through {@code mapOutFn}, otherwise they are read-only.
 */
public final class LiftMapVariables {
  private final Object mappedCollections;
  private UnaryOperator<Object> mapInFn = UnaryOperator.identity();
  private UnaryOperator<Object> mapOutFn = UnaryOperator.identity();
  private boolean init;
  private boolean mutable;
  private Object rngs = true;
  private Object variables = true;

  private LiftMapVariables(Object mappedCollections) {
    this.mappedCollections = mappedCollections;
  }

  public static LiftMapVariables mapVariables(Object mappedCollections) {
    return new LiftMapVariables(mappedCollections);
  }

  public LiftMapVariables mapInFn(UnaryOperator<Object> fn) {
    mapInFn = fn;
    return this;
  }

  public LiftMapVariables mapOutFn(UnaryOperator<Object> fn) {
    mapOutFn = fn;
    return this;
  }

  public LiftMapVariables init(boolean init) {
    this.init = init;
    return this;
  }

  public LiftMapVariables mutable(boolean mutable) {
    this.mutable = mutable;
    return this;
  }

  public LiftMapVariables rngs(Object filter) {
    rngs = filter;
    return this;
  }

  /** The other collections passed to the function besides the mapped ones (default: all). */
  public LiftMapVariables variables(Object filter) {
    variables = filter;
    return this;
  }

  public ScopeFunction build(ScopeFunction fn) {
    return buildTree(ScopeTreeFunction.of(fn)).onScope();
  }

  public ScopeTreeFunction buildTree(ScopeTreeFunction fn) {
    boolean targetOut = mutable || init;
    List<Object> in = List.of(mappedCollections, variables);
    List<Object> out = targetOut ? in : List.of(false, Filters.subtract(variables, mappedCollections));
    Object mutableFilter = targetOut ? true : Filters.subtract(true, mappedCollections);
    Pack.Body body = (pack, variableGroups, rngGroups, args) -> {
      Object target = variableGroups.get(0);
      Object others = variableGroups.get(1);
      if (init) {
        Object first = pack.innerScopes(List.of(target, others), rngGroups);
        if (Trees.leaves(first).stream().anyMatch(s -> !Filters.isFilterEmpty(((Scope) s).mutable()))) {
          fn.apply(first, args);
          target = perScope(mapOutFn, pack.repack(first).get(0));
        }
      }
      target = perScope(x -> mapInFn.apply(copy(x)), target);
      Object inner = pack.innerScopes(List.of(target, others), rngGroups, mutableFilter);
      Object y = fn.apply(inner, args);
      List<Object> groups = pack.repack(inner);
      Object outTarget = targetOut ? perScope(mapOutFn, groups.get(0)) : groups.get(0);
      return Tuple.of(y, List.of(outTarget, groups.get(1)));
    };
    return Pack.pack("map_variables", body, in, out, List.of(rngs));
  }

  /** {@code fn} applied to each packed scope's map of a group (a tuple over the scopes). */
  private static Object perScope(UnaryOperator<Object> fn, Object group) {
    return new Tuple(((Tuple) group).items().stream().map(fn).toList());
  }

  /** A copy of the nested maps (Flax's {@code unfreeze}), so the mapping function cannot reach the inputs. */
  private static Object copy(Object tree) {
    if (!(tree instanceof Map<?, ?> m)) {
      return tree;
    }
    Map<Object, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, copy(v)));
    return out;
  }
}
