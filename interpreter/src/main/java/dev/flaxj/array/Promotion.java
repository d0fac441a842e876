package dev.flaxj.array;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JAX's type promotion: the least upper bound in JAX's type lattice, with weak types for Python
 * scalars, canonicalised as with {@code jax_enable_x64=False} (64-bit integers become 32-bit).
 * float64 is kept when an operand already is float64.
 */
public final class Promotion {
  private Promotion() {}

  /** Lattice nodes: the dtypes plus the weak kinds and the 64-bit integers JAX reasons with. */
  private enum Node { B1, I_WEAK, U8, U16, U32, U64, I8, I16, I32, I64, F_WEAK, F16, F32, F64 }

  private static final Map<Node, List<Node>> UP = new EnumMap<>(Node.class);

  static {
    UP.put(Node.B1, List.of(Node.I_WEAK));
    UP.put(Node.I_WEAK, List.of(Node.U8, Node.I8));
    UP.put(Node.U8, List.of(Node.I16, Node.U16));
    UP.put(Node.U16, List.of(Node.I32, Node.U32));
    UP.put(Node.U32, List.of(Node.I64, Node.U64));
    UP.put(Node.U64, List.of(Node.F_WEAK));
    UP.put(Node.I8, List.of(Node.I16));
    UP.put(Node.I16, List.of(Node.I32));
    UP.put(Node.I32, List.of(Node.I64));
    UP.put(Node.I64, List.of(Node.F_WEAK));
    UP.put(Node.F_WEAK, List.of(Node.F16));
    UP.put(Node.F16, List.of(Node.F32));
    UP.put(Node.F32, List.of(Node.F64));
    UP.put(Node.F64, List.of());
  }

  /** The promoted dtype and weak flag of a set of operands. */
  public record Result(DType dtype, boolean weakType) {}

  /** Promotes abstract values, as {@code jnp.result_type} does for arrays and Python scalars. */
  public static Result result(List<ShapedArray> avals) {
    if (avals.isEmpty()) {
      throw new IllegalArgumentException("result_type: at least one operand is needed");
    }
    Node acc = null;
    for (ShapedArray a : avals) {
      Node n = node(a.dtype(), a.weakType());
      acc = acc == null ? n : join(acc, n);
    }
    return toResult(acc, avals);
  }

  /** Promotes two dtypes, neither weak: {@code jnp.promote_types}. */
  public static DType promoteTypes(DType a, DType b) {
    return result(List.of(new ShapedArray(Shape.SCALAR, a, false),
        new ShapedArray(Shape.SCALAR, b, false))).dtype();
  }

  private static Node node(DType d, boolean weak) {
    switch (d) {
      case BOOL: return Node.B1;
      case INT32: return weak ? Node.I_WEAK : Node.I32;
      case UINT32: return weak ? Node.I_WEAK : Node.U32;
      case FLOAT32: return weak ? Node.F_WEAK : Node.F32;
      case FLOAT64: return weak ? Node.F_WEAK : Node.F64;
      default: throw new IllegalArgumentException("no type promotion for dtype " + d);
    }
  }

  private static Node join(Node a, Node b) {
    Set<Node> upA = upSet(a);
    Set<Node> upB = upSet(b);
    upA.retainAll(upB);
    // The least upper bound is the common upper node that is below all other common ones.
    for (Node candidate : upA) {
      if (upSet(candidate).containsAll(upA)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no least upper bound of " + a + " and " + b);
  }

  private static Set<Node> upSet(Node n) {
    Set<Node> s = EnumSet.of(n);
    for (Node up : UP.get(n)) {
      s.addAll(upSet(up));
    }
    return s;
  }

  private static Result toResult(Node n, List<ShapedArray> avals) {
    switch (n) {
      case B1: return new Result(DType.BOOL, false);
      case I_WEAK: return new Result(DType.INT32, true);
      case U8: case U16: case U32: case U64: return new Result(DType.UINT32, false);
      case I8: case I16: case I32: case I64: return new Result(DType.INT32, false);
      case F_WEAK:
        boolean anyF64 = avals.stream().anyMatch(a -> a.dtype() == DType.FLOAT64);
        return new Result(anyF64 ? DType.FLOAT64 : DType.FLOAT32, true);
      case F16: case F32: return new Result(DType.FLOAT32, false);
      default: return new Result(DType.FLOAT64, false);
    }
  }
}
