package dev.flaxj.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * One depth-first walk over a pytree collecting its leaves, optionally their key paths, and its
 * {@link TreeDef}. With {@code noneIsLeaf}, null is a leaf rather than an empty node (the reading
 * of prefix trees such as in_axes, where None means "not mapped").
 */
final class Flattener {
  private final boolean noneIsLeaf;
  private final List<Object> leaves = new ArrayList<>();
  private final List<KeyPath> paths;
  private final TreeDef treedef;

  Flattener(Object tree, boolean noneIsLeaf, boolean recordPaths) {
    this.noneIsLeaf = noneIsLeaf;
    this.paths = recordPaths ? new ArrayList<>() : null;
    this.treedef = walk(tree, recordPaths ? KeyPath.ROOT : null);
  }

  TreeDef treedef() {
    return treedef;
  }

  /** The leaves in order; may hold null only when None is read as a leaf. */
  List<Object> leaves() {
    return leaves;
  }

  /** The key path of each leaf; only when recorded. */
  List<KeyPath> paths() {
    return paths;
  }

  private TreeDef walk(Object tree, KeyPath path) {
    NodeType<?> type = tree == null && noneIsLeaf ? null : NodeRegistry.lookup(tree);
    if (type == null) {
      leaves.add(tree);
      if (paths != null) {
        paths.add(path);
      }
      return TreeDef.LEAF;
    }
    Children children = type.children(tree);
    List<TreeDef> childDefs = new ArrayList<>(children.size());
    for (int i = 0; i < children.size(); i++) {
      childDefs.add(walk(children.values().get(i), path == null ? null : path.then(children.keys().get(i))));
    }
    return TreeDef.node(type, children.metadata(), childDefs);
  }
}
