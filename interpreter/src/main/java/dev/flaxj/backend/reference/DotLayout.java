package dev.flaxj.backend.reference;

import dev.flaxj.array.Shape;
import dev.flaxj.lax.DotDimensionNumbers;

/**
 * How {@link DotGeneralKernel} reads the operands of one {@code dot_general}: the product's sizes
 * {@code (batch, m, k)} times {@code (batch, k, n)}, and for each operand either nothing to move
 * ({@code null} dims) or the dims and source strides of the copy that puts it in product order.
 * A float32 lhs stored as {@code (batch, k, m)} ({@code lhsTransposed}) or rhs stored as
 * {@code (batch, n, k)} ({@code rhsTransposed}) is read in place.
 */
record DotLayout(int batch, int m, int k, int n, boolean lhsTransposed, boolean rhsTransposed,
    int[] lhsDims, int[] lhsStrides, int[] rhsDims, int[] rhsStrides) {

  /**
   * The operands' shapes and the dimension numbers: what a layout depends on. The dimension
   * numbers are compared by identity (cheaper to hash; each equation keeps its own object, and
   * equal ones that are not the same only cost another entry).
   */
  record Key(DotDimensionNumbers dn, Shape lhs, Shape rhs, boolean float32) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key key && dn == key.dn && lhs.equals(key.lhs) && rhs.equals(key.rhs)
          && float32 == key.float32;
    }

    @Override
    public int hashCode() {
      return (System.identityHashCode(dn) * 31 + lhs.hashCode()) * 31 + rhs.hashCode();
    }
  }

  private static final KernelMemo<Key, DotLayout> MEMO = new KernelMemo<>(DotLayout::of);

  static DotLayout get(DotDimensionNumbers dn, Shape lhs, Shape rhs, boolean float32) {
    return MEMO.get(new Key(dn, lhs, rhs, float32));
  }

  private static DotLayout of(Key key) {
    DotDimensionNumbers dn = key.dn();
    Shape lhs = key.lhs();
    Shape rhs = key.rhs();
    int batch = size(lhs, dn.lhsBatch());
    int m = size(lhs, dn.lhsFree(lhs.rank()));
    int k = size(lhs, dn.lhsContracting());
    int n = size(rhs, dn.rhsFree(rhs.rank()));
    boolean lhsTransposed = key.float32() && dn.lhsTransposed(lhs.rank());
    int[] lhsOrder = lhsTransposed ? null : moveOrder(dn.lhsProductOrder(lhs.rank()));
    boolean rhsTransposed = key.float32() && dn.rhsTransposed(rhs.rank());
    int[] rhsOrder = rhsTransposed ? null : moveOrder(dn.rhsProductOrder(rhs.rank()));
    return new DotLayout(batch, m, k, n, lhsTransposed, rhsTransposed,
        lhsOrder == null ? null : IndexMaps.pick(lhs.dims(), lhsOrder),
        lhsOrder == null ? null : IndexMaps.pick(lhs.strides(), lhsOrder),
        rhsOrder == null ? null : IndexMaps.pick(rhs.dims(), rhsOrder),
        rhsOrder == null ? null : IndexMaps.pick(rhs.strides(), rhsOrder));
  }

  /** The step between lhs elements {@code (b, i, p)} and {@code (b, i + 1, p)} as read. */
  int lhsRowStride() {
    return lhsTransposed ? 1 : k;
  }

  /** The step between lhs elements {@code (b, i, p)} and {@code (b, i, p + 1)} as read. */
  int lhsDepthStride() {
    return lhsTransposed ? m : 1;
  }

  /** The step between rhs elements {@code (b, p, j)} and {@code (b, p + 1, j)} as read. */
  int rhsDepthStride() {
    return rhsTransposed ? 1 : n;
  }

  /** The step between rhs elements {@code (b, p, j)} and {@code (b, p, j + 1)} as read. */
  int rhsColumnStride() {
    return rhsTransposed ? k : 1;
  }

  /** {@code perm}, or null if it is the identity (nothing to move). */
  private static int[] moveOrder(int[] perm) {
    for (int i = 0; i < perm.length; i++) {
      if (perm[i] != i) {
        return perm;
      }
    }
    return null;
  }

  private static int size(Shape shape, int[] axes) {
    int s = 1;
    for (int a : axes) {
      s *= shape.dim(a);
    }
    return s;
  }
}
