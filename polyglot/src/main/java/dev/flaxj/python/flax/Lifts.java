package dev.flaxj.python.flax;

import dev.flaxj.core.LiftCheckpoint;
import dev.flaxj.core.LiftJit;
import dev.flaxj.core.LiftMapVariables;
import dev.flaxj.core.LiftRematScan;
import dev.flaxj.core.LiftScan;
import dev.flaxj.core.LiftVmap;
import dev.flaxj.core.ScopeFunction;
import dev.flaxj.core.ScopeTreeFunction;
import dev.flaxj.errors.PyNotImplementedError;
import dev.flaxj.python.PyBridge;
import dev.flaxj.transform.remat.CheckpointPolicy;
import dev.flaxj.tree.Tuple;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.graalvm.polyglot.Value;

/**
 * Builds the core lifted transform that a Python {@code flax.linen} transform names, from the
 * keyword arguments the Python side collected: a map of Flax's argument names to Java values
 * (filters as Boolean/String/List/DenyList; {@code variable_axes} and {@code split_rngs} as
 * lists of {@code (filter, value)} pairs in the user's order).
 */
final class Lifts {
  private Lifts() {}

  static ScopeFunction build(String kind, Map<?, ?> o, ScopeFunction body) {
    return switch (kind) {
      case "vmap" -> vmap(o).build(body);
      case "scan" -> scan(o).build(body);
      case "checkpoint" -> checkpoint(o).build(body);
      case "jit" -> jit(o).build(body);
      case "remat_scan" -> rematScan(o).build(body);
      case "map_variables" -> mapVariables(o).build(body);
      default -> throw new IllegalArgumentException("unknown lifted transform " + kind);
    };
  }

  /** The same transforms over a scope tree (for modules passed as arguments). */
  static ScopeTreeFunction buildTree(String kind, Map<?, ?> o, ScopeTreeFunction body) {
    return switch (kind) {
      case "vmap" -> vmap(o).buildTree(body);
      case "scan" -> scan(o).buildTree(body);
      case "checkpoint" -> checkpoint(o).buildTree(body);
      case "remat_scan" -> rematScan(o).buildTree(body);
      case "map_variables" -> mapVariables(o).buildTree(body);
      default -> throw new PyNotImplementedError("flaxj: nn." + kind
          + " does not support Modules passed as arguments");
    };
  }

  private static LiftVmap vmap(Map<?, ?> o) {
    LiftVmap v = LiftVmap.vmap();
    for (Tuple p : pairs(o.get("variable_axes"))) {
      v.variableAxes(p.get(0), (Integer) p.get(1));
    }
    for (Tuple p : pairs(o.get("split_rngs"))) {
      v.splitRngs(p.get(0), (Boolean) p.get(1));
    }
    v.inAxes(o.get("in_axes")).outAxes(o.get("out_axes")).axisSize((Integer) o.get("axis_size"));
    if (o.get("axis_name") != null) {
      v.axisName((String) o.get("axis_name"));
    }
    return v.metadataParams(metadataParams(o));
  }

  private static LiftScan scan(Map<?, ?> o) {
    LiftScan s = LiftScan.scan();
    for (Tuple p : pairs(o.get("variable_axes"))) {
      s.variableAxes(p.get(0), (Integer) p.get(1));
    }
    for (Tuple p : pairs(o.get("split_rngs"))) {
      s.splitRngs(p.get(0), (Boolean) p.get(1));
    }
    return s.variableBroadcast(o.get("variable_broadcast"))
        .variableCarry(o.get("variable_carry"))
        .inAxes(o.get("in_axes"))
        .outAxes(o.get("out_axes"))
        .length((Integer) o.get("length"))
        .reverse((Boolean) o.get("reverse"))
        .unroll(o.get("unroll"))
        .checkConstancyInvariants((Boolean) o.get("check_constancy_invariants"))
        .metadataParams(metadataParams(o))
        .dataTransform(dataTransform(o.get("data_transform")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> metadataParams(Map<?, ?> o) {
    Object params = o.get("metadata_params");
    return params == null ? Map.of() : (Map<String, Object>) params;
  }

  /**
   * Flax's {@code data_transform}, a Python function of the variable groups and RNG groups (as
   * tuples) returning both, as the core's transform of lists.
   */
  private static LiftScan.DataTransform dataTransform(Object fn) {
    if (fn == null) {
      return null;
    }
    Value f = ((dev.flaxj.python.PyObject) fn).value();
    return (variableGroups, rngGroups) -> {
      Tuple out = (Tuple) PyBridge.toJava(
          f.execute(new Tuple(variableGroups), new Tuple(rngGroups)));
      return Tuple.of(items(out.get(0)), items(out.get(1)));
    };
  }

  private static List<Object> items(Object seq) {
    return new java.util.ArrayList<>(seq instanceof Tuple t ? t.items() : (List<?>) seq);
  }

  private static LiftCheckpoint checkpoint(Map<?, ?> o) {
    return LiftCheckpoint.checkpoint()
        .variables(o.get("variables"))
        .rngs(o.get("rngs"))
        .preventCse((Boolean) o.get("prevent_cse"))
        .staticArgnums(ints(o.get("static_argnums")))
        .policy((CheckpointPolicy) o.get("policy"));
  }

  private static LiftJit jit(Map<?, ?> o) {
    return LiftJit.jit()
        .variables(o.get("variables"))
        .rngs(o.get("rngs"))
        .staticArgnums(ints(o.get("static_argnums")))
        .donateArgnums(ints(o.get("donate_argnums")));
  }

  /**
   * {@code nn.jit} as the linen transform (with Flax's RNG forking and compilation cache), for the
   * method form; {@code static_argnums} count the module as argument 0.
   */
  static dev.flaxj.linen.transforms.Jit linenJit(Map<?, ?> o) {
    return dev.flaxj.linen.transforms.Jit.jit()
        .variables(o.get("variables"))
        .rngs(o.get("rngs"))
        .staticArgnums(ints(o.get("static_argnums")))
        .donateArgnums(ints(o.get("donate_argnums")));
  }

  private static LiftRematScan rematScan(Map<?, ?> o) {
    LiftRematScan r = LiftRematScan.rematScan(ints(o.get("lengths")))
        .variableBroadcast(o.get("variable_broadcast"))
        .variableCarry(o.get("variable_carry"))
        .policy((CheckpointPolicy) o.get("policy"));
    Map<Object, Integer> axes = new LinkedHashMap<>();
    pairs(o.get("variable_axes")).forEach(p -> axes.put(p.get(0), (Integer) p.get(1)));
    Map<Object, Boolean> splits = new LinkedHashMap<>();
    pairs(o.get("split_rngs")).forEach(p -> splits.put(p.get(0), (Boolean) p.get(1)));
    return r.variableAxes(axes).splitRngs(splits);
  }

  private static LiftMapVariables mapVariables(Map<?, ?> o) {
    return LiftMapVariables.mapVariables(o.get("mapped_collections"))
        .mapInFn(function(o.get("trans_in_fn")))
        .mapOutFn(function(o.get("trans_out_fn")))
        .init((Boolean) o.get("init"))
        .mutable((Boolean) o.get("mutable"))
        .rngs(o.get("rngs"))
        .variables(o.get("variables"));
  }

  /** A Python function of one Java tree (already converting both ways) as a Java function. */
  private static UnaryOperator<Object> function(Object fn) {
    Value f = ((dev.flaxj.python.PyObject) fn).value();
    return x -> PyBridge.toJava(f.execute(x));
  }

  @SuppressWarnings("unchecked")
  static List<Tuple> pairs(Object list) {
    return list == null ? List.of() : (List<Tuple>) (List<?>) list;
  }

  static int[] ints(Object seq) {
    if (seq == null) {
      return new int[0];
    }
    List<?> items = seq instanceof Tuple t ? t.items() : (List<?>) seq;
    return items.stream().mapToInt(i -> ((Number) i).intValue()).toArray();
  }
}
