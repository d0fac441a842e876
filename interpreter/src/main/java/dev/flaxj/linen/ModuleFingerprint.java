package dev.flaxj.linen;

import dev.flaxj.tree.Tuple;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flax's {@code _module_fingerprint} ({@code flax/linen/transforms.py}), what {@code nn.jit} keys
 * its cache by: a value with {@code equals}/{@code hashCode} that is equal for two modules of the
 * same class with equal configuration, state and scope state.
 *
 * <p>A Java module's configuration is its fields: the non-static, non-transient, non-synthetic
 * instance fields declared by its classes below {@link Module} (the base's own state, name and
 * parent are not configuration, as Flax leaves out {@code parent} and {@code name}). Each field's
 * value is fingerprinted in turn: a module recursively (a module met again by its index, as
 * Flax's {@code seen_modules}), a record by its components, maps (in any order), sets, lists,
 * tuples and Java arrays element by element, anything else (strings, numbers, functions, arrays) as itself, so by
 * its own {@code equals} (identity for lambdas and jax arrays). Then come the module's state (in a
 * compact method, in setup, setup done, auto-name counters) and, if bound, {@link
 * dev.flaxj.core.Scope#fingerprint()}.
 */
final class ModuleFingerprint {
  /** A typed part of a fingerprint: Flax's {@code (type(obj), fingerprint)}. */
  private record Typed(Class<?> type, Object fingerprint) {}

  /** A named part: Flax's {@code (field name, fingerprint)}. */
  private record Named(String name, Object fingerprint) {}

  private final Map<Module, Integer> seen = new IdentityHashMap<>();

  private ModuleFingerprint() {}

  static Object of(Module module) {
    return new ModuleFingerprint().fingerprint(module);
  }

  private Object fingerprint(Object x) {
    if (x instanceof Module m) {
      Integer index = seen.get(m);
      if (index != null) {
        return new Typed(m.getClass(), index);
      }
      seen.put(m, seen.size());
      List<Object> parts = fields(m, Module.class);
      parts.add(new Named("_state", m.stateFingerprint()));
      if (m.scope() != null) {
        parts.add(new Named("scope", m.scope().fingerprint()));
      }
      return new Typed(m.getClass(), parts);
    }
    if (x instanceof Record r) {
      return new Typed(r.getClass(), fields(r, Record.class));
    }
    if (x instanceof Map<?, ?> map) {
      Map<Object, Object> parts = new LinkedHashMap<>();
      map.forEach((k, v) -> parts.put(k, fingerprint(v)));
      return parts;
    }
    if (x instanceof Tuple t) {
      return fingerprint(t.items());
    }
    if (x instanceof Set<?> set) {
      Set<Object> parts = new HashSet<>();
      set.forEach(v -> parts.add(fingerprint(v)));
      return parts;
    }
    if (x instanceof Collection<?> c) {
      return c.stream().map(this::fingerprint).toList();
    }
    if (x != null && x.getClass().isArray()) {
      List<Object> parts = new ArrayList<>();
      for (int i = 0; i < Array.getLength(x); i++) {
        parts.add(fingerprint(Array.get(x, i)));
      }
      return parts;
    }
    return x;
  }

  /** The fingerprints of {@code x}'s configuration fields, from its topmost class below {@code stop} down. */
  private List<Object> fields(Object x, Class<?> stop) {
    List<Class<?>> classes = new ArrayList<>();
    for (Class<?> c = x.getClass(); c != null && c != stop && c != Object.class; c = c.getSuperclass()) {
      classes.add(0, c);
    }
    List<Object> parts = new ArrayList<>();
    for (Class<?> c : classes) {
      for (Field f : c.getDeclaredFields()) {
        int mod = f.getModifiers();
        if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()) {
          continue;
        }
        parts.add(new Named(f.getName(), fingerprint(read(f, x))));
      }
    }
    return parts;
  }

  private static Object read(Field f, Object x) {
    try {
      f.setAccessible(true);
      return f.get(x);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("nn.jit cannot read field " + f.getName() + " of "
          + x.getClass().getName() + " for its cache key; make it transient to leave it out", e);
    }
  }
}
