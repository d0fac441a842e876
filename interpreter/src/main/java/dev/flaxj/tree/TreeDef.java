package dev.flaxj.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The structure of a pytree with its leaves left out: JAX's PyTreeDef. Two trees have equal
 * definitions exactly when they have the same node types, metadata (dict keys included) and
 * nesting.
 */
public final class TreeDef {
  static final TreeDef LEAF = new TreeDef(null, null, List.of());

  private final NodeType<?> type;
  private final Object metadata;
  private final List<TreeDef> children;
  private final int numLeaves;

  private TreeDef(NodeType<?> type, Object metadata, List<TreeDef> children) {
    this.type = type;
    this.metadata = metadata;
    this.children = List.copyOf(children);
    this.numLeaves = type == null ? 1 : this.children.stream().mapToInt(TreeDef::numLeaves).sum();
  }

  static TreeDef node(NodeType<?> type, Object metadata, List<TreeDef> children) {
    return new TreeDef(type, metadata, children);
  }

  public int numLeaves() {
    return numLeaves;
  }

  public boolean isLeaf() {
    return type == null;
  }

  NodeType<?> type() {
    return type;
  }

  Object metadata() {
    return metadata;
  }

  List<TreeDef> children() {
    return children;
  }

  /** Builds a tree of this structure with the given leaves, in flattening order. */
  public Object unflatten(List<?> leaves) {
    if (leaves.size() < numLeaves) {
      throw new IllegalArgumentException(
          "Too few leaves for " + this + "; expected " + numLeaves + ", got " + leaves.size());
    }
    if (leaves.size() > numLeaves) {
      throw new IllegalArgumentException(
          "Too many leaves for " + this + "; expected " + numLeaves + ", got " + leaves.size());
    }
    return build(leaves, 0);
  }

  private Object build(List<?> leaves, int start) {
    if (type == null) {
      return leaves.get(start);
    }
    List<Object> built = new ArrayList<>(children.size());
    int next = start;
    for (TreeDef child : children) {
      built.add(child.build(leaves, next));
      next += child.numLeaves;
    }
    return type.rebuild(metadata, built);
  }

  /**
   * The subtrees of {@code full} that sit where this structure has its leaves, in flattening order
   * (JAX's flatten_up_to): this structure must be a prefix of {@code full}'s.
   */
  public List<Object> flattenUpTo(Object full) {
    return new PrefixMatch("flattenUpTo", "the tree definition", "the tree").subtrees(this, full);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TreeDef other
        && type == other.type
        && numLeaves == other.numLeaves
        && Objects.equals(metadata, other.metadata)
        && children.equals(other.children);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type == null ? null : type.type(), metadata, children);
  }

  /**
   * JAX's repr, e.g. {@code PyTreeDef({'a': *, 'b': (*, None)})}; a custom node shows its type name,
   * its metadata's toString and its children: {@code CustomNode(FrozenDict[('a', 'b')], [[*], *])}.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("PyTreeDef(");
    render(out);
    return out.append(')').toString();
  }

  private void render(StringBuilder out) {
    if (type == null) {
      out.append('*');
    } else if (type == BuiltinNodes.NONE) {
      out.append("None");
    } else if (type == BuiltinNodes.DICT) {
      StringJoiner entries = new StringJoiner(", ", "{", "}");
      List<?> keys = (List<?>) metadata;
      for (int i = 0; i < children.size(); i++) {
        entries.add(PyRepr.of(keys.get(i)) + ": " + children.get(i).rendered());
      }
      out.append(entries);
    } else if (type == BuiltinNodes.LIST) {
      out.append(renderedChildren("[", "]"));
    } else if (type == BuiltinNodes.TUPLE) {
      out.append(renderedChildren("(", children.size() == 1 ? ",)" : ")"));
    } else {
      out.append("CustomNode(").append(type.name()).append('[').append(metadata == null ? "None" : metadata).append("], ")
          .append(renderedChildren("[", "]")).append(')');
    }
  }

  private String rendered() {
    StringBuilder out = new StringBuilder();
    render(out);
    return out.toString();
  }

  private String renderedChildren(String open, String close) {
    StringJoiner out = new StringJoiner(", ", open, close);
    children.forEach(child -> out.add(child.rendered()));
    return out.toString();
  }
}
