package dev.flaxj.core;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.errors.ApplyScopeInvalidVariablesStructureError;
import dev.flaxj.errors.ApplyScopeInvalidVariablesTypeError;
import dev.flaxj.errors.InvalidRngError;
import dev.flaxj.errors.PyValueError;
import dev.flaxj.tree.Tuple;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code flax.core.bind}, {@code init} and {@code apply}: running a function of a {@link Scope} on
 * given variables and RNG streams. Inputs are never written: mutable collections are copied first,
 * and the root scope is invalidated when the call returns.
 */
public final class Core {
  private Core() {}

  /** A function of variables and arguments, as returned by {@link #apply}. */
  @FunctionalInterface
  public interface Applied {
    /** Output, or {@code Tuple(output, mutated collections)} unless {@code mutable} is false. */
    Object call(Map<String, ?> variables, Object rngs, Object... args);
  }

  /** A function of RNGs and arguments, as returned by {@link #init}. */
  @FunctionalInterface
  public interface Initialized {
    /** {@code Tuple(output, variables)}; {@code rngs} is a key or a map of stream name to key. */
    Tuple call(Object rngs, Object... args);
  }

  /** A new root scope over {@code variables} (mutable collections copied). */
  public static Scope bind(Map<String, ?> variables, Object rngs, Object mutable, Map<String, Object> flags) {
    if (!isValidVariables(variables)) {
      throw new ApplyScopeInvalidVariablesTypeError();
    }
    if (rngs != null && !isValidRngs(rngs)) {
      throw new InvalidRngError("rngs should be a dictionary mapping strings to `jax.PRNGKey`.");
    }
    Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
    variables.forEach((col, v) -> copy.put(col, Filters.inFilter(mutable, col) ? deepCopy(v) : cast(v)));
    Map<String, LazyRng> lazy = new LinkedHashMap<>();
    if (rngs != null) {
      ((Map<?, ?>) rngs).forEach((k, v) -> lazy.put((String) k, LazyRng.of((Value) v)));
    }
    return new Scope(copy, lazy, null, mutable, null, List.of(), flags);
  }

  /** {@code flax.core.apply(fn, mutable)}. */
  public static Applied apply(ScopeFunction fn, Object mutable) {
    return apply(fn, mutable, Map.of());
  }

  /** {@code flax.core.apply(fn)}: nothing mutable, returns the output only. */
  public static Applied apply(ScopeFunction fn) {
    return apply(fn, false);
  }

  static Applied apply(ScopeFunction fn, Object mutable, Map<String, Object> flags) {
    return (variables, rngs, args) -> {
      if (rngs != null) {
        if (!isValidRng(rngs) && !isValidRngs(rngs)) {
          throw new PyValueError("The ``rngs`` argument passed to an apply function should be a "
              + "``jax.PRNGKey`` or a dictionary mapping strings to ``jax.PRNGKey``.");
        }
        if (!(rngs instanceof Map)) {
          rngs = Map.of("params", rngs);
        }
      }
      if (variables.get("params") instanceof Map<?, ?> p && p.containsKey("params")) {
        throw new ApplyScopeInvalidVariablesStructureError();
      }
      Scope root = bind(variables, rngs, mutable, flags);
      Object y;
      try {
        y = fn.apply(root, args);
      } finally {
        root.invalidate();
      }
      return Boolean.FALSE.equals(mutable) ? y : Tuple.of(y, root.mutableVariables());
    };
  }

  /** {@code flax.core.init(fn)}: every collection mutable. */
  public static Initialized init(ScopeFunction fn) {
    return init(fn, true);
  }

  /** {@code flax.core.init(fn, mutable)}: runs with flag {@code initializing} and no variables. */
  public static Initialized init(ScopeFunction fn, Object mutable) {
    return (rngs, args) -> {
      if (!isValidRng(rngs) && !isValidRngs(rngs)) {
        throw new PyValueError("First argument passed to an init function should be a "
            + "``jax.PRNGKey`` or a dictionary mapping strings to ``jax.PRNGKey``.");
      }
      Object streams = rngs instanceof Map ? rngs : Map.of("params", rngs);
      return (Tuple) apply(fn, mutable, Map.of("initializing", true)).call(Map.of(), streams, args);
    };
  }

  private static boolean isValidVariables(Map<?, ?> variables) {
    for (Map.Entry<?, ?> e : variables.entrySet()) {
      if (!(e.getKey() instanceof String) || !(e.getValue() instanceof Map<?, ?> col)) {
        return false;
      }
      for (Object k : col.keySet()) {
        if (!(k instanceof String)) {
          return false;
        }
      }
    }
    return true;
  }

  /** A typed scalar key, or raw uint32 key data of shape (2,). */
  private static boolean isValidRng(Object rng) {
    if (!(rng instanceof Value v)) {
      return false;
    }
    if (v.dtype() == DType.KEY) {
      return v.rank() == 0;
    }
    return v.dtype() == DType.UINT32 && v.rank() == 1 && v.shape().dim(0) == 2;
  }

  private static boolean isValidRngs(Object rngs) {
    if (!(rngs instanceof Map<?, ?> m)) {
      return false;
    }
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!(e.getKey() instanceof String) || !isValidRng(e.getValue())) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object col) {
    return (Map<String, Object>) col;
  }

  private static Map<String, Object> deepCopy(Object col) {
    Map<String, Object> out = new LinkedHashMap<>();
    cast(col).forEach((k, v) -> out.put(k, v instanceof Map ? deepCopy(v) : v));
    return out;
  }
}
