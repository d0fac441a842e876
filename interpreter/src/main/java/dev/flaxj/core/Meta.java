package dev.flaxj.core;

import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** {@code flax.core.meta}'s tree functions: {@link AxisMetadata} boxes are the leaves they act on. */
public final class Meta {
  private Meta() {}

  /** {@code meta.add_axis}: every box in {@code tree} told that axis {@code index} was added. */
  public static Object addAxis(Object tree, int index, Map<String, Object> params) {
    return mapBoxes(tree, b -> b.addAxis(index, params));
  }

  /** {@code meta.remove_axis}: every box in {@code tree} told that axis {@code index} is mapped over. */
  public static Object removeAxis(Object tree, int index, Map<String, Object> params) {
    return mapBoxes(tree, b -> b.removeAxis(index, params));
  }

  /** {@code meta.unbox}: every box replaced by its value. */
  public static Object unbox(Object tree) {
    if (tree instanceof AxisMetadata box) {
      return box.unbox();
    }
    return mapChildren(tree, Meta::unbox);
  }

  private static Object mapBoxes(Object tree, UnaryOperator<AxisMetadata> fn) {
    if (tree instanceof AxisMetadata box) {
      return fn.apply(box);
    }
    return mapChildren(tree, t -> mapBoxes(t, fn));
  }

  private static Object mapChildren(Object tree, UnaryOperator<Object> fn) {
    if (tree instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(k, fn.apply(v)));
      return out;
    }
    if (tree instanceof Tuple t) {
      List<Object> out = new ArrayList<>();
      t.items().forEach(v -> out.add(fn.apply(v)));
      return new Tuple(out);
    }
    if (tree instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(fn.apply(v)));
      return out;
    }
    return tree;
  }
}
