package dev.flaxj.transform.custom;

import dev.flaxj.array.Value;
import dev.flaxj.tree.Flattened;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * The non-differentiated arguments of a custom_jvp call: the arrays among their leaves travel as
 * operands of the primitive (so that every transformation sees them at its own level); the other
 * leaves (functions, Java values) stay as they are.
 */
final class NondiffArgs {
  private final Flattened flat;
  private final List<Integer> valuePositions = new ArrayList<>();
  private final List<Value> values = new ArrayList<>();

  NondiffArgs(Object[] args) {
    flat = Trees.flatten(Tuple.of(args));
    for (int i = 0; i < flat.leaves().size(); i++) {
      if (flat.leaves().get(i) instanceof Value v) {
        valuePositions.add(i);
        values.add(v);
      }
    }
  }

  /** The array leaves, in order. */
  List<Value> values() {
    return values;
  }

  /** The arguments with their array leaves replaced by {@code newValues}. */
  Object[] rebuild(List<?> newValues) {
    List<Object> leaves = new ArrayList<>(flat.leaves());
    for (int i = 0; i < valuePositions.size(); i++) {
      leaves.set(valuePositions.get(i), newValues.get(i));
    }
    return ((Tuple) flat.treedef().unflatten(leaves)).items().toArray();
  }
}
