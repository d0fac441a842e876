package dev.flaxj.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks a tree definition and a tree together, collecting the subtrees of the tree that sit at the
 * definition's leaves (JAX's flatten_up_to). Any disagreement above those leaves is an
 * IllegalArgumentException that names the operation, the key path and both structures.
 */
final class PrefixMatch {
  private final String operation;
  private final String prefixName;
  private final String fullName;
  private final List<PathKey> path = new ArrayList<>();

  PrefixMatch(String operation, String prefixName, String fullName) {
    this.operation = operation;
    this.prefixName = prefixName;
    this.fullName = fullName;
  }

  List<Object> subtrees(TreeDef prefix, Object full) {
    List<Object> out = new ArrayList<>(prefix.numLeaves());
    walk(prefix, full, out, prefix, full);
    return out;
  }

  private void walk(TreeDef def, Object sub, List<Object> out, TreeDef rootDef, Object rootFull) {
    if (def.isLeaf()) {
      out.add(sub);
      return;
    }
    NodeType<?> type = def.type();
    NodeType<?> subType = NodeRegistry.lookup(sub);
    if (subType != type) {
      throw mismatch("different types: " + prefixName + " has " + describe(type) + " but " + fullName
          + " has " + (subType == null ? "a leaf of type " + sub.getClass().getSimpleName() : describe(subType)),
          rootDef, rootFull);
    }
    Children children = type.children(sub);
    if (type == BuiltinNodes.DICT && !children.sameMetadata(def.metadata())) {
      throw mismatch("dict key mismatch: the keys are " + PyRepr.of(def.metadata()) + " in " + prefixName
          + " but " + PyRepr.of(children.metadata()) + " in " + fullName, rootDef, rootFull);
    }
    if (!children.sameMetadata(def.metadata())) {
      throw mismatch("custom node metadata mismatch for " + type.name() + ": " + PyRepr.of(def.metadata())
          + " in " + prefixName + " but " + PyRepr.of(children.metadata()) + " in " + fullName, rootDef, rootFull);
    }
    if (children.size() != def.children().size()) {
      String what = type == BuiltinNodes.LIST || type == BuiltinNodes.TUPLE
          ? "different lengths of " + type.name()
          : "different numbers of " + type.name() + " children";
      throw mismatch(what + ": " + def.children().size() + " in " + prefixName + " but " + children.size() + " in " + fullName, rootDef, rootFull);
    }
    for (int i = 0; i < children.size(); i++) {
      path.add(children.keys().get(i));
      walk(def.children().get(i), children.values().get(i), out, rootDef, rootFull);
      path.remove(path.size() - 1);
    }
  }

  private static String describe(NodeType<?> type) {
    if (type == BuiltinNodes.NONE) {
      return "None";
    }
    boolean builtin = type == BuiltinNodes.DICT || type == BuiltinNodes.LIST || type == BuiltinNodes.TUPLE;
    return "a " + type.name() + (builtin ? "" : " node");
  }

  private IllegalArgumentException mismatch(String detail, TreeDef rootDef, Object rootFull) {
    String where = path.isEmpty() ? "at the root" : "at key path " + new KeyPath(path);
    return new IllegalArgumentException(operation + ": " + fullName + " does not match the structure of "
        + prefixName + " " + where + ": " + detail + ".\n  " + prefixName + ": " + rootDef + "\n  " + fullName
        + ": " + structureOrProblem(rootFull));
  }

  /** The full tree's structure for the message; a tree that cannot be flattened says why instead. */
  private static String structureOrProblem(Object tree) {
    try {
      return new Flattener(tree, false, false).treedef().toString();
    } catch (IllegalArgumentException e) {
      return "(not a pytree: " + e.getMessage() + ")";
    }
  }
}
