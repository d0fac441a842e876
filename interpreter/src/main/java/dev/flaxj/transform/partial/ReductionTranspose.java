package dev.flaxj.transform.partial;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.ReductionPrimitives;
import java.util.List;

/**
 * Transposes of the linear reductions: {@code reduce_sum} broadcasts its cotangent back over the
 * reduced axes, {@code cumsum} is a cumulative sum running the other way.
 */
final class ReductionTranspose {
  private ReductionTranspose() {}

  static void register() {
    TransposeRules.register(ReductionPrimitives.REDUCE_SUM, ReductionTranspose::reduceSum);
    TransposeRules.register(ReductionPrimitives.CUMSUM, (cts, args, p) -> LinearArgs.list(
        Lax.cumsum(cts.get(0), p.getInt("axis"), !p.getBoolean("reverse"))));
  }

  private static List<Value> reduceSum(List<Value> cts, List<Object> args, Params params) {
    ShapedArray operand = LinearArgs.aval(args.get(0));
    int[] axes = params.getInts("axes");
    boolean[] reduced = new boolean[operand.rank()];
    for (int a : axes) {
      reduced[a] = true;
    }
    int[] kept = new int[operand.rank() - axes.length];
    for (int d = 0, k = 0; d < reduced.length; d++) {
      if (!reduced[d]) {
        kept[k++] = d;
      }
    }
    return LinearArgs.list(Lax.broadcastInDim(cts.get(0), operand.shape().dims(), kept));
  }
}
