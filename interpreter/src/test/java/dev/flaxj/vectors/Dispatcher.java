package dev.flaxj.vectors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Maps the recorded JAX function names of one vector file to the Java calls that replay them. */
final class Dispatcher {
  private final Map<String, Replayer> replayers = new LinkedHashMap<>();

  Dispatcher on(String fn, Replayer replayer) {
    if (replayers.put(fn, replayer) != null) {
      throw new IllegalStateException("two replayers for " + fn);
    }
    return this;
  }

  /** The replayer for {@code fn}, or null when there is none. */
  Replayer find(String fn) {
    return replayers.get(fn);
  }

  Set<String> names() {
    return replayers.keySet();
  }
}
