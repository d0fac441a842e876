package dev.flaxj.lax;

import java.util.Arrays;

/**
 * The {@code dimension_numbers} of {@code dot_general}: which axes of each operand are contracted
 * (summed over, pairwise) and which are batch axes (matched pairwise, kept in front of the
 * result). As in JAX: {@code ((lhs_contracting, rhs_contracting), (lhs_batch, rhs_batch))}.
 * Immutable: arrays are copied in and out.
 */
public record DotDimensionNumbers(
    int[] lhsContracting, int[] rhsContracting, int[] lhsBatch, int[] rhsBatch) {

  public DotDimensionNumbers {
    lhsContracting = lhsContracting.clone();
    rhsContracting = rhsContracting.clone();
    lhsBatch = lhsBatch.clone();
    rhsBatch = rhsBatch.clone();
  }

  /** Contraction only, no batch axes. */
  public static DotDimensionNumbers of(int[] lhsContracting, int[] rhsContracting) {
    return new DotDimensionNumbers(lhsContracting, rhsContracting, new int[0], new int[0]);
  }

  public static DotDimensionNumbers of(
      int[] lhsContracting, int[] rhsContracting, int[] lhsBatch, int[] rhsBatch) {
    return new DotDimensionNumbers(lhsContracting, rhsContracting, lhsBatch, rhsBatch);
  }

  @Override
  public int[] lhsContracting() {
    return lhsContracting.clone();
  }

  @Override
  public int[] rhsContracting() {
    return rhsContracting.clone();
  }

  @Override
  public int[] lhsBatch() {
    return lhsBatch.clone();
  }

  @Override
  public int[] rhsBatch() {
    return rhsBatch.clone();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DotDimensionNumbers)) {
      return false;
    }
    DotDimensionNumbers d = (DotDimensionNumbers) o;
    return Arrays.equals(lhsContracting, d.lhsContracting)
        && Arrays.equals(rhsContracting, d.rhsContracting)
        && Arrays.equals(lhsBatch, d.lhsBatch)
        && Arrays.equals(rhsBatch, d.rhsBatch);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(new Object[] {lhsContracting, rhsContracting, lhsBatch, rhsBatch});
  }

  /** As a jaxpr prints it: {@code (([1], [0]), ([], []))}. */
  @Override
  public String toString() {
    return "((" + Arrays.toString(lhsContracting) + ", " + Arrays.toString(rhsContracting)
        + "), (" + Arrays.toString(lhsBatch) + ", " + Arrays.toString(rhsBatch) + "))";
  }
}
