package dev.flaxj.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RNG counter side effects of lifted {@code jit} and {@code fold_rngs} ({@code
 * _restore_rng_counters} and {@code _side_effect_cache} in {@code flax/core/lift.py}). The first
 * call with a given fingerprint records by how much it advanced the counters of each scope; every
 * later call with that fingerprint sets the counters to their values before the call plus the
 * recorded amounts. A cached jitted program never runs the code that advances counters, so this is
 * what keeps the counters after it equal to those after a fresh trace.
 *
 * <p>Flax keeps one record per thread for all lifted functions; here each lifted function has its
 * own (so records are freed with the function). The two differ only when two different functions
 * share a fingerprint and advance the counters differently, where Flax would replay one function's
 * record for the other.
 */
final class CounterReplay {
  private final Map<Object, List<Map<List<String>, Integer>>> deltas = new HashMap<>();

  /** The counts of each scope's counters, to pass to {@link #restore} after the call. */
  static List<Map<List<String>, Integer>> snapshot(List<RngCounters> counters) {
    return counters.stream().map(RngCounters::flatten).toList();
  }

  /** Records or replays the counter changes of one call; {@code before} is the snapshot taken before it. */
  synchronized void restore(List<RngCounters> counters, Object fingerprint, List<Map<List<String>, Integer>> before) {
    List<Map<List<String>, Integer>> recordedDeltas = deltas.get(fingerprint);
    if (recordedDeltas == null) {
      List<Map<List<String>, Integer>> recorded = new ArrayList<>();
      for (int i = 0; i < counters.size(); i++) {
        Map<List<String>, Integer> old = before.get(i);
        Map<List<String>, Integer> delta = new LinkedHashMap<>();
        counters.get(i).flatten().forEach((path, n) -> delta.put(path, n - old.getOrDefault(path, 0)));
        recorded.add(delta);
      }
      deltas.put(fingerprint, recorded);
    } else {
      for (int i = 0; i < counters.size(); i++) {
        RngCounters c = counters.get(i);
        Map<List<String>, Integer> old = before.get(i);
        recordedDeltas.get(i).forEach((path, d) -> c.set(path, d + old.getOrDefault(path, 0)));
      }
    }
  }
}
