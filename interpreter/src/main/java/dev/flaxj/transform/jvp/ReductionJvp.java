package dev.flaxj.transform.jvp;

import static dev.flaxj.lax.ReductionPrimitives.*;

import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import java.util.Arrays;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * Forward-mode rules of the reductions, as JAX's: sums are linear; {@code reduce_max}/
 * {@code reduce_min} average the tangents at every location of the extremum (JAX's
 * {@code _reduce_chooser_jvp_rule}); {@code reduce_prod} and the cumulative products and extrema
 * differentiate a pairwise tree or associative scan of the binary operation (so their primal
 * output comes from that tree, as in JAX); the logical and index reductions have zero tangents.
 */
final class ReductionJvp {
  private ReductionJvp() {}

  static void register() {
    JvpDefs.linear(REDUCE_SUM);
    JvpDefs.linear(CUMSUM);
    for (Primitive p : new Primitive[] {REDUCE_AND, REDUCE_OR, ARGMAX, ARGMIN}) {
      JvpDefs.zero(p);
    }
    JvpDefs.byOperand(REDUCE_MAX, ReductionJvp::chooser);
    JvpDefs.byOperand(REDUCE_MIN, ReductionJvp::chooser);
    JvpRules.register(REDUCE_PROD, ReductionJvp::reduceProd);
    cumulative(CUMPROD, Lax::mul);
    cumulative(CUMMAX, Lax::max);
    cumulative(CUMMIN, Lax::min);
  }

  /** The mean of {@code g} over the positions where {@code x} equals the result {@code ans}. */
  private static Value chooser(Value g, Value ans, List<Value> xs, Params params) {
    Value x = xs.get(0);
    int[] axes = params.getInts("axes");
    int[] kept = complement(x.rank(), axes);
    Value located = Lax.eq(x, Lax.broadcastInDim(ans, x.shape().dims(), kept));
    Value indicators = Lax.convertElementType(located, g.dtype());
    Value counts = Lax.reduceSum(indicators, axes);
    return Lax.div(Lax.reduceSum(Lax.mul(g, indicators), axes), counts);
  }

  private static void cumulative(Primitive p, BinaryOperator<Value> combine) {
    JvpRules.register(p, (primals, tangents, params) -> {
      int axis = params.getInt("axis");
      boolean reverse = params.getBoolean("reverse");
      return Jvp.jvpFlat(primals, tangents,
          xs -> List.of(AssociativeScan.scan(combine, xs.get(0), axis, reverse)));
    });
  }

  /**
   * The reduced axes are moved to the front and flattened into one; the product is then taken
   * by halving that axis repeatedly (padding an odd half with 1), under a nested JVP.
   */
  private static JvpResult reduceProd(List<Value> primals, List<Value> tangents, Params params) {
    int[] axes = params.getInts("axes");
    Value x = primals.get(0);
    int[] kept = complement(x.rank(), axes);
    int[] perm = new int[x.rank()];
    System.arraycopy(axes, 0, perm, 0, axes.length);
    System.arraycopy(kept, 0, perm, axes.length, kept.length);
    int n = 1;
    for (int a : axes) {
      n *= x.shape().dim(a);
    }
    int[] shape = new int[kept.length + 1];
    shape[0] = n;
    for (int i = 0; i < kept.length; i++) {
      shape[i + 1] = x.shape().dim(kept[i]);
    }
    Value xr = Lax.reshape(Lax.transpose(x, perm), shape);
    Value tr = Lax.reshape(Lax.transpose(Tangents.instantiate(tangents.get(0)), perm), shape);
    return Jvp.jvpFlat(List.of(xr), List.of(tr), xs -> List.of(productTree(xs.get(0))));
  }

  private static Value productTree(Value x) {
    int[] rest = Arrays.copyOfRange(x.shape().dims(), 1, x.rank());
    while (x.shape().dim(0) > 1) {
      int n = x.shape().dim(0);
      int n1 = (n + 1) / 2;
      int[] start = new int[x.rank()];
      int[] mid = x.shape().dims();
      mid[0] = n1;
      Value first = Lax.slice(x, start, mid);
      start[0] = n1;
      Value second = Lax.slice(x, start, x.shape().dims());
      if (n - n1 != n1) {
        int[][] config = new int[x.rank()][3];
        config[0][1] = 1;
        second = Lax.pad(second, Fill.scalar(1, x.dtype()), config);
      }
      x = Lax.mul(first, second);
    }
    return x.shape().dim(0) == 0 ? Fill.full(rest, 1, x.dtype()) : Lax.squeeze(x, 0);
  }

  private static int[] complement(int rank, int[] axes) {
    boolean[] drop = new boolean[rank];
    for (int a : axes) {
      drop[a] = true;
    }
    int[] out = new int[rank - axes.length];
    for (int d = 0, k = 0; d < rank; d++) {
      if (!drop[d]) {
        out[k++] = d;
      }
    }
    return out;
  }
}
