package dev.flaxj.transform.batching;

import static dev.flaxj.transform.batching.VmapCheck.*;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.DotDimensionNumbers;
import dev.flaxj.lax.Lax;
import dev.flaxj.numpy.Jnp;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DotGeneralBatchingTest {
  /** Examples: lhs (2, 3, 4) batch 0 contract 2; rhs (2, 4, 5) batch 0 contract 1. */
  private static final DotDimensionNumbers BATCHED = DotDimensionNumbers.of(new int[] {2},
      new int[] {1}, new int[] {0}, new int[] {0});

  @Test
  void everyCombinationOfMappedOperands() {
    Function<Value[], Value> dot = a -> Lax.dotGeneral(a[0], a[1], BATCHED);
    Array lhs = iota(0.1, -1, 6, 2, 3, 4);
    Array rhs = iota(-0.2, 2, 2, 4, 5, 6);
    Value lhs1 = Jnp.index(lhs, dev.flaxj.numpy.Index.at(0));
    Value rhs1 = Jnp.index(rhs, dev.flaxj.numpy.Index.ELLIPSIS, dev.flaxj.numpy.Index.at(0));
    for (int outAxis : new int[] {0, 1, 3}) {
      check(dot, axes(0, 3), outAxis, lhs, rhs);
      check(dot, axes(0, null), outAxis, lhs, rhs1);
      check(dot, axes(null, -1), outAxis, lhs1, rhs);
    }
    // the batch in the middle of each operand
    check(dot, axes(2, 2), 0, iota(1, 0, 2, 3, 6, 4), iota(1, 0, 2, 4, 6, 5));
    check(dot, axes(2, null), 2, iota(1, 0, 2, 3, 6, 4), rhs1);
    check(dot, axes(null, 1), 0, lhs1, iota(1, 0, 2, 6, 4, 5));
  }

  @Test
  void plainMatmulsAndPreferredType() {
    Array a = iota(1, 0, 3, 4);
    Array m = iota(0.5, 1, 4, 2);
    check(v -> Jnp.matmul(v[0], v[1]), axes(0, null), 0, a, m);
    check(v -> Jnp.dot(v[0], v[1]), axes(1, 0), 1, iota(1, 0, 4, 4), iota(2, 0, 4, 4, 3));
    Array ia = ints(new int[] {1, 2, 3, 4, 5, 6}, 2, 3);
    check(v -> Lax.dotGeneral(v[0], v[1], DotDimensionNumbers.of(new int[] {0}, new int[] {0}),
        DType.FLOAT32), axes(0, 1), 0, ia, ints(new int[] {1, 0, 2, 1, 1, 1}, 3, 2));
  }
}
