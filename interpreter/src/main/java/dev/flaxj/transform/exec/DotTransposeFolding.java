package dev.flaxj.transform.exec;

import dev.flaxj.lax.DotDimensionNumbers;
import dev.flaxj.lax.DotGeneralPrimitive;
import dev.flaxj.lax.ShapePrimitives;
import dev.flaxj.transform.ir.Atom;
import dev.flaxj.transform.ir.JaxprEqn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Folds a {@code transpose} that swaps the two free blocks of a {@code dot_general}'s result
 * (batch axes first, then the rhs's free axes, then the lhs's) into the dot itself: the dot of
 * the swapped operands computes the transposed result directly, as XLA's layout assignment
 * makes the transpose of a dot free. Reverse mode emits this pair for every kernel gradient
 * ({@code transpose(dot_general(ct, x))}). Only a dot whose result nothing else reads is folded.
 *
 * <p>Exact: every output element is the same sum of the same products in the same order (each
 * product {@code a * b} becomes {@code b * a}).
 */
final class DotTransposeFolding {
  private DotTransposeFolding() {}

  /** {@code flat} with each such pair replaced by one swapped dot; {@code outs}: the plan's outputs. */
  static List<FlatEqn> fold(List<FlatEqn> flat, int[] outs, int slots) {
    int[] reads = new int[slots];
    int[] producer = new int[slots];
    Arrays.fill(producer, -1);
    for (int slot : outs) {
      reads[slot]++;
    }
    for (int i = 0; i < flat.size(); i++) {
      for (int slot : flat.get(i).inSlots()) {
        reads[slot]++;
      }
      for (int slot : flat.get(i).outSlots()) {
        producer[slot] = i;
      }
    }
    List<FlatEqn> out = new ArrayList<>(flat);
    boolean[] dropped = new boolean[flat.size()];
    for (int i = 0; i < flat.size(); i++) {
      FlatEqn t = flat.get(i);
      if (t.eqn().primitive() != ShapePrimitives.TRANSPOSE) {
        continue;
      }
      int slot = t.inSlots()[0];
      int d = producer[slot];
      if (d < 0 || reads[slot] != 1 || dropped[d]
          || flat.get(d).eqn().primitive() != DotGeneralPrimitive.DOT_GENERAL) {
        continue;
      }
      FlatEqn dot = flat.get(d);
      if (swapsFreeBlocks(dot.eqn(), t.eqn().params().getInts("permutation"))) {
        out.set(d, swapped(dot, t));
        dropped[i] = true;
      }
    }
    List<FlatEqn> kept = new ArrayList<>(out.size());
    for (int i = 0; i < out.size(); i++) {
      if (!dropped[i]) {
        kept.add(out.get(i));
      }
    }
    return kept;
  }

  /** Whether {@code perm} is {@code (batch..., rhs free..., lhs free...)} of the dot's result. */
  private static boolean swapsFreeBlocks(JaxprEqn dot, int[] perm) {
    DotDimensionNumbers dn = (DotDimensionNumbers) dot.params().get("dimension_numbers");
    int batch = dn.lhsBatch().length;
    int lhsFree = dn.lhsFree(dot.inputs().get(0).aval().rank()).length;
    int rhsFree = perm.length - batch - lhsFree;
    if (lhsFree == 0 || rhsFree == 0) {
      return false;
    }
    for (int i = 0; i < perm.length; i++) {
      int want = i < batch ? i : i < batch + rhsFree ? i + lhsFree : i - rhsFree;
      if (perm[i] != want) {
        return false;
      }
    }
    return true;
  }

  /** The dot of the swapped operands, writing the transpose's result. */
  private static FlatEqn swapped(FlatEqn dot, FlatEqn transpose) {
    JaxprEqn e = dot.eqn();
    DotDimensionNumbers dn = (DotDimensionNumbers) e.params().get("dimension_numbers");
    DotDimensionNumbers swappedDn = DotDimensionNumbers.of(dn.rhsContracting(),
        dn.lhsContracting(), dn.rhsBatch(), dn.lhsBatch());
    List<Atom> inputs = List.of(e.inputs().get(1), e.inputs().get(0));
    JaxprEqn eqn = new JaxprEqn(e.primitive(), e.params().with("dimension_numbers", swappedDn),
        inputs, transpose.eqn().outvars());
    return new FlatEqn(eqn, new int[] {dot.inSlots()[1], dot.inSlots()[0]}, transpose.outSlots());
  }
}
