package dev.flaxj.transform.partial;

import dev.flaxj.array.Value;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.JaxTypeError;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.tree.Flattened;
import dev.flaxj.tree.TreeDef;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A pytree function called on flat values, for reverse mode (JAX's {@code flatten_fun} with
 * {@code has_aux}): the flat result is the output's leaves followed by the array leaves of the
 * auxiliary data, so that partial evaluation computes the auxiliary data as known values. The
 * structures of the output and the auxiliary data are recorded by each call.
 */
final class AuxCall implements Function<List<Value>, List<Value>> {
  private final TreeFunction fn;
  private final TreeDef inTree;
  private final boolean hasAux;
  private TreeDef outTree;
  private Flattened aux;

  AuxCall(TreeFunction fn, TreeDef inTree, boolean hasAux) {
    this.fn = fn;
    this.inTree = inTree;
    this.hasAux = hasAux;
  }

  @Override
  public List<Value> apply(List<Value> flatArgs) {
    Tuple args = (Tuple) inTree.unflatten(flatArgs);
    Object out = fn.apply(args.items().toArray());
    List<Value> values = new ArrayList<>();
    if (hasAux) {
      List<?> pair = out instanceof Tuple ? ((Tuple) out).items()
          : out instanceof List ? (List<?>) out : null;
      if (pair == null || pair.size() != 2) {
        throw new JaxTypeError("expected function with aux output to return a "
            + "two-element tuple, but got type " + typeName(out) + " with value " + out);
      }
      out = pair.get(0);
      aux = Trees.flatten(pair.get(1));
    }
    Flattened flat = Trees.flatten(out);
    outTree = flat.treedef();
    for (Object leaf : flat.leaves()) {
      values.add(FlatFunction.asValue(leaf));
    }
    if (hasAux) {
      for (Object leaf : aux.leaves()) {
        if (leaf instanceof Value) {
          values.add((Value) leaf);
        }
      }
    }
    return values;
  }

  /** The number of output leaves of the last call (the rest of the flat result is aux). */
  int numOutputs() {
    return outTree().numLeaves();
  }

  TreeDef outTree() {
    if (outTree == null) {
      throw new IllegalStateException("the function has not been called yet");
    }
    return outTree;
  }

  /**
   * The auxiliary data of the last call (null without {@code hasAux}), its array leaves replaced
   * by {@code auxValues} (their values as computed by the transformation, in order).
   */
  Object aux(List<Value> auxValues) {
    if (!hasAux) {
      return null;
    }
    List<Object> leaves = new ArrayList<>(aux.leaves().size());
    int k = 0;
    for (Object leaf : aux.leaves()) {
      leaves.add(leaf instanceof Value ? auxValues.get(k++) : leaf);
    }
    return aux.treedef().unflatten(leaves);
  }

  /** Python's {@code type(out)} for the pytree containers, else the Java class's simple name. */
  private static String typeName(Object out) {
    String python = out instanceof Tuple ? "tuple" : out instanceof List ? "list"
        : out instanceof java.util.Map ? "dict" : null;
    return out == null ? "<class 'NoneType'>" : python != null ? "<class '" + python + "'>"
        : out.getClass().getSimpleName();
  }
}
