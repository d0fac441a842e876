package dev.flaxj.transform.staging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keyword arguments, for Java callers of transformations that take Python keyword arguments
 * ({@code jit}'s {@code static_argnames}). A function that accepts keyword arguments receives them
 * as its last positional argument, a {@code Kwargs}; whoever calls it passes them the same way:
 * {@code jitted.apply(x, Kwargs.of("n", 3))}. Names are kept sorted, values may be pytrees or
 * null (None). Equality is by names and values.
 */
public record Kwargs(Map<String, Object> values) {
  public Kwargs {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(values)));
  }

  /** Keyword arguments from alternating names and values. */
  public static Kwargs of(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("Kwargs.of needs name/value pairs");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return new Kwargs(m);
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** The value of {@code name}; a missing name is an error, as in a Python call. */
  public Object get(String name) {
    if (!values.containsKey(name)) {
      throw new IllegalArgumentException("missing keyword argument '" + name + "'");
    }
    return values.get(name);
  }

  public Object getOrDefault(String name, Object fallback) {
    return values.containsKey(name) ? values.get(name) : fallback;
  }
}
