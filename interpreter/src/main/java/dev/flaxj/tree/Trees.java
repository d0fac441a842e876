package dev.flaxj.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * JAX's tree_util over plain Java objects. Nodes are String-keyed {@code Map}s (flattened in sorted
 * key order, rebuilt as sorted {@code LinkedHashMap}s), {@code List}s, {@link Tuple}s, null (None: a
 * node without children) and the types in {@link NodeRegistry}; everything else is a leaf.
 *
 * <p>The multi-tree maps follow jax.tree.map: the first tree's structure must be a prefix of every
 * other tree's, and where the first tree has a leaf the others may hold whole subtrees, which the
 * function receives as they are.
 */
public final class Trees {
  private Trees() {}

  public static Flattened flatten(Object tree) {
    Flattener flat = new Flattener(tree, false, false);
    return new Flattened(flat.leaves(), flat.treedef());
  }

  public static List<Object> leaves(Object tree) {
    return Collections.unmodifiableList(new Flattener(tree, false, false).leaves());
  }

  public static TreeDef structure(Object tree) {
    return new Flattener(tree, false, false).treedef();
  }

  /** A tree of the same structure with {@code fn} applied to every leaf. */
  @SuppressWarnings("unchecked")
  public static <A> Object map(Function<? super A, ?> fn, Object tree) {
    Flattener flat = new Flattener(tree, false, false);
    List<Object> results = new ArrayList<>(flat.leaves().size());
    for (Object leaf : flat.leaves()) {
      results.add(fn.apply((A) leaf));
    }
    return flat.treedef().unflatten(results);
  }

  /** {@code fn} applied to corresponding leaves of {@code tree} and (subtrees of) {@code other}. */
  @SuppressWarnings("unchecked")
  public static <A, B> Object map(BiFunction<? super A, ? super B, ?> fn, Object tree, Object other) {
    return mapN(args -> fn.apply((A) args.get(0), (B) args.get(1)), tree, other);
  }

  /** {@code fn} applied to the list of corresponding leaves of {@code tree} and every other tree. */
  public static Object mapN(Function<? super List<Object>, ?> fn, Object tree, Object... others) {
    Flattener flat = new Flattener(tree, false, false);
    List<List<Object>> columns = new ArrayList<>(others.length + 1);
    columns.add(flat.leaves());
    for (int i = 0; i < others.length; i++) {
      PrefixMatch match = new PrefixMatch("Trees.map", "tree 1", "tree " + (i + 2));
      columns.add(match.subtrees(flat.treedef(), others[i]));
    }
    List<Object> results = new ArrayList<>(flat.leaves().size());
    for (int leaf = 0; leaf < flat.leaves().size(); leaf++) {
      List<Object> args = new ArrayList<>(columns.size());
      for (List<Object> column : columns) {
        args.add(column.get(leaf));
      }
      results.add(fn.apply(Collections.unmodifiableList(args)));
    }
    return flat.treedef().unflatten(results);
  }

  /** Like {@link #map(Function, Object)}, also passing each leaf's key path (e.g. {@code ['a'][0]}). */
  @SuppressWarnings("unchecked")
  public static <A> Object mapWithPath(BiFunction<? super KeyPath, ? super A, ?> fn, Object tree) {
    Flattener flat = new Flattener(tree, false, true);
    List<Object> results = new ArrayList<>(flat.leaves().size());
    for (int i = 0; i < flat.leaves().size(); i++) {
      results.add(fn.apply(flat.paths().get(i), (A) flat.leaves().get(i)));
    }
    return flat.treedef().unflatten(results);
  }

  /**
   * One value per leaf of {@code full}, in its flattening order: each leaf of {@code prefix} is
   * repeated for every leaf of the subtree of {@code full} it covers. As in vmap's in_axes, null in
   * the prefix is a leaf value (it covers a whole subtree), so the result may hold nulls.
   */
  public static List<Object> broadcastPrefix(Object prefix, Object full) {
    Flattener prefixFlat = new Flattener(prefix, true, false);
    List<Object> subtrees = new PrefixMatch("Trees.broadcastPrefix", "the prefix tree", "the full tree")
        .subtrees(prefixFlat.treedef(), full);
    List<Object> perLeaf = new ArrayList<>();
    for (int i = 0; i < subtrees.size(); i++) {
      int count = structure(subtrees.get(i)).numLeaves();
      perLeaf.addAll(Collections.nCopies(count, prefixFlat.leaves().get(i)));
    }
    return Collections.unmodifiableList(perLeaf);
  }
}
