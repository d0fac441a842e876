package dev.flaxj.numpy;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * What numpy calls "array-like" arguments, turned into values: a {@link Value} as is; a Java
 * {@code int}/{@code long} or {@code double}/{@code float} as a weakly typed scalar (like a Python
 * scalar in JAX); a {@code boolean} as a bool scalar; a (nested) Java array as a strongly typed
 * array of its shape ({@code double[]} becomes float32, as {@code jnp.array} of Python floats).
 */
final class ArrayLike {
  private ArrayLike() {}

  static Value of(String op, Object x) {
    if (x instanceof Value v) {
      return v;
    }
    if (x instanceof Integer || x instanceof Long || x instanceof Short || x instanceof Byte) {
      long v = ((Number) x).longValue();
      if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            op + ": Python int " + v + " too large to convert to int32");
      }
      return Array.weak((int) v);
    }
    if (x instanceof Double || x instanceof Float) {
      return Array.weak(((Number) x).doubleValue());
    }
    if (x instanceof Boolean b) {
      return Array.scalar(b);
    }
    if (x != null && x.getClass().isArray()) {
      return fromJavaArray(op, x);
    }
    throw new IllegalArgumentException(op + ": expected an array, a Java number or boolean, or a "
        + "Java array, got " + (x == null ? "null" : x.getClass().getSimpleName()));
  }

  static Value[] all(String op, Object... xs) {
    Value[] out = new Value[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = of(op, xs[i]);
    }
    return out;
  }

  /** A rectangular nested Java array of numbers or booleans, as a non-weak array. */
  private static Array fromJavaArray(String op, Object x) {
    List<Integer> shape = new ArrayList<>();
    Object probe = x;
    while (probe != null && probe.getClass().isArray()) {
      int n = java.lang.reflect.Array.getLength(probe);
      shape.add(n);
      probe = n > 0 ? java.lang.reflect.Array.get(probe, 0) : null;
    }
    Class<?> leaf = leafComponent(x.getClass());
    int[] dims = shape.stream().mapToInt(Integer::intValue).toArray();
    List<Object> flat = new ArrayList<>();
    flatten(op, x, dims, 0, flat);
    int n = flat.size();
    if (leaf == boolean.class || leaf == Boolean.class) {
      boolean[] b = new boolean[n];
      for (int i = 0; i < n; i++) {
        b[i] = (Boolean) flat.get(i);
      }
      return Array.of(b, dims);
    }
    boolean integral = leaf == int.class || leaf == long.class || leaf == short.class
        || leaf == byte.class || leaf == Integer.class || leaf == Long.class;
    if (integral) {
      int[] v = new int[n];
      for (int i = 0; i < n; i++) {
        v[i] = Math.toIntExact(((Number) flat.get(i)).longValue());
      }
      return Array.of(v, dims);
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = ((Number) flat.get(i)).floatValue();
    }
    return Array.of(v, dims);
  }

  private static Class<?> leafComponent(Class<?> c) {
    while (c.isArray()) {
      c = c.getComponentType();
    }
    return c;
  }

  private static void flatten(String op, Object x, int[] dims, int depth, List<Object> out) {
    int n = java.lang.reflect.Array.getLength(x);
    if (n != dims[depth]) {
      throw new IllegalArgumentException(op + ": ragged nested array: expected length "
          + dims[depth] + " at depth " + depth + ", got " + n);
    }
    for (int i = 0; i < n; i++) {
      Object e = java.lang.reflect.Array.get(x, i);
      if (depth + 1 < dims.length) {
        if (e == null || !e.getClass().isArray()) {
          throw new IllegalArgumentException(op + ": ragged nested array at depth " + depth);
        }
        flatten(op, e, dims, depth + 1, out);
      } else {
        out.add(e);
      }
    }
  }
}
