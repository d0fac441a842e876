package dev.flaxj.python;

import dev.flaxj.tree.Children;
import dev.flaxj.tree.NodeRegistry;
import dev.flaxj.tree.NodeType;
import java.util.List;

/**
 * A custom pytree node of Python ({@code jax.tree_util.register_pytree_node}) on its way through
 * Java: its children, and as metadata the Python side's marker for its type and static data.
 */
public record PyNode(PyObject metadata, List<Object> children) {
  static {
    NodeRegistry.register(NodeType.of(PyNode.class,
        node -> Children.of(node.metadata(), node.children()),
        (metadata, children) -> new PyNode((PyObject) metadata, children)));
  }

  public PyNode {
    children = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(children));
  }
}
