package dev.flaxj.transform.jvp;

import dev.flaxj.array.Value;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.MainTrace;
import dev.flaxj.transform.Tracer;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.tree.Flattened;
import dev.flaxj.tree.TreeDef;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A pytree function called on flat values under {@code jvp} (JAX's {@code flatten_fun} with
 * {@code has_aux}): records the structure of the output and, with {@code hasAux}, splits off the
 * auxiliary data, whose tracers of this {@code jvp} are replaced by their primals.
 */
final class TreeCall implements Function<List<Value>, List<Value>> {
  private final TreeFunction fn;
  private final TreeDef inTree;
  private final boolean hasAux;
  private TreeDef outTree;
  private Object aux;

  TreeCall(TreeFunction fn, TreeDef inTree, boolean hasAux) {
    this.fn = fn;
    this.inTree = inTree;
    this.hasAux = hasAux;
  }

  @Override
  public List<Value> apply(List<Value> flatArgs) {
    Tuple args = (Tuple) inTree.unflatten(flatArgs);
    Object out = fn.apply(args.items().toArray());
    if (hasAux) {
      List<?> pair = pair(out);
      MainTrace ours = flatArgs.isEmpty() ? null : ((Tracer) flatArgs.get(0)).trace().main();
      aux = Trees.map(leaf -> primalIfOf(leaf, ours), pair.get(1));
      out = pair.get(0);
    }
    Flattened flat = Trees.flatten(out);
    outTree = flat.treedef();
    List<Value> values = new ArrayList<>(flat.leaves().size());
    for (Object leaf : flat.leaves()) {
      values.add(FlatFunction.asValue(leaf));
    }
    return values;
  }

  TreeDef outTree() {
    return outTree;
  }

  /** The auxiliary data of the last call (with {@code hasAux}). */
  Object aux() {
    return aux;
  }

  private static List<?> pair(Object out) {
    List<?> items = out instanceof Tuple ? ((Tuple) out).items()
        : out instanceof List ? (List<?>) out : null;
    if (items == null || items.size() != 2) {
      throw new IllegalArgumentException("has_aux=True requires the function to return a pair "
          + "(output, aux), got " + (out == null ? "None" : describe(out)));
    }
    return items;
  }

  private static String describe(Object out) {
    return out instanceof Value ? ((Value) out).aval().str()
        : out instanceof Tuple ? "a tuple of " + ((Tuple) out).size()
        : out instanceof List ? "a list of " + ((List<?>) out).size()
        : out.getClass().getSimpleName();
  }

  private static Object primalIfOf(Object leaf, MainTrace main) {
    return leaf instanceof JvpTracer && ((JvpTracer) leaf).trace().main() == main
        ? ((JvpTracer) leaf).primal() : leaf;
  }
}
