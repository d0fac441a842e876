package dev.flaxj.transform.custom;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.JaxTypeError;
import dev.flaxj.transform.jvp.Zero;
import dev.flaxj.tree.TreeDef;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Checks of what users' custom rules return, with JAX's messages (its TypeErrors). */
final class RuleOutputs {
  private RuleOutputs() {}

  /** The two elements of a rule's pair (a tuple or list of two), or JAX's error. */
  static List<Object> pair(Object out, String messagePrefix) {
    List<Object> items = out instanceof Tuple t ? t.items()
        : out instanceof List<?> l ? new ArrayList<>(l) : null;
    if (items == null || items.size() != 2) {
      throw new JaxTypeError(messagePrefix + out + ".");
    }
    return items;
  }

  static List<Value> values(List<Object> leaves) {
    List<Value> out = new ArrayList<>(leaves.size());
    for (Object leaf : leaves) {
      out.add(leaf instanceof Zero z ? z : FlatFunction.asValue(leaf));
    }
    return out;
  }

  /**
   * The primal outputs a rule computed must have the function's structure and types (weak types
   * aside). {@code what} starts JAX's message, up to the function's name.
   */
  static void checkPrimals(String what, TreeDef gotTree, List<Value> got, TreeDef wantTree,
      List<ShapedArray> want) {
    boolean sameTree = gotTree.equals(wantTree);
    boolean sameTypes = sameTree;
    for (int i = 0; sameTypes && i < got.size(); i++) {
      sameTypes = sameType(got.get(i).aval(), want.get(i));
    }
    if (sameTypes) {
      return;
    }
    String property = sameTree ? "with leaves of the same shape/dtype"
        : "of the same container/pytree structure";
    String kind = sameTree ? "shapes/dtypes of" : "container/pytree structure";
    List<ShapedArray> gotAvals = new ArrayList<>();
    got.forEach(v -> gotAvals.add(v.aval()));
    throw new JaxTypeError(what + ", and in particular " + property + "), but instead the "
        + "rule output's first element had " + kind + ":\n    " + typeTree(gotTree, gotAvals)
        + "\nwhile the function had output " + kind + ":\n    " + typeTree(wantTree, want));
  }

  /** Each tangent must have its primal's tangent type (float primals only; others get Zero). */
  static void checkTangents(List<Value> primals, List<Value> tangents) {
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < primals.size(); i++) {
      ShapedArray p = primals.get(i).aval();
      ShapedArray t = tangents.get(i).aval();
      if (!Zero.isNonDifferentiable(p.dtype()) && !sameType(p, t)) {
        disagreements.add("  primal " + strShort(p) + " with tangent " + strShort(t)
            + ", expecting tangent " + strShort(p));
      }
    }
    if (disagreements.isEmpty()) {
      return;
    }
    if (primals.size() == 1) {
      ShapedArray p = primals.get(0).aval();
      throw new JaxTypeError("Custom JVP rule must produce primal and tangent outputs with "
          + "corresponding shapes and dtypes. Expected " + strShort(p) + " (tangent type of "
          + strShort(p) + ") but got " + strShort(tangents.get(0).aval()) + ".");
    }
    throw new JaxTypeError("Custom JVP rule must produce primal and tangent outputs with "
        + "corresponding shapes and dtypes, but got:\n" + String.join("\n", disagreements));
  }

  static boolean sameType(ShapedArray a, ShapedArray b) {
    return a.shape().equals(b.shape()) && a.dtype() == b.dtype();
  }

  /** JAX's {@code str_short}: {@code float32[2,3]}. */
  static String strShort(ShapedArray a) {
    StringJoiner dims = new StringJoiner(",", "[", "]");
    for (int d : a.shape().dims()) {
      dims.add(Integer.toString(d));
    }
    return a.dtype().jaxName() + dims;
  }

  /** A tree of type names, printed as JAX prints one (quotes removed). */
  static String typeTree(TreeDef tree, List<ShapedArray> avals) {
    List<String> names = new ArrayList<>();
    avals.forEach(a -> names.add(strShort(a)));
    return String.valueOf(tree.unflatten(names)).replace("'", "");
  }
}
