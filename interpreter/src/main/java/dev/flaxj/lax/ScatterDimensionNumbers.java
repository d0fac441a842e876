package dev.flaxj.lax;

import static dev.flaxj.lax.Dims.tuple;

import java.util.Arrays;

/**
 * The dimension numbers of {@code scatter} and {@code scatter-add}, as XLA defines them, with the
 * index vector in the last dimension of the indices (as JAX always has it).
 *
 * @param updateWindowDims dimensions of the updates that hold the window, in the order of the
 *     operand's window dimensions
 * @param insertedWindowDims operand dimensions with a size-1 window that the updates do not have
 * @param scatterDimsToOperandDims operand dimension that each entry of an index vector starts
 * @param operandBatchingDims operand dimensions indexed by the batch position itself
 * @param scatterIndicesBatchingDims the indices dimensions paired with {@code operandBatchingDims}
 */
public record ScatterDimensionNumbers(int[] updateWindowDims, int[] insertedWindowDims,
    int[] scatterDimsToOperandDims, int[] operandBatchingDims, int[] scatterIndicesBatchingDims) {

  public ScatterDimensionNumbers {
    updateWindowDims = updateWindowDims.clone();
    insertedWindowDims = insertedWindowDims.clone();
    scatterDimsToOperandDims = scatterDimsToOperandDims.clone();
    operandBatchingDims = operandBatchingDims.clone();
    scatterIndicesBatchingDims = scatterIndicesBatchingDims.clone();
  }

  /** Dimension numbers without batching dimensions. */
  public ScatterDimensionNumbers(int[] updateWindowDims, int[] insertedWindowDims,
      int[] scatterDimsToOperandDims) {
    this(updateWindowDims, insertedWindowDims, scatterDimsToOperandDims, new int[0], new int[0]);
  }

  @Override
  public int[] updateWindowDims() {
    return updateWindowDims.clone();
  }

  @Override
  public int[] insertedWindowDims() {
    return insertedWindowDims.clone();
  }

  @Override
  public int[] scatterDimsToOperandDims() {
    return scatterDimsToOperandDims.clone();
  }

  @Override
  public int[] operandBatchingDims() {
    return operandBatchingDims.clone();
  }

  @Override
  public int[] scatterIndicesBatchingDims() {
    return scatterIndicesBatchingDims.clone();
  }

  /** The operand dimensions that the updates' window spans (neither inserted nor batching). */
  public int[] windowOperandDims(int operandRank) {
    return Dims.complement(operandRank, insertedWindowDims, operandBatchingDims);
  }

  /** The updates dimensions that follow the indices' batch dimensions (all but the window). */
  public int[] updateScatterDims(int updatesRank) {
    return Dims.complement(updatesRank, updateWindowDims);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ScatterDimensionNumbers)) {
      return false;
    }
    ScatterDimensionNumbers s = (ScatterDimensionNumbers) o;
    return Arrays.equals(updateWindowDims, s.updateWindowDims)
        && Arrays.equals(insertedWindowDims, s.insertedWindowDims)
        && Arrays.equals(scatterDimsToOperandDims, s.scatterDimsToOperandDims)
        && Arrays.equals(operandBatchingDims, s.operandBatchingDims)
        && Arrays.equals(scatterIndicesBatchingDims, s.scatterIndicesBatchingDims);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(new Object[] {updateWindowDims, insertedWindowDims,
        scatterDimsToOperandDims, operandBatchingDims, scatterIndicesBatchingDims});
  }

  /** As JAX prints it in a jaxpr. */
  @Override
  public String toString() {
    return "ScatterDimensionNumbers(update_window_dims=" + tuple(updateWindowDims)
        + ", inserted_window_dims=" + tuple(insertedWindowDims)
        + ", scatter_dims_to_operand_dims=" + tuple(scatterDimsToOperandDims)
        + ", operand_batching_dims=" + tuple(operandBatchingDims)
        + ", scatter_indices_batching_dims=" + tuple(scatterIndicesBatchingDims) + ")";
  }
}
