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

  /** The lhs axes that are neither contracted nor batch axes, in order. */
  public int[] lhsFree(int lhsRank) {
    return freeAxes(lhsRank, lhsContracting, lhsBatch);
  }

  /** The rhs axes that are neither contracted nor batch axes, in order. */
  public int[] rhsFree(int rhsRank) {
    return freeAxes(rhsRank, rhsContracting, rhsBatch);
  }

  /** The lhs axes in matrix-product order: batch, free, contracting ({@code (batch, m, k)}). */
  public int[] lhsProductOrder(int lhsRank) {
    return concat(lhsBatch, lhsFree(lhsRank), lhsContracting);
  }

  /** The rhs axes in matrix-product order: batch, contracting, free ({@code (batch, k, n)}). */
  public int[] rhsProductOrder(int rhsRank) {
    return concat(rhsBatch, rhsContracting, rhsFree(rhsRank));
  }

  /**
   * Whether the lhs is stored as {@code (batch, k, m)} rather than in product order: its batch,
   * contracting and free axes follow each other in that order (a matrix product reads it
   * transposed instead of moving its elements).
   */
  public boolean lhsTransposed(int lhsRank) {
    return !ShapePrimitives.isIdentityPermutation(lhsProductOrder(lhsRank))
        && ShapePrimitives.isIdentityPermutation(concat(lhsBatch, lhsContracting, lhsFree(lhsRank)));
  }

  /** Whether the rhs is stored as {@code (batch, n, k)} rather than in product order (see {@link #lhsTransposed}). */
  public boolean rhsTransposed(int rhsRank) {
    return !ShapePrimitives.isIdentityPermutation(rhsProductOrder(rhsRank))
        && ShapePrimitives.isIdentityPermutation(concat(rhsBatch, rhsFree(rhsRank), rhsContracting));
  }

  private static int[] freeAxes(int rank, int[] contracting, int[] batch) {
    boolean[] used = new boolean[rank];
    for (int a : contracting) {
      used[a] = true;
    }
    for (int a : batch) {
      used[a] = true;
    }
    int[] free = new int[rank - contracting.length - batch.length];
    for (int a = 0, j = 0; a < rank; a++) {
      if (!used[a]) {
        free[j++] = a;
      }
    }
    return free;
  }

  private static int[] concat(int[] x, int[] y, int[] z) {
    int[] r = new int[x.length + y.length + z.length];
    System.arraycopy(x, 0, r, 0, x.length);
    System.arraycopy(y, 0, r, x.length, y.length);
    System.arraycopy(z, 0, r, x.length + y.length, z.length);
    return r;
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
