package dev.flaxj.core;

import dev.flaxj.errors.PartitioningUnspecifiedError;
import dev.flaxj.tree.Children;
import dev.flaxj.tree.NodeRegistry;
import dev.flaxj.tree.NodeType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Flax's {@code flax.core.meta.Partitioned}: a value with one logical axis name (or null) per axis.
 * Lifted transforms insert or remove the name given as {@code metadata_params["partition_name"]}.
 * A pytree node with the value as its only child and the names as static data.
 */
public record Partitioned(Object value, List<String> names) implements AxisMetadata {
  /** The key of the axis name in {@code metadata_params}. */
  public static final String PARTITION_NAME = "partition_name";

  static {
    NodeRegistry.register(NodeType.of(Partitioned.class, p -> Children.of(p.names(), List.of(p.value())),
        (meta, children) -> new Partitioned(children.get(0), castNames(meta))));
  }

  public Partitioned {
    names = Collections.unmodifiableList(new ArrayList<>(names));
  }

  @Override
  public Object unbox() {
    return value;
  }

  @Override
  public Partitioned replaceBoxed(Object v) {
    return new Partitioned(v, names);
  }

  @Override
  public Partitioned addAxis(int index, Map<String, Object> params) {
    String axisName = partitionName(params);
    List<String> n = new ArrayList<>(names);
    while (n.size() < index) {
      n.add(null);
    }
    n.add(index, axisName);
    return new Partitioned(value, n);
  }

  @Override
  public Partitioned removeAxis(int index, Map<String, Object> params) {
    String axisName = partitionName(params);
    List<String> n = new ArrayList<>(names);
    String removed = n.remove(index);
    if (!java.util.Objects.equals(removed, axisName)) {
      throw new IllegalStateException("Partitioned.removeAxis: axis " + index + " is named " + removed
          + ", not " + axisName);
    }
    return new Partitioned(value, n);
  }

  private String partitionName(Map<String, Object> params) {
    if (!params.containsKey(PARTITION_NAME)) {
      throw new PartitioningUnspecifiedError(this);
    }
    return (String) params.get(PARTITION_NAME);
  }

  @SuppressWarnings("unchecked")
  private static List<String> castNames(Object meta) {
    return (List<String>) meta;
  }

  @Override
  public String toString() {
    return "Partitioned(value=" + value + ", names=" + pyNames() + ", mesh=None)";
  }

  private String pyNames() {
    List<String> items = new ArrayList<>();
    names.forEach(n -> items.add(n == null ? "None" : "'" + n + "'"));
    return "(" + String.join(", ", items) + (names.size() == 1 ? ",)" : ")");
  }
}
