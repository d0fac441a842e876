package dev.flaxj.transform;

import dev.flaxj.array.Value;
import dev.flaxj.tree.Flattened;
import dev.flaxj.tree.TreeDef;
import dev.flaxj.tree.Trees;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link TreeFunction} seen as a function of flat value lists (JAX's {@code flatten_fun}): the
 * arguments' structure is fixed when it is made; the output structure is recorded by each call
 * and read with {@link #outTree()}.
 */
public final class FlatFunction {
  private final TreeFunction fn;
  private final TreeDef inTree;
  private TreeDef outTree;

  public FlatFunction(TreeFunction fn, TreeDef inTree) {
    this.fn = fn;
    this.inTree = inTree;
  }

  /** Flattens positional arguments (as one tuple of pytrees) into leaves and their structure. */
  public static Flattened flattenArgs(Object... args) {
    return Trees.flatten(dev.flaxj.tree.Tuple.of(args));
  }

  /** Calls the function on the unflattened leaves and flattens its result. */
  public List<Value> call(List<? extends Value> flatArgs) {
    dev.flaxj.tree.Tuple args = (dev.flaxj.tree.Tuple) inTree.unflatten(flatArgs);
    Object out = fn.apply(args.items().toArray());
    Flattened flat = Trees.flatten(out);
    outTree = flat.treedef();
    List<Value> values = new ArrayList<>(flat.leaves().size());
    for (Object leaf : flat.leaves()) {
      values.add(asValue(leaf));
    }
    return values;
  }

  public TreeDef inTree() {
    return inTree;
  }

  /** The structure of the last call's result. */
  public TreeDef outTree() {
    if (outTree == null) {
      throw new IllegalStateException("the function has not been called yet");
    }
    return outTree;
  }

  /** A leaf as a value: values as they are, Java numbers and booleans as weakly typed scalars. */
  public static Value asValue(Object leaf) {
    if (leaf instanceof Value) {
      return (Value) leaf;
    }
    if (leaf instanceof Integer || leaf instanceof Long || leaf instanceof Short || leaf instanceof Byte) {
      return dev.flaxj.array.Array.weak(((Number) leaf).intValue());
    }
    if (leaf instanceof Number) {
      return dev.flaxj.array.Array.weak(((Number) leaf).doubleValue());
    }
    if (leaf instanceof Boolean) {
      return dev.flaxj.array.Array.scalar((Boolean) leaf);
    }
    throw new IllegalArgumentException("expected an array, a tracer or a Java number as a pytree leaf, got "
        + (leaf == null ? "None" : leaf.getClass().getName()));
  }
}
