package dev.flaxj.core;

import dev.flaxj.array.Value;
import dev.flaxj.errors.PyValueError;
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
  private Map<String, Object> metadataParams = Map.of();

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

  /** Passed to the {@link AxisMetadata} boxes of mapped collections (e.g. {@code partition_name}). */
  public LiftVmap metadataParams(Map<String, Object> params) {
    metadataParams = Map.copyOf(params);
    return this;
  }

  /** The vectorised scope function. */
  public ScopeFunction build(ScopeFunction fn) {
    return buildTree(ScopeTreeFunction.of(fn)).onScope();
  }

  /** The vectorised function of a scope tree (every scope's groups mapped alike). */
  public ScopeTreeFunction buildTree(ScopeTreeFunction fn) {
    List<Object> varFilters = new ArrayList<>(variableAxes.keySet());
    List<Integer> varAxes = new ArrayList<>(variableAxes.values());
    List<Object> rngFilters = new ArrayList<>(splitRngs.keySet());
    List<Boolean> splits = new ArrayList<>(splitRngs.values());
    List<Object> rngAxes = new ArrayList<>();
    splits.forEach(s -> rngAxes.add(s ? 0 : null));
    Pack.Body body = (pack, variableGroups, rngGroups, args) -> {
      int n = batchSize(varAxes, variableGroups, args);
      List<Object> rngs = Pack.splitRngs(rngGroups, splits, n);
      List<Object> inGroups = new ArrayList<>();
      for (int i = 0; i < variableGroups.size(); i++) {
        Integer axis = varAxes.get(i);
        inGroups.add(axis == null ? variableGroups.get(i) : Meta.removeAxis(variableGroups.get(i), axis, metadataParams));
      }
      Vmap mapped = Vmap.vmap(a -> {
        Object inner = pack.innerScopes((List<?>) a[0], (List<?>) a[1]);
        Object y = fn.apply(inner, ((Tuple) a[2]).items().toArray());
        return Tuple.of(y, pack.repack(inner));
      }).inAxes(Tuple.of(varAxes, rngAxes, inAxes)).outAxes(Tuple.of(outAxes, varAxes));
      if (axisSize != null) {
        mapped = mapped.axisSize(axisSize);
      }
      if (axisName != null) {
        mapped = mapped.axisName(axisName);
      }
      Tuple out = (Tuple) mapped.apply(inGroups, rngs, Tuple.of(args));
      List<Object> outGroups = new ArrayList<>();
      List<?> mappedOut = (List<?>) out.get(1);
      for (int i = 0; i < mappedOut.size(); i++) {
        Integer axis = varAxes.get(i);
        outGroups.add(axis == null ? mappedOut.get(i) : Meta.addAxis(mappedOut.get(i), axis, metadataParams));
      }
      return Tuple.of(out.get(0), outGroups);
    };
    return Pack.pack("vmap", body, varFilters, varFilters, rngFilters);
  }

  /**
   * The batch size, as Flax finds it: the size of the mapped axis of the first leaf under every
   * leaf of the axes prefix trees (per variable group, and {@code in_axes} over the arguments);
   * these must agree.
   */
  private int batchSize(List<Integer> varAxes, List<Object> groups, Object[] args) {
    Set<Integer> sizes = new TreeSet<>();
    for (int i = 0; i < groups.size(); i++) {
      firstLeafSizes(varAxes.get(i), groups.get(i), sizes);
    }
    firstLeafSizes(inAxes, Tuple.of(args), sizes);
    if (sizes.size() > 1) {
      throw new PyValueError("Inconsistent batch axis sizes: " + pySet(sizes));
    }
    if (sizes.size() == 1 && axisSize == null) {
      return sizes.iterator().next();
    }
    if (axisSize == null) {
      throw new PyValueError("axis_size should be specified manually.");
    }
    return axisSize;
  }

  private static void firstLeafSizes(Object axes, Object tree, Set<Integer> sizes) {
    if (axes == null) {
      return;
    }
    if (axes instanceof Integer axis) {
      List<Object> leaves = Trees.leaves(tree);
      if (!leaves.isEmpty()) {
        sizes.add(axisLength((Value) leaves.get(0), axis));
      }
      return;
    }
    if (axes instanceof Map<?, ?> m) {
      m.forEach((k, a) -> firstLeafSizes(a, ((Map<?, ?>) tree).get(k), sizes));
      return;
    }
    List<?> axisItems = axes instanceof Tuple t ? t.items() : (List<?>) axes;
    List<?> treeItems = tree instanceof Tuple t ? t.items() : (List<?>) tree;
    for (int i = 0; i < axisItems.size(); i++) {
      firstLeafSizes(axisItems.get(i), treeItems.get(i), sizes);
    }
  }

  static int axisLength(Value x, int axis) {
    return x.shape().dim(axis < 0 ? axis + x.rank() : axis);
  }

  static String pySet(Set<Integer> sizes) {
    return sizes.toString().replace('[', '{').replace(']', '}');
  }
}
