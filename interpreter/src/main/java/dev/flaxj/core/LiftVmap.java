package dev.flaxj.core;

import dev.flaxj.array.Value;
import dev.flaxj.transform.batching.Vmap;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Flax's lifted {@code vmap} ({@code flax.core.lift.vmap}): {@code jax.vmap} of a function of a
 * scope. Collections matched by a {@code variableAxes} filter are mapped along the given axis (or
 * shared when the axis is null); RNG streams matched by a {@code splitRngs} filter set to true get
 * one key per batch index (their base key split), the others are shared. Build with the setters,
 * then {@link #build}.
 */
public final class LiftVmap {
  private final Map<Object, Integer> variableAxes = new LinkedHashMap<>();
  private final Map<Object, Boolean> splitRngs = new LinkedHashMap<>();
  private Object inAxes = 0;
  private Object outAxes = 0;
  private Integer axisSize;
  private String axisName;

  private LiftVmap() {}

  public static LiftVmap vmap() {
    return new LiftVmap();
  }

  /** Maps the collections {@code filter} matches along {@code axis} (null: shared, broadcast). */
  public LiftVmap variableAxes(Object filter, Integer axis) {
    variableAxes.put(filter, axis);
    return this;
  }

  /** Whether the RNG streams {@code filter} matches differ per batch index. */
  public LiftVmap splitRngs(Object filter, boolean split) {
    splitRngs.put(filter, split);
    return this;
  }

  /** The in_axes of the positional arguments after the scope, as jax.vmap takes them. */
  public LiftVmap inAxes(Object inAxes) {
    this.inAxes = inAxes;
    return this;
  }

  public LiftVmap outAxes(Object outAxes) {
    this.outAxes = outAxes;
    return this;
  }

  /** The batch size; needed only when no mapped input gives it. */
  public LiftVmap axisSize(Integer axisSize) {
    this.axisSize = axisSize;
    return this;
  }

  public LiftVmap axisName(String axisName) {
    this.axisName = axisName;
    return this;
  }

  /** The vectorised scope function. */
  public ScopeFunction build(ScopeFunction fn) {
    List<Object> varFilters = new ArrayList<>(variableAxes.keySet());
    List<Integer> varAxes = new ArrayList<>(variableAxes.values());
    List<Object> rngFilters = new ArrayList<>(splitRngs.keySet());
    List<Boolean> splits = new ArrayList<>(splitRngs.values());
    List<Object> rngAxes = new ArrayList<>();
    splits.forEach(s -> rngAxes.add(s ? 0 : null));
    Pack.Body body = (pack, variableGroups, rngGroups, args) -> {
      int n = batchSize(varAxes, variableGroups, args);
      List<Map<String, Value>> rngs = Pack.splitRngs(rngGroups, splits, n);
      Vmap mapped = Vmap.vmap(a -> {
        Scope inner = pack.innerScope((List<?>) a[0], (List<?>) a[1]);
        Object y = fn.apply(inner, ((Tuple) a[2]).items().toArray());
        return Tuple.of(y, pack.repack(inner));
      }).inAxes(Tuple.of(varAxes, rngAxes, inAxes)).outAxes(Tuple.of(outAxes, varAxes));
      if (axisSize != null) {
        mapped = mapped.axisSize(axisSize);
      }
      if (axisName != null) {
        mapped = mapped.axisName(axisName);
      }
      return (Tuple) mapped.apply(variableGroups, rngs, Tuple.of(args));
    };
    return Pack.pack(body, varFilters, varFilters, rngFilters);
  }

  /** The batch size: the size of every mapped axis of the variables and arguments, which must agree. */
  private int batchSize(List<Integer> varAxes, List<Map<String, Object>> groups, Object[] args) {
    Set<Integer> sizes = new TreeSet<>();
    for (int i = 0; i < groups.size(); i++) {
      List<Object> leaves = Trees.leaves(groups.get(i));
      if (varAxes.get(i) != null && !leaves.isEmpty()) {
        sizes.add(axisLength((Value) leaves.get(0), varAxes.get(i)));
      }
    }
    Tuple argsList = Tuple.of(args);
    List<Object> axes = Trees.broadcastPrefix(inAxes, argsList);
    List<Object> leaves = Trees.leaves(argsList);
    for (int i = 0; i < leaves.size(); i++) {
      if (axes.get(i) != null) {
        sizes.add(axisLength((Value) leaves.get(i), (Integer) axes.get(i)));
      }
    }
    if (sizes.size() > 1) {
      throw new IllegalArgumentException("Inconsistent batch axis sizes: " + pySet(sizes));
    }
    if (sizes.size() == 1 && axisSize == null) {
      return sizes.iterator().next();
    }
    if (axisSize == null) {
      throw new IllegalArgumentException("axis_size should be specified manually.");
    }
    return axisSize;
  }

  static int axisLength(Value x, int axis) {
    return x.shape().dim(axis < 0 ? axis + x.rank() : axis);
  }

  static String pySet(Set<Integer> sizes) {
    return sizes.toString().replace('[', '{').replace(']', '}');
  }
}
