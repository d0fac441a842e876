package dev.flaxj.transform.staging;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.JaxTypeError;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.tree.Flattened;
import dev.flaxj.tree.TreeDef;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The arguments of one call of a staged function, split as {@code jit} splits them: static
 * arguments (chosen by position among the positional ones, or by name among the {@link Kwargs})
 * are passed to the function as they are and key the cache; all other arguments are pytrees whose
 * leaves are traced. The dynamic part flattens as {@code ((positional...), kwargs)}, kwargs being
 * None when the call passed no {@link Kwargs}.
 */
final class CallArgs {
  private final int numPositional;
  private final Map<Integer, Object> staticPositional;
  private final Map<String, Object> staticKwargs;
  private final boolean hasKwargs;
  private final Flattened dynamic;

  private CallArgs(int numPositional, Map<Integer, Object> staticPositional,
      Map<String, Object> staticKwargs, boolean hasKwargs, Flattened dynamic) {
    this.numPositional = numPositional;
    this.staticPositional = staticPositional;
    this.staticKwargs = staticKwargs;
    this.hasKwargs = hasKwargs;
    this.dynamic = dynamic;
  }

  /**
   * Splits {@code args} (a trailing {@link Kwargs} holds keyword arguments). Negative argnums
   * count from the end of the positional arguments; argnums beyond them are ignored, as JAX
   * ignores them for a function of {@code *args}.
   */
  static CallArgs split(Object[] args, int[] staticArgnums, Set<String> staticArgnames) {
    boolean hasKwargs = args.length > 0 && args[args.length - 1] instanceof Kwargs;
    int n = hasKwargs ? args.length - 1 : args.length;
    Map<Integer, Object> statics = new TreeMap<>();
    for (int argnum : staticArgnums) {
      int i = argnum < 0 ? argnum + n : argnum;
      if (i >= 0 && i < n) {
        statics.put(i, args[i]);
      }
    }
    List<Object> positional = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!statics.containsKey(i)) {
        positional.add(args[i]);
      }
    }
    Map<String, Object> staticKw = new TreeMap<>();
    Map<String, Object> dynamicKw = null;
    if (hasKwargs) {
      dynamicKw = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : ((Kwargs) args[n]).values().entrySet()) {
        (staticArgnames.contains(e.getKey()) ? staticKw : dynamicKw).put(e.getKey(), e.getValue());
      }
    }
    Flattened dynamic = Trees.flatten(Tuple.of(new Tuple(positional), dynamicKw));
    return new CallArgs(n, statics, staticKw, hasKwargs, dynamic);
  }

  TreeDef dynamicTree() {
    return dynamic.treedef();
  }

  List<Object> dynamicLeaves() {
    return dynamic.leaves();
  }

  /** The static values, by position and by name: part of a cache key. */
  List<Object> staticKey() {
    return List.of(staticPositional, staticKwargs);
  }

  /** Throws JAX's error if a static argument cannot key a cache. */
  void checkStaticHashable() {
    staticPositional.values().forEach(CallArgs::checkHashable);
    staticKwargs.values().forEach(CallArgs::checkHashable);
  }

  /**
   * Arrays (and tracers) are unhashable, as in JAX; so are Java arrays, whose equality is by
   * identity (the counterpart of Python's unhashable lists). Collections, maps and tuples are
   * hashable when their elements are.
   */
  private static void checkHashable(Object v) {
    if (v instanceof Value || (v != null && v.getClass().isArray())) {
      String nested = Arrays.deepToString(new Object[] {v});
      String shown = v instanceof Value ? v.toString() : nested.substring(1, nested.length() - 1);
      throw new IllegalArgumentException("Non-hashable static arguments are not supported. An "
          + "error occurred while trying to hash an object of type <class '"
          + v.getClass().getName() + "'>, " + shown + ". The error was:\nTypeError: unhashable "
          + "type: '" + v.getClass().getSimpleName() + "'\n");
    }
    if (v instanceof Iterable<?> items) {
      items.forEach(CallArgs::checkHashable);
    } else if (v instanceof Map<?, ?> m) {
      m.keySet().forEach(CallArgs::checkHashable);
      m.values().forEach(CallArgs::checkHashable);
    } else if (v instanceof Tuple t) {
      t.items().forEach(CallArgs::checkHashable);
    } else if (v instanceof Kwargs k) {
      k.values().values().forEach(CallArgs::checkHashable);
    }
  }

  /**
   * The abstract value of each dynamic leaf: arrays and tracers by their aval, Java numbers and
   * booleans as weakly typed scalars; with {@code allowAvals}, a {@link ShapedArray} leaf stands
   * for an array of that type (as a {@code jax.ShapeDtypeStruct}). Anything else is JAX's error
   * for a non-array argument that was not marked static.
   */
  List<ShapedArray> avals(String fnName, boolean allowAvals) {
    List<ShapedArray> out = new ArrayList<>(dynamic.leaves().size());
    for (Object leaf : dynamic.leaves()) {
      if (allowAvals && leaf instanceof ShapedArray a) {
        out.add(a);
      } else if (leaf instanceof Value || leaf instanceof Number || leaf instanceof Boolean) {
        out.add(FlatFunction.asValue(leaf).aval());
      } else {
        throw nonArray(fnName, leaf);
      }
    }
    return out;
  }

  /** The dynamic leaves as values, for binding (after {@link #avals} accepted them). */
  List<Value> values() {
    List<Value> out = new ArrayList<>(dynamic.leaves().size());
    for (Object leaf : dynamic.leaves()) {
      out.add(FlatFunction.asValue(leaf));
    }
    return out;
  }

  private JaxTypeError nonArray(String fnName, Object bad) {
    String[] path = {null};
    Trees.mapWithPath((p, leaf) -> {
      if (leaf == bad && path[0] == null) {
        path[0] = p.toString();
      }
      return leaf;
    }, dynamic.treedef().unflatten(dynamic.leaves()));
    return new JaxTypeError("Error interpreting argument to " + fnName
        + " as an abstract array. The problematic value is of type <class '"
        + pythonTypeName(bad) + "'> and was passed to the function at path "
        + describe(path[0]) + ".\nThis typically means that a jit-wrapped function was called with"
        + " a non-array argument, and this argument was not marked as static using the "
        + "static_argnums or static_argnames parameters of jax.jit.");
  }

  /** {@code [0][i]...} (the i-th dynamic positional) as {@code args[j]...}, j its original position. */
  private String describe(String path) {
    if (path.startsWith("[0][")) {
      int close = path.indexOf(']', 4);
      int index = Integer.parseInt(path.substring(4, close));
      int original = -1;
      for (int i = 0, seen = -1; i < numPositional; i++) {
        if (!staticPositional.containsKey(i) && ++seen == index) {
          original = i;
          break;
        }
      }
      return "args[" + original + "]" + path.substring(close + 1);
    }
    // a keyword argument is named as it is: ['b']['k'] becomes b['k'], as in JAX
    String rest = path.substring("[1]".length());
    int end = rest.indexOf("']");
    return rest.startsWith("['") && end > 0 ? rest.substring(2, end) + rest.substring(end + 2)
        : "kwargs" + rest;
  }

  /** The Python type of a Java leaf that Python passed ({@code str} for a String). */
  private static String pythonTypeName(Object v) {
    return v instanceof String || v instanceof Character ? "str" : v.getClass().getName();
  }

  /** {@code fn} as a function of the dynamic arguments, with the static ones put back in place. */
  TreeFunction dynamicFunction(TreeFunction fn) {
    return dyn -> {
      Tuple positional = (Tuple) dyn[0];
      @SuppressWarnings("unchecked")
      Map<String, Object> dynamicKw = (Map<String, Object>) dyn[1];
      Object[] full = new Object[numPositional + (hasKwargs ? 1 : 0)];
      for (int i = 0, next = 0; i < numPositional; i++) {
        full[i] = staticPositional.containsKey(i) ? staticPositional.get(i) : positional.get(next++);
      }
      if (hasKwargs) {
        Map<String, Object> kw = new LinkedHashMap<>(staticKwargs);
        kw.putAll(dynamicKw);
        full[numPositional] = new Kwargs(kw);
      }
      return fn.apply(full);
    };
  }
}
