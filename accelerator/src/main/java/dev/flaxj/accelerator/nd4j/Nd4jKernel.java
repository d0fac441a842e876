package dev.flaxj.accelerator.nd4j;

import dev.flaxj.array.Array;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.lax.Params;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One primitive's computation on ND4J: the operands it takes (others go to the reference
 * kernel), whether it is float arithmetic (operands and results then have subnormals flushed, see
 * {@link NdArrays}), and the computation on INDArrays.
 */
record Nd4jKernel(Accepts accepts, boolean arithmetic, Body body) {

  /** Whether the ND4J computation handles these operands and parameters. */
  @FunctionalInterface
  interface Accepts {
    boolean test(List<Array> inputs, Params params, List<ShapedArray> outAvals);
  }

  /** The computation; it may return INDArrays of another dtype than the outputs (they are cast). */
  @FunctionalInterface
  interface Body {
    List<INDArray> apply(List<INDArray> inputs, Params params, List<ShapedArray> outAvals);
  }

  /** Every operand is float32 or float64. */
  static final Accepts FLOATING = (in, p, out) -> {
    for (Array a : in) {
      if (!a.dtype().isFloating()) {
        return false;
      }
    }
    return true;
  };

  /** Every operand and output is of a dtype that ND4J stores as it is (not uint32, not key). */
  static final Accepts STORED = (in, p, out) -> {
    for (Array a : in) {
      if (!NdArrays.crosses(a.dtype())) {
        return false;
      }
    }
    for (ShapedArray o : out) {
      if (!NdArrays.crosses(o.dtype())) {
        return false;
      }
    }
    return true;
  };
}
