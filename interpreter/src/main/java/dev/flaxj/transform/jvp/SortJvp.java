package dev.flaxj.transform.jvp;

import static dev.flaxj.lax.SortPrimitive.SORT;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.GatherDimensionNumbers;
import dev.flaxj.lax.GatherScatterMode;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.Params;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Forward-mode rule of {@code sort}, as JAX's {@code _sort_jvp}: the operands are sorted together
 * with an iota along the sorted dimension, and that permutation gathers each tangent.
 */
final class SortJvp {
  private SortJvp() {}

  static void register() {
    JvpRules.register(SORT, SortJvp::sort);
  }

  private static JvpResult sort(List<Value> primals, List<Value> tangents, Params params) {
    int dimension = params.getInt("dimension");
    int[] shape = primals.get(0).shape().dims();
    Value[] operands = Arrays.copyOf(JvpDefs.array(primals), primals.size() + 1);
    operands[primals.size()] = Lax.iota(DType.INT32, shape, dimension);
    List<Value> sorted = Bind.bind(SORT, params, operands);
    int rank = shape.length;
    int[] batch = new int[rank - 1];
    for (int d = 0, k = 0; d < rank; d++) {
      if (d != dimension) {
        batch[k++] = d;
      }
    }
    GatherDimensionNumbers dn = new GatherDimensionNumbers(new int[0], new int[] {dimension},
        new int[] {dimension}, batch, batch);
    Value permutation = Lax.expandDims(sorted.get(primals.size()), rank);
    int[] ones = new int[rank];
    Arrays.fill(ones, 1);
    List<Value> tangentsOut = new ArrayList<>(tangents.size());
    for (Value t : tangents) {
      tangentsOut.add(Zero.is(t) ? t
          : Lax.gather(t, permutation, dn, ones, GatherScatterMode.PROMISE_IN_BOUNDS));
    }
    return new JvpResult(sorted.subList(0, primals.size()), tangentsOut);
  }
}
