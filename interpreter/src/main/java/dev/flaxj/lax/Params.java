package dev.flaxj.lax;

import dev.flaxj.array.DType;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The static parameters of one primitive application ({@code axes}, {@code new_dtype},
 * {@code dimension_numbers}, ...), in insertion order. Immutable: arrays are copied in and out.
 * Equality is deep, so parameters can key caches.
 */
public final class Params {
  public static final Params EMPTY = new Params(Collections.emptyMap());

  private final Map<String, Object> values;

  private Params(Map<String, Object> values) {
    this.values = values;
  }

  /** Builds parameters from alternating names and values. */
  public static Params of(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("Params.of needs name/value pairs");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.put((String) namesAndValues[i], copy(namesAndValues[i + 1]));
    }
    return new Params(Collections.unmodifiableMap(m));
  }

  /** These parameters with one more (or one replaced). */
  public Params with(String name, Object value) {
    Map<String, Object> m = new LinkedHashMap<>(values);
    m.put(name, copy(value));
    return new Params(Collections.unmodifiableMap(m));
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public Object get(String name) {
    return copy(require(name));
  }

  public int getInt(String name) {
    return (Integer) require(name);
  }

  public boolean getBoolean(String name) {
    return (Boolean) require(name);
  }

  public int[] getInts(String name) {
    return ((int[]) require(name)).clone();
  }

  public int[][] getIntMatrix(String name) {
    int[][] m = (int[][]) require(name);
    int[][] out = new int[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i].clone();
    }
    return out;
  }

  public DType getDType(String name) {
    return (DType) require(name);
  }

  public String getString(String name) {
    return (String) require(name);
  }

  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    values.forEach((k, v) -> m.put(k, copy(v)));
    return m;
  }

  private Object require(String name) {
    Object v = values.get(name);
    if (v == null && !values.containsKey(name)) {
      throw new IllegalArgumentException("missing primitive parameter '" + name + "'");
    }
    return v;
  }

  private static Object copy(Object v) {
    if (v instanceof int[]) {
      return ((int[]) v).clone();
    }
    if (v instanceof int[][]) {
      int[][] m = (int[][]) v;
      int[][] out = new int[m.length][];
      for (int i = 0; i < m.length; i++) {
        out[i] = m[i].clone();
      }
      return out;
    }
    if (v instanceof Object[]) {
      return ((Object[]) v).clone();
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Params)) {
      return false;
    }
    Map<String, Object> other = ((Params) o).values;
    if (!values.keySet().equals(other.keySet())) {
      return false;
    }
    for (Map.Entry<String, Object> e : values.entrySet()) {
      if (!Arrays.deepEquals(new Object[] {e.getValue()}, new Object[] {other.get(e.getKey())})) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 0;
    for (Map.Entry<String, Object> e : values.entrySet()) {
      h += e.getKey().hashCode() ^ Arrays.deepHashCode(new Object[] {e.getValue()});
    }
    return h;
  }

  /** Jaxpr-style: {@code axes=(0, 1) new_dtype=float32}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Object> e : values.entrySet()) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(e.getKey()).append('=').append(format(e.getValue()));
    }
    return sb.toString();
  }

  private static String format(Object v) {
    if (v instanceof int[]) {
      int[] a = (int[]) v;
      StringBuilder sb = new StringBuilder("(");
      for (int i = 0; i < a.length; i++) {
        sb.append(i == 0 ? "" : ", ").append(a[i]);
      }
      return sb.append(a.length == 1 ? ",)" : ")").toString();
    }
    if (v instanceof Object[]) {
      return Arrays.deepToString((Object[]) v);
    }
    if (v instanceof int[][]) {
      return Arrays.deepToString((int[][]) v);
    }
    return String.valueOf(v);
  }
}
