package dev.flaxj.transform.partial;

import static dev.flaxj.transform.partial.LinearArgs.isLinear;
import static dev.flaxj.transform.partial.LinearArgs.known;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.DotDimensionNumbers;
import dev.flaxj.lax.DotGeneralPrimitive;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.Params;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The transpose of {@code dot_general} in either operand: the cotangent contracted with the
 * other (known) operand over that operand's free axes, then permuted into the linear operand's
 * axis order. The rhs case is the lhs case with the operands' roles swapped.
 */
final class DotGeneralTranspose {
  private DotGeneralTranspose() {}

  static void register() {
    TransposeRules.register(DotGeneralPrimitive.DOT_GENERAL, DotGeneralTranspose::transpose);
  }

  private static List<Value> transpose(List<Value> cts, List<Object> args, Params params) {
    Value ct = cts.get(0);
    DotDimensionNumbers dn = (DotDimensionNumbers) params.get("dimension_numbers");
    if (isLinear(args.get(0))) {
      Value rhs = known(DotGeneralPrimitive.DOT_GENERAL, args.get(1), "rhs (the lhs is linear)");
      return LinearArgs.list(linearSide(ct, LinearArgs.aval(args.get(0)), rhs, dn, false), null);
    }
    Value lhs = known(DotGeneralPrimitive.DOT_GENERAL, args.get(0), "lhs (the rhs is linear)");
    DotDimensionNumbers swapped = DotDimensionNumbers.of(dn.rhsContracting(),
        dn.lhsContracting(), dn.rhsBatch(), dn.lhsBatch());
    return LinearArgs.list(null, linearSide(ct, LinearArgs.aval(args.get(1)), lhs, swapped, true));
  }

  /**
   * The cotangent of the operand {@code x} of {@code dot_general(x, y, dn)} (or, with
   * {@code swapped}, of {@code dot_general(y, x, ...)} with {@code dn} written from x's side).
   * In the result {@code ct}, x's free axes follow the batch axes unless {@code swapped} puts
   * y's free axes first.
   */
  private static Value linearSide(Value ct, ShapedArray x, Value y, DotDimensionNumbers dn,
      boolean swapped) {
    int[] xContract = dn.lhsContracting();
    int[] yContract = dn.rhsContracting();
    int[] xBatch = dn.lhsBatch();
    int[] xKept = complement(x.rank(), xContract, xBatch);
    int[] yKept = complement(y.rank(), yContract, dn.rhsBatch());
    int nb = xBatch.length;
    int yStart = swapped ? nb : nb + xKept.length;
    int[] ctY = IntStream.range(yStart, yStart + yKept.length).toArray();
    int[] ctBatch = IntStream.range(0, nb).toArray();
    Value dot = Lax.dotGeneral(ct, y, DotDimensionNumbers.of(ctY, yKept, ctBatch, dn.rhsBatch()));
    // dot's axes are x's batch axes, x's kept axes, then x's contracted axes ordered as y's
    Integer[] byY = IntStream.range(0, yContract.length).boxed().toArray(Integer[]::new);
    Arrays.sort(byY, (a, b) -> Integer.compare(yContract[a], yContract[b]));
    int[] order = new int[x.rank()];
    System.arraycopy(xBatch, 0, order, 0, nb);
    System.arraycopy(xKept, 0, order, nb, xKept.length);
    for (int i = 0; i < byY.length; i++) {
      order[nb + xKept.length + i] = xContract[byY[i]];
    }
    Value xBar = ShapeTranspose.permute(dot, ShapeTranspose.inverse(order));
    return xBar.dtype() == x.dtype() ? xBar : Lax.convertElementType(xBar, x.dtype());
  }

  private static int[] complement(int rank, int[] a, int[] b) {
    return IntStream.range(0, rank)
        .filter(d -> Arrays.stream(a).noneMatch(v -> v == d) && Arrays.stream(b).noneMatch(v -> v == d))
        .toArray();
  }
}
