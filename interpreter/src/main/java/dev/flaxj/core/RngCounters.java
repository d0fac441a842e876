package dev.flaxj.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scope's RNG counters ({@code Scope.rng_counters}): one count per stream, and the counters of
 * each child name, kept so that pushing the same child name again continues its counts. Shared,
 * not copied, by rewound scopes and lifted inner scopes.
 */
final class RngCounters {
  private final Map<String, Integer> counts = new HashMap<>();
  private final Map<String, RngCounters> children = new HashMap<>();

  /** Increments the count of {@code stream} and returns the new value (first call gives 1). */
  int next(String stream) {
    return counts.merge(stream, 1, Integer::sum);
  }

  /** The counters of child {@code name}, created on first use. */
  RngCounters child(String name) {
    return children.computeIfAbsent(name, n -> new RngCounters());
  }

  /**
   * Every count of this scope and its descendants, keyed by the child names leading to it plus the
   * stream name (Flax's {@code flatten_dict} of {@code rng_counters}).
   */
  Map<List<String>, Integer> flatten() {
    Map<List<String>, Integer> out = new LinkedHashMap<>();
    counts.forEach((stream, n) -> out.put(List.of(stream), n));
    children.forEach((name, c) -> c.flatten().forEach((path, n) -> {
      List<String> p = new ArrayList<>();
      p.add(name);
      p.addAll(path);
      out.put(p, n);
    }));
    return out;
  }

  /** Sets the count at {@code path} (as {@link #flatten} keys it), creating child counters on the way. */
  void set(List<String> path, int count) {
    RngCounters c = this;
    for (String name : path.subList(0, path.size() - 1)) {
      c = c.child(name);
    }
    c.counts.put(path.get(path.size() - 1), count);
  }
}
