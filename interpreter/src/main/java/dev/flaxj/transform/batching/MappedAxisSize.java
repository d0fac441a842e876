package dev.flaxj.transform.batching;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.tree.KeyPath;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The size of the axis a {@code vmap} maps over, from its arguments' mapped axes and its
 * {@code axis_size}, with JAX's errors for an axis beyond an argument's rank, for inconsistent
 * sizes (listed per size, most common first, naming one argument each), and for nothing to map.
 */
final class MappedAxisSize {
  private MappedAxisSize() {}

  /**
   * @param args the positional arguments, as a tuple
   * @param leaves their leaves in flattening order
   * @param axes the in_axes entry (an Integer or null) for each leaf
   * @param axisSize the {@code axis_size} argument, or null
   */
  static int of(Tuple args, List<Object> leaves, List<Object> axes, Integer axisSize) {
    if (leaves.isEmpty()) {
      if (axisSize != null) {
        return axisSize;
      }
      throw new IllegalArgumentException("vmap wrapped function must be passed at least one "
          + "argument containing an array or axis_size must be specified, got empty *args="
          + args + " and **kwargs={}");
    }
    Integer[] sizes = new Integer[leaves.size()];
    for (int i = 0; i < sizes.length; i++) {
      if (axes.get(i) != null) {
        sizes[i] = sizeAlong(FlatFunction.asValue(leaves.get(i)), (Integer) axes.get(i));
      }
    }
    Set<Integer> distinct = new LinkedHashSet<>();
    for (Integer s : sizes) {
      if (s != null) {
        distinct.add(s);
      }
    }
    if (axisSize != null) {
      distinct.add(axisSize);
    }
    if (distinct.size() == 1) {
      return distinct.iterator().next();
    }
    if (distinct.isEmpty()) {
      throw new IllegalArgumentException("vmap must have at least one non-None value in in_axes "
          + "or axis_size must be specified");
    }
    throw new IllegalArgumentException(inconsistent(args, leaves, axes, sizes, axisSize));
  }

  /** The size of {@code x} along {@code axis} (negative counts from the end). */
  private static int sizeAlong(Value x, int axis) {
    int rank = x.rank();
    if (axis < -rank || axis >= rank) {
      int minRank = axis >= 0 ? axis + 1 : -axis;
      throw new IllegalArgumentException("vmap was requested to map its argument along axis "
          + axis + ", which implies that its rank should be at least " + minRank
          + ", but is only " + rank + " (its shape is " + x.shape() + ")");
    }
    return x.shape().dim(axis < 0 ? axis + rank : axis);
  }

  private static String inconsistent(Tuple args, List<Object> leaves, List<Object> axes,
      Integer[] sizes, Integer axisSize) {
    Map<Integer, Integer> counts = new LinkedHashMap<>();
    Map<Integer, Integer> firstLeaf = new LinkedHashMap<>();
    for (int i = 0; i < sizes.length; i++) {
      if (sizes[i] != null) {
        counts.merge(sizes[i], 1, Integer::sum);
        firstLeaf.putIfAbsent(sizes[i], i);
      }
    }
    List<Integer> bySize = new ArrayList<>(counts.keySet());
    bySize.sort((a, b) -> counts.get(b) - counts.get(a)); // stable: ties keep first-seen order
    List<String> names = argumentNames(args);
    StringBuilder msg =
        new StringBuilder("vmap got inconsistent sizes for array axes to be mapped:\n");
    if (axisSize != null) {
      msg.append("  * the `axis_size` argument was ").append(axisSize).append(";\n");
    }
    for (int k = 0; k < bySize.size(); k++) {
      int size = bySize.get(k);
      int count = counts.get(size);
      int leaf = firstLeaf.get(size);
      String example = "axis " + axes.get(leaf) + " of " + names.get(leaf) + " of type "
          + typeName(FlatFunction.asValue(leaves.get(leaf)).aval());
      if (count == 1) {
        msg.append("  * one axis had size ").append(size).append(": ").append(example);
      } else {
        msg.append("  * ").append(k == 0 ? "most" : "some").append(" axes (").append(count)
            .append(" of them) had size ").append(size).append(", e.g. ").append(example);
      }
      msg.append(";\n");
    }
    return msg.substring(0, msg.length() - 2);
  }

  /**
   * How JAX names each leaf when it cannot see parameter names (as for a Java lambda):
   * {@code args[0]}, {@code args[1]['w']}.
   */
  private static List<String> argumentNames(Tuple args) {
    List<String> names = new ArrayList<>();
    Trees.mapWithPath((KeyPath path, Object leaf) -> names.add("args" + path), args);
    return names;
  }

  /** JAX's {@code str_short}: {@code float32[3,4]}. */
  private static String typeName(ShapedArray aval) {
    StringBuilder s = new StringBuilder(aval.dtype().jaxName()).append('[');
    int[] dims = aval.shape().dims();
    for (int i = 0; i < dims.length; i++) {
      s.append(i == 0 ? "" : ",").append(dims[i]);
    }
    return s.append(']').toString();
  }
}
