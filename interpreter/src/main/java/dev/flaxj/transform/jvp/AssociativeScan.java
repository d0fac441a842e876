package dev.flaxj.transform.jvp;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import java.util.Arrays;
import java.util.function.BinaryOperator;

/**
 * JAX's {@code lax.associative_scan} on one array, in its parallel-prefix form: pairs are
 * combined, the half-length result is scanned recursively, and the even elements are filled in.
 * Written with lax operations, so it can be differentiated; the JVP rules of the cumulative
 * reductions other than {@code cumsum} differentiate it, as JAX does.
 */
final class AssociativeScan {
  private AssociativeScan() {}

  static Value scan(BinaryOperator<Value> combine, Value x, int axis, boolean reverse) {
    Value in = reverse ? Lax.rev(x, axis) : x;
    Value out = scan(combine, in, axis);
    return reverse ? Lax.rev(out, axis) : out;
  }

  private static Value scan(BinaryOperator<Value> combine, Value elems, int axis) {
    int n = elems.shape().dim(axis);
    if (n < 2) {
      return elems;
    }
    Value reduced = combine.apply(slice(elems, axis, 0, n - 1, 2), slice(elems, axis, 1, n, 2));
    Value odd = scan(combine, reduced, axis);
    int m = odd.shape().dim(axis);
    Value even = n % 2 == 0
        ? combine.apply(slice(odd, axis, 0, m - 1, 1), slice(elems, axis, 2, n, 2))
        : combine.apply(odd, slice(elems, axis, 2, n, 2));
    even = Lax.concatenate(axis, slice(elems, axis, 0, 1, 1), even);
    return interleave(even, odd, axis);
  }

  /** Elements {@code start, start + stride, ...} below {@code limit} along {@code axis}. */
  private static Value slice(Value x, int axis, int start, int limit, int stride) {
    int[] starts = new int[x.rank()];
    int[] limits = x.shape().dims();
    int[] strides = new int[x.rank()];
    Arrays.fill(strides, 1);
    starts[axis] = start;
    limits[axis] = limit;
    strides[axis] = stride;
    return Lax.slice(x, starts, limits, strides);
  }

  /** {@code a0, b0, a1, b1, ...} along {@code axis}; {@code a} has as many or one more elements. */
  private static Value interleave(Value a, Value b, int axis) {
    boolean same = a.shape().dim(axis) == b.shape().dim(axis);
    int[][] aPad = new int[a.rank()][3];
    int[][] bPad = new int[b.rank()][3];
    aPad[axis] = new int[] {0, same ? 1 : 0, 1};
    bPad[axis] = new int[] {1, same ? 0 : 1, 1};
    Value pa = Lax.pad(a, Fill.scalar(0, a.dtype()), aPad);
    Value pb = Lax.pad(b, Fill.scalar(0, b.dtype()), bPad);
    return a.dtype() == DType.BOOL ? Lax.or(pa, pb) : Lax.add(pa, pb);
  }
}
