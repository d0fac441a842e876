package dev.flaxj.core;

import java.util.HashMap;
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
}
