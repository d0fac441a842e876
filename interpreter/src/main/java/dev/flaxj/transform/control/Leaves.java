package dev.flaxj.transform.control;

import dev.flaxj.array.Promotion;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.transform.FlatFunction;
import java.util.ArrayList;
import java.util.List;

/** The flat leaves of the control-flow functions' pytree arguments, as values and types. */
final class Leaves {
  private Leaves() {}

  static List<Value> values(List<Object> leaves) {
    List<Value> out = new ArrayList<>(leaves.size());
    for (Object leaf : leaves) {
      out.add(FlatFunction.asValue(leaf));
    }
    return out;
  }

  static List<ShapedArray> avals(List<? extends Value> values) {
    List<ShapedArray> out = new ArrayList<>(values.size());
    for (Value v : values) {
      out.add(v.aval());
    }
    return out;
  }

  /**
   * JAX's {@code _promote_weak_typed_input} over a loop's initial carry: a weakly typed initial
   * value (a Java number) whose type differs from the body's carry output is converted to the
   * promotion of both, so that the body can be traced again with matching types. Returns null
   * when nothing needed converting.
   */
  static List<Value> promoteWeakCarry(List<Value> init, List<ShapedArray> carryOut) {
    List<Value> out = new ArrayList<>(init.size());
    boolean changed = false;
    for (int i = 0; i < init.size(); i++) {
      Value v = init.get(i);
      ShapedArray want = carryOut.get(i);
      if (v.aval().weakType() && !TypeChecks.typeMatch(v.aval(), want)) {
        out.add(Lax.convertElementType(v, Promotion.result(List.of(v.aval(), want)).dtype()));
        changed = true;
      } else {
        out.add(v);
      }
    }
    return changed ? out : null;
  }

  /** A shape as Python prints a tuple: {@code (2,)}, {@code (2, 3)}, {@code ()}. */
  static String pyShape(Value v) {
    int[] dims = v.shape().dims();
    StringBuilder s = new StringBuilder("(");
    for (int i = 0; i < dims.length; i++) {
      s.append(i == 0 ? "" : ", ").append(dims[i]);
    }
    return s.append(dims.length == 1 ? ",)" : ")").toString();
  }

  /** An argument as Python would print it in a message: {@code True}, {@code None}, numbers, arrays. */
  static String pyRepr(Object o) {
    if (o == null) {
      return "None";
    }
    if (o instanceof Boolean) {
      return (Boolean) o ? "True" : "False";
    }
    return o.toString();
  }
}
