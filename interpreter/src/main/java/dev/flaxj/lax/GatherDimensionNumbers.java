package dev.flaxj.lax;

import static dev.flaxj.lax.Dims.tuple;

import java.util.Arrays;

/**
 * The dimension numbers of {@code gather}, as XLA defines them, with the index vector in the last
 * dimension of the indices (as JAX always has it).
 *
 * @param offsetDims output dimensions that hold the window, in the order of the operand's window
 *     dimensions
 * @param collapsedSliceDims operand dimensions whose size-1 window is dropped from the output
 * @param startIndexMap operand dimension that each entry of an index vector starts
 * @param operandBatchingDims operand dimensions indexed by the batch position itself
 * @param startIndicesBatchingDims the indices dimensions paired with {@code operandBatchingDims}
 */
public record GatherDimensionNumbers(int[] offsetDims, int[] collapsedSliceDims,
    int[] startIndexMap, int[] operandBatchingDims, int[] startIndicesBatchingDims) {

  public GatherDimensionNumbers {
    offsetDims = offsetDims.clone();
    collapsedSliceDims = collapsedSliceDims.clone();
    startIndexMap = startIndexMap.clone();
    operandBatchingDims = operandBatchingDims.clone();
    startIndicesBatchingDims = startIndicesBatchingDims.clone();
  }

  /** Dimension numbers without batching dimensions. */
  public GatherDimensionNumbers(int[] offsetDims, int[] collapsedSliceDims, int[] startIndexMap) {
    this(offsetDims, collapsedSliceDims, startIndexMap, new int[0], new int[0]);
  }

  @Override
  public int[] offsetDims() {
    return offsetDims.clone();
  }

  @Override
  public int[] collapsedSliceDims() {
    return collapsedSliceDims.clone();
  }

  @Override
  public int[] startIndexMap() {
    return startIndexMap.clone();
  }

  @Override
  public int[] operandBatchingDims() {
    return operandBatchingDims.clone();
  }

  @Override
  public int[] startIndicesBatchingDims() {
    return startIndicesBatchingDims.clone();
  }

  /** The operand dimensions that the window spans in the output (neither collapsed nor batching). */
  public int[] windowOperandDims(int operandRank) {
    return Dims.complement(operandRank, collapsedSliceDims, operandBatchingDims);
  }

  /** The output dimensions that follow the indices' batch dimensions (all but {@code offsetDims}). */
  public int[] outputBatchDims(int outputRank) {
    return Dims.complement(outputRank, offsetDims);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof GatherDimensionNumbers)) {
      return false;
    }
    GatherDimensionNumbers g = (GatherDimensionNumbers) o;
    return Arrays.equals(offsetDims, g.offsetDims)
        && Arrays.equals(collapsedSliceDims, g.collapsedSliceDims)
        && Arrays.equals(startIndexMap, g.startIndexMap)
        && Arrays.equals(operandBatchingDims, g.operandBatchingDims)
        && Arrays.equals(startIndicesBatchingDims, g.startIndicesBatchingDims);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(new Object[] {offsetDims, collapsedSliceDims, startIndexMap,
        operandBatchingDims, startIndicesBatchingDims});
  }

  /** As JAX prints it in a jaxpr. */
  @Override
  public String toString() {
    return "GatherDimensionNumbers(offset_dims=" + tuple(offsetDims)
        + ", collapsed_slice_dims=" + tuple(collapsedSliceDims)
        + ", start_index_map=" + tuple(startIndexMap)
        + ", operand_batching_dims=" + tuple(operandBatchingDims)
        + ", start_indices_batching_dims=" + tuple(startIndicesBatchingDims) + ")";
  }
}
