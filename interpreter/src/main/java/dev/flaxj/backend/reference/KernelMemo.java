package dev.flaxj.backend.reference;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a kernel derives from its operand shapes and parameters alone (an association order, an
 * operand layout), computed once per key instead of on every call: a jitted program calls each
 * kernel on the same shapes again and again. Values must be immutable. Bounded: when full it
 * starts over, so a process that meets ever new shapes does not grow it without end.
 */
final class KernelMemo<K, V> {
  private static final int CAPACITY = 1024;

  private final Map<K, V> values = new ConcurrentHashMap<>();
  private final Function<K, V> compute;

  KernelMemo(Function<K, V> compute) {
    this.compute = compute;
  }

  V get(K key) {
    V v = values.get(key);
    if (v == null) {
      v = compute.apply(key);
      if (values.size() >= CAPACITY) {
        values.clear();
      }
      values.put(key, v);
    }
    return v;
  }
}
