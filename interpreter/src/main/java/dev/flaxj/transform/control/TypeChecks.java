package dev.flaxj.transform.control;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.tree.TreeDef;
import dev.flaxj.tree.Trees;
import java.util.ArrayList;
import java.util.List;

/**
 * The type comparisons of the control-flow functions and JAX's messages for their failures
 * ({@code _check_branch_outputs}, {@code _check_carry_type}). JAX's messages also name the Python
 * functions involved ("true_fun is &lt;lambda&gt; at file:line"); Java lambdas carry no such
 * information, so those lines are left out.
 */
final class TypeChecks {
  private TypeChecks() {}

  /** JAX's {@code typematch}: same shape and dtype; the weak-type flag is ignored. */
  static boolean typeMatch(ShapedArray a, ShapedArray b) {
    return a.dtype() == b.dtype() && a.shape().equals(b.shape());
  }

  static boolean allMatch(List<ShapedArray> as, List<ShapedArray> bs) {
    if (as.size() != bs.size()) {
      return false;
    }
    for (int i = 0; i < as.size(); i++) {
      if (!typeMatch(as.get(i), bs.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** JAX's {@code str_short}: {@code float32[2,3]}. */
  static String typeStr(ShapedArray a) {
    StringBuilder s = new StringBuilder(a.dtype().jaxName()).append('[');
    int[] dims = a.shape().dims();
    for (int i = 0; i < dims.length; i++) {
      s.append(i == 0 ? "" : ",").append(dims[i]);
    }
    return s.append(']').toString();
  }

  /** Space-separated short types, as JAX's {@code _avals_short}. */
  static String typesStr(List<ShapedArray> avals) {
    List<String> parts = new ArrayList<>(avals.size());
    avals.forEach(a -> parts.add(typeStr(a)));
    return String.join(" ", parts);
  }

  /**
   * Checks that two branches' outputs have one structure and equal types, with JAX's wording:
   * {@code api} is {@code cond} or {@code switch}, the names {@code true_fun}, {@code branch 0}...
   */
  static void checkBranchOutputs(String api, String name1, String name2, TreeDef tree1,
      List<ShapedArray> avals1, TreeDef tree2, List<ShapedArray> avals2) {
    if (!tree1.equals(tree2)) {
      throw new ControlFlowTypeError(api + " branch outputs must have the same pytree structure, "
          + "but they differ:\n\n" + name1 + " output has pytree structure " + tree1 + " but "
          + name2 + " output has pytree structure " + tree2 + ".\n\nRevise " + name1 + " and/or "
          + name2 + " so that they have the same pytree structure.");
    }
    List<String> paths = leafPaths(tree1);
    List<String> diffs = new ArrayList<>();
    for (int i = 0; i < avals1.size(); i++) {
      ShapedArray a1 = avals1.get(i);
      ShapedArray a2 = avals2.get(i);
      if (!typeMatch(a1, a2)) {
        String at = paths.get(i).isEmpty() ? "" : " at path " + paths.get(i);
        diffs.add("the output of " + name1 + at + " has type " + typeStr(a1)
            + " but the corresponding output of " + name2 + " has type " + typeStr(a2)
            + mismatchExtra(a1, a2));
      }
    }
    if (diffs.isEmpty()) {
      return;
    }
    String differences;
    if (diffs.size() == 1) {
      differences = capitalize(diffs.get(0)) + ".\n";
    } else {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < diffs.size() - 1; i++) {
        b.append("  * ").append(diffs.get(i)).append(";\n");
      }
      differences = b.append("  * ").append(diffs.get(diffs.size() - 1)).append(".\n").toString();
    }
    throw new ControlFlowTypeError(api + " branches must have equal output types but they differ.\n\n"
        + differences + "\nRevise " + name1 + " and/or " + name2
        + " so that all output types match.");
  }

  /**
   * Checks that a loop body's carry output has the structure and types of its carry input, with
   * JAX's wording; {@code name} is {@code scan body} or {@code while_loop body}.
   */
  static void checkCarryType(String name, TreeDef inTree, List<ShapedArray> inAvals,
      TreeDef outTree, List<ShapedArray> outAvals) {
    if (!inTree.equals(outTree)) {
      throw new ControlFlowTypeError(name + " function carry input and carry output must have the "
          + "same pytree structure, but they differ:\n\nthe input tree structure is:\n" + inTree
          + "\nthe output tree structure is:\n" + outTree + "\n\nRevise the function so that the "
          + "carry output has the same pytree structure as the carry input.");
    }
    List<String> paths = leafPaths(inTree);
    List<String> diffs = new ArrayList<>();
    for (int i = 0; i < inAvals.size(); i++) {
      ShapedArray in = inAvals.get(i);
      ShapedArray out = outAvals.get(i);
      if (!typeMatch(in, out)) {
        String component = paths.get(i).isEmpty()
            ? "the input carry" : "the input carry at path " + paths.get(i);
        diffs.add(component + " has type " + typeStr(in)
            + " but the corresponding output carry component has type " + typeStr(out)
            + mismatchExtra(in, out));
      }
    }
    if (diffs.isEmpty()) {
      return;
    }
    String differences;
    if (diffs.size() == 1) {
      differences = capitalize(diffs.get(0)) + ".\n";
    } else {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < diffs.size() - 1; i++) {
        lines.add("  * " + diffs.get(i) + ";\n");
      }
      differences = String.join("\n", lines) + "  * " + diffs.get(diffs.size() - 1) + ".\n";
    }
    throw new ControlFlowTypeError(name + " function carry input and carry output must have equal "
        + "types, but they differ:\n\n" + differences + "\nRevise the function so that all output "
        + "types match the corresponding input types.");
  }

  /** JAX's {@code aval_mismatch_extra}: which of dtype and shape differ. */
  private static String mismatchExtra(ShapedArray a, ShapedArray b) {
    List<String> m = new ArrayList<>();
    if (a.dtype() != b.dtype()) {
      m.add("the dtypes do not match");
    }
    if (!a.shape().equals(b.shape())) {
      m.add("the shapes do not match");
    }
    if (m.isEmpty()) {
      return "";
    }
    return m.size() == 1 ? ", so " + m.get(0) : ", so " + m.get(0) + ", and " + m.get(1);
  }

  /** The key path of every leaf of {@code tree} ({@code ""} for a tree that is one leaf). */
  static List<String> leafPaths(TreeDef tree) {
    List<Object> placeholders = new ArrayList<>(tree.numLeaves());
    for (int i = 0; i < tree.numLeaves(); i++) {
      placeholders.add(i);
    }
    List<String> paths = new ArrayList<>(tree.numLeaves());
    Trees.mapWithPath((path, leaf) -> paths.add(path.toString()), tree.unflatten(placeholders));
    return paths;
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
