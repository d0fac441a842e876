package dev.flaxj.python;

import dev.flaxj.array.Value;
import dev.flaxj.core.Scope;
import dev.flaxj.core.ScopeFunction;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.jvp.Jvp;
import dev.flaxj.transform.partial.Vjp;
import dev.flaxj.transform.partial.VjpOutput;
import dev.flaxj.transform.staging.Kwargs;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java half of {@code jax._src.bridge}: builds and takes apart the Java pytree nodes (a
 * {@code LinkedHashMap} for a dict, in insertion order; an {@code ArrayList} for a list; a
 * {@link Tuple} for a tuple), and turns Python callables into the functional interfaces of the
 * core. The Python half does the walking, so that Python's own pytree types stay in Python.
 */
public final class PyBridge {
  private PyBridge() {}

  /**
   * A Python int as Java sees it: polyglot hands Python ints to {@code Object} parameters as
   * {@code Integer} or {@code Long} depending on how Python stored them; this makes every int
   * that fits an {@code Integer}, as the core expects (other objects are returned as they are).
   */
  public static Object normalize(Object o) {
    if (o instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
      return l.intValue();
    }
    if (o instanceof Short || o instanceof Byte) {
      return ((Number) o).intValue();
    }
    return o;
  }

  private static List<Object> normalized(Object[] items) {
    List<Object> out = new ArrayList<>(items.length);
    for (Object o : items) {
      out.add(normalize(o));
    }
    return out;
  }

  /** A dict from alternating keys and values, in that order. */
  public static Map<Object, Object> dict(Object... keysAndValues) {
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(normalize(keysAndValues[i]), normalize(keysAndValues[i + 1]));
    }
    return map;
  }

  public static List<Object> list(Object... items) {
    return normalized(items);
  }

  public static Tuple tuple(Object... items) {
    return new Tuple(normalized(items));
  }

  /** A custom Python pytree node (see {@link PyNode}). */
  public static PyNode node(PyObject metadata, Object... children) {
    return new PyNode(metadata, normalized(children));
  }

  /** The metadata marker of a {@link PyNode}. */
  public static PyObject nodeMetadata(PyNode node) {
    return node.metadata();
  }

  /** Wraps a Python object that has no Java counterpart (see {@link PyObject}). */
  public static PyObject opaque(org.graalvm.polyglot.Value object) {
    return new PyObject(object);
  }

  /** The Python object inside {@link PyObject}. */
  public static org.graalvm.polyglot.Value unwrap(PyObject object) {
    return object.value();
  }

  /**
   * What a Java object is, for the Python side to convert it: {@code "none"}, {@code "value"} (an
   * array or tracer), {@code "dict"}, {@code "list"}, {@code "tuple"}, {@code "python"} (a
   * {@link PyObject}), {@code "node"} (a {@link PyNode}), {@code "kwargs"} (a {@link Kwargs}),
   * {@code "scalar"} (a Java number, boolean or string, which Python already
   * sees as its own) or {@code "java"} (any other Java object, handed to Python as it is).
   */
  public static String kind(Object o) {
    if (o == null) {
      return "none";
    }
    if (o instanceof Value) {
      return "value";
    }
    if (o instanceof Map) {
      return "dict";
    }
    if (o instanceof List) {
      return "list";
    }
    if (o instanceof Tuple) {
      return "tuple";
    }
    if (o instanceof PyObject) {
      return "python";
    }
    if (o instanceof PyNode) {
      return "node";
    }
    if (o instanceof Kwargs) {
      return "kwargs";
    }
    if (o instanceof Number || o instanceof Boolean || o instanceof String || o instanceof Character) {
      return "scalar";
    }
    return "java";
  }

  /** Keys then values of a map, in its order: {@code [k0, k1, ..., v0, v1, ...]}. */
  public static Object[] dictItems(Map<?, ?> map) {
    Object[] out = new Object[map.size() * 2];
    int i = 0;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      out[i] = e.getKey();
      out[map.size() + i] = e.getValue();
      i++;
    }
    return out;
  }

  /**
   * Keyword arguments from alternating names and values, for a jitted function (JAX traces them
   * unless they are {@code static_argnames}).
   */
  public static Kwargs kwargs(Object... namesAndValues) {
    return Kwargs.of(normalized(namesAndValues).toArray());
  }

  /** Names then values of keyword arguments, as {@link #dictItems}. */
  public static Object[] kwargsItems(Kwargs kwargs) {
    return dictItems(kwargs.values());
  }

  /** {@code jax.vjp(f, *primals, has_aux=hasAux)}. */
  public static VjpOutput vjp(TreeFunction f, boolean hasAux, Object... primals) {
    return Vjp.vjp(f, normalized(primals).toArray(), hasAux);
  }

  /** {@code jax.linearize(f, *primals, has_aux=hasAux)}. */
  public static dev.flaxj.transform.partial.LinearizeOutput linearize(TreeFunction f,
      boolean hasAux, Object... primals) {
    return dev.flaxj.transform.partial.Linearize.linearize(f, normalized(primals).toArray(), hasAux);
  }

  /**
   * {@code jax.jacfwd(f, argnums, has_aux=hasAux)}: {@code argnums} a single index when
   * {@code single}, else a tuple of them (the Jacobian is then a tuple per output leaf).
   */
  public static TreeFunction jacfwd(TreeFunction f, int[] argnums, boolean single, boolean hasAux) {
    return single ? Jvp.jacfwd(f, argnums[0], hasAux) : Jvp.jacfwd(f, argnums, hasAux);
  }

  /**
   * {@code print_saved_residuals}' residuals of {@code f} at {@code args}: argument leaves named
   * by {@code argNames}, and equation outputs located by calling the Python function
   * {@code where} (no arguments, returns {@code "file:line:col (function)"} or {@code ""}).
   */
  public static dev.flaxj.transform.remat.SavedResiduals savedResiduals(TreeFunction f,
      String[] argNames, org.graalvm.polyglot.Value where, Object... args) {
    return dev.flaxj.transform.remat.SavedResiduals.withPositions(f, List.of(argNames),
        () -> where.execute().asString(), normalized(args).toArray());
  }

  /** The items of a list or tuple, or the children of a {@link PyNode}. */
  public static Object[] items(Object sequence) {
    if (sequence instanceof Tuple t) {
      return t.items().toArray();
    }
    if (sequence instanceof PyNode n) {
      return n.children().toArray();
    }
    return ((List<?>) sequence).toArray();
  }

  /**
   * A Python callable as a {@link TreeFunction}. The callable receives Java objects and returns a
   * Java-convertible result; {@code jax._src.bridge.tree_function} wraps a Python function so
   * that it converts both ways.
   */
  public static TreeFunction treeFunction(org.graalvm.polyglot.Value callable) {
    return args -> toJava(callable.execute(args));
  }

  /** {@code jax.vmap(f, in_axes, out_axes)} with the axes' ints {@linkplain #normalize normalized}. */
  public static dev.flaxj.transform.batching.Vmap vmap(TreeFunction f, Object inAxes, Object outAxes) {
    return dev.flaxj.transform.Jax.vmap(f, normalize(inAxes), normalize(outAxes));
  }

  /**
   * Calls a Java {@link TreeFunction} (a transformed function, a vjp or jvp function). Through
   * this static door because Python cannot see methods of the lambda classes that implement it.
   */
  public static Object call(TreeFunction f, Object... args) {
    Object[] normalized = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      normalized[i] = normalize(args[i]);
    }
    return f.apply(normalized);
  }

  /** Runs a Java {@link dev.flaxj.nn.Initializer} (for the same reason as {@link #call}). */
  public static Value initialize(dev.flaxj.nn.Initializer init, Value key, int[] shape,
      dev.flaxj.array.DType dtype) {
    return init.init(key, shape, dtype);
  }

  /** A Python callable {@code (scope, *args)} as a {@link ScopeFunction}. */
  public static ScopeFunction scopeFunction(org.graalvm.polyglot.Value callable) {
    return (Scope scope, Object... args) -> {
      Object[] all = new Object[args.length + 1];
      all[0] = scope;
      System.arraycopy(args, 0, all, 1, args.length);
      return toJava(callable.execute(all));
    };
  }

  /** A list of Python callables as a list of {@link TreeFunction}s (for {@code lax.switch}). */
  public static List<TreeFunction> treeFunctions(org.graalvm.polyglot.Value... callables) {
    List<TreeFunction> out = new ArrayList<>(callables.length);
    for (org.graalvm.polyglot.Value c : callables) {
      out.add(treeFunction(c));
    }
    return out;
  }

  /**
   * The Java object a value returned from Python stands for: host objects as they are, None as
   * null, Python ints (as Integer when they fit), floats (as Double, even when whole), booleans and
   * strings as Java ones, anything else as a {@link PyObject}.
   */
  public static Object toJava(org.graalvm.polyglot.Value v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isHostObject()) {
      return v.asHostObject();
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isNumber()) {
      if ("float".equals(v.getMetaObject().getMetaSimpleName())) {
        return v.asDouble();
      }
      if (v.fitsInInt()) {
        return v.asInt();
      }
      if (v.fitsInLong()) {
        return v.asLong();
      }
      return v.asDouble();
    }
    if (v.isString()) {
      return v.asString();
    }
    return new PyObject(v);
  }
}
