package dev.flaxj.lax;

import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import java.util.Arrays;
import java.util.List;

/**
 * {@code dot_general}: a tensor contraction with batch axes. Parameters {@code dimension_numbers}
 * (a {@link DotDimensionNumbers}) and, optionally, {@code preferred_element_type}. The result's
 * axes are the batch axes, then the lhs free axes, then the rhs free axes, each in operand order.
 *
 * <p>Operand dtypes may differ, as in JAX (which follows XLA): the result takes the "higher" of
 * the two in the order bool &lt; uint32 &lt; int32 &lt; float32 &lt; float64. A
 * {@code preferred_element_type} replaces the result dtype, but an integer or bool result may
 * not be narrowed.
 */
public final class DotGeneralPrimitive extends Primitive {
  public static final Primitive DOT_GENERAL = new DotGeneralPrimitive();

  private DotGeneralPrimitive() {
    super("dot_general");
  }

  /**
   * The higher dtype in XLA's dot ordering (bool &lt; uint32 &lt; int32 &lt; float32 &lt;
   * float64). A dot is computed in the higher of its operand and result dtypes.
   */
  public static DType higher(DType a, DType b) {
    return order(a) >= order(b) ? a : b;
  }

  private static int order(DType d) {
    switch (d) {
      case BOOL: return 0;
      case UINT32: return 1;
      case INT32: return 2;
      case FLOAT32: return 3;
      case FLOAT64: return 4;
      default: throw new IllegalArgumentException("dot_general does not accept dtype " + d);
    }
  }

  private static int bitWidth(DType d) {
    switch (d) {
      case BOOL: return 1;
      case FLOAT64: return 64;
      default: return 32;
    }
  }

  @Override
  public List<ShapedArray> abstractEval(List<ShapedArray> inputs, Params params) {
    if (inputs.size() != 2) {
      throw error("expects two operands, got " + inputs.size());
    }
    ShapedArray lhs = inputs.get(0);
    ShapedArray rhs = inputs.get(1);
    for (ShapedArray a : inputs) {
      if (a.dtype() == DType.KEY) {
        throw error("does not accept dtype " + a.dtype());
      }
    }
    DotDimensionNumbers dn = (DotDimensionNumbers) params.get("dimension_numbers");
    String where = " (lhs " + lhs.str() + ", rhs " + rhs.str() + ", dimension_numbers " + dn + ")";
    checkAxes("lhs", lhs, dn.lhsContracting(), dn.lhsBatch(), where);
    checkAxes("rhs", rhs, dn.rhsContracting(), dn.rhsBatch(), where);
    if (dn.lhsBatch().length != dn.rhsBatch().length) {
      throw error("requires equal numbers of lhs and rhs batch dimensions" + where);
    }
    int[] lhsBatchShape = dims(lhs, dn.lhsBatch());
    if (!Arrays.equals(lhsBatchShape, dims(rhs, dn.rhsBatch()))) {
      throw error("requires lhs and rhs batch dimensions to have the same shape, got "
          + Dims.tuple(lhsBatchShape) + " and " + Dims.tuple(dims(rhs, dn.rhsBatch())) + where);
    }
    int[] lhsContractShape = dims(lhs, dn.lhsContracting());
    int[] rhsContractShape = dims(rhs, dn.rhsContracting());
    if (!Arrays.equals(lhsContractShape, rhsContractShape)) {
      throw error("requires contracting dimensions to have the same shape, got "
          + Dims.tuple(lhsContractShape) + " and " + Dims.tuple(rhsContractShape) + where);
    }
    int[] lhsFree = dims(lhs, Dims.complement(lhs.rank(), dn.lhsContracting(), dn.lhsBatch()));
    int[] rhsFree = dims(rhs, Dims.complement(rhs.rank(), dn.rhsContracting(), dn.rhsBatch()));
    int[] out = concat(lhsBatchShape, lhsFree, rhsFree);
    DType dtype = resultDType(lhs.dtype(), rhs.dtype(), params);
    return List.of(new ShapedArray(Shape.of(out), dtype, lhs.weakType() && rhs.weakType()));
  }

  private DType resultDType(DType lhs, DType rhs, Params params) {
    DType result = higher(lhs, rhs);
    if (!params.has("preferred_element_type")) {
      return result;
    }
    DType preferred = params.getDType("preferred_element_type");
    if (preferred == DType.KEY) {
      throw error("preferred_element_type may not be " + preferred);
    }
    if (!result.isFloating() && bitWidth(preferred) < bitWidth(result)) {
      throw error("preferred_element_type must not be narrower than the original type, got "
          + "preferred_element_type of " + preferred + " for result type of " + result);
    }
    return preferred;
  }

  /** Checks that one operand's contracting and batch axes are in range, distinct and disjoint. */
  private void checkAxes(String side, ShapedArray x, int[] contracting, int[] batch,
      String where) {
    boolean[] used = new boolean[x.rank()];
    for (int[] list : new int[][] {contracting, batch}) {
      for (int a : list) {
        if (a < 0 || a >= x.rank()) {
          throw error("requires " + side + " dimension numbers to be non-negative and less than "
              + "the rank " + x.rank() + " of the " + side + where);
        }
        if (used[a]) {
          throw error("requires " + side + " contracting and batch dimensions to be distinct "
              + "and disjoint" + where);
        }
        used[a] = true;
      }
    }
  }

  private static int[] dims(ShapedArray x, int[] axes) {
    int[] d = new int[axes.length];
    for (int i = 0; i < axes.length; i++) {
      d[i] = x.shape().dim(axes[i]);
    }
    return d;
  }

  private static int[] concat(int[]... parts) {
    return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
  }
}
