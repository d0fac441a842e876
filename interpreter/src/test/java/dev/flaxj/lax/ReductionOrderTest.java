package dev.flaxj.lax;

import static dev.flaxj.lax.ReductionTestSupport.assertFloats;
import static dev.flaxj.lax.ReductionTestSupport.dims;
import static dev.flaxj.lax.ReductionTestSupport.vec;
import static dev.flaxj.lax.ReductionTestSupport.fromBits;
import static dev.flaxj.lax.ReductionTestSupport.spread;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.flaxj.array.Array;
import org.junit.jupiter.api.Test;

/**
 * Float32 sums, products and scans combine in XLA's order, so they are bit-identical to JAX's.
 * Every expected bit pattern is from jax 0.10.2 on CPU, on the inputs of
 * {@link ReductionTestSupport#spread}; for each, a plain sequential float32 loop gives another
 * answer.
 */
class ReductionOrderTest {

  @Test
  void longSumsUseWindowsOf32() {
    float[] x = spread(1000, 2654435761L);
    // from jax 0.10.2: lax.reduce_sum(x, (0,)) for n = 1000 and n = 4095 (two window levels)
    assertFloats(dims(), fromBits(1259542109), Lax.reduceSum(vec(x), 0));
    assertNotEquals(1259542109, Float.floatToIntBits(sequentialSum(x)));
    float[] y = spread(4095, 2654435761L);
    assertFloats(dims(), fromBits(-890060840), Lax.reduceSum(vec(y), 0));
    assertNotEquals(-890060840, Float.floatToIntBits(sequentialSum(y)));
  }

  @Test
  void windowedSumsAlongLeadingAndTrailingAxes() {
    // from jax 0.10.2: reduce_sum over axis 0 of a (70, 3) array and axis 1 of a (3, 70) one
    assertFloats(dims(3), fromBits(-876835319, -880012346, 1269009516),
        Lax.reduceSum(Array.of(spread(210, 2654435761L), 70, 3), 0));
    assertFloats(dims(3), fromBits(-889134142, -892332194, -893225306),
        Lax.reduceSum(Array.of(spread(210, 2654435761L), 3, 70), 1));
    // from jax 0.10.2: reduce_sum over axes (0, 1) of a (5, 40, 3) array; (6, 7) fully
    assertFloats(dims(3), fromBits(-865907682, 1268286037, 1273826118),
        Lax.reduceSum(Array.of(spread(600, 2654435761L), 5, 40, 3), 0, 1));
    assertFloats(dims(), fromBits(-891409051),
        Lax.reduceSum(Array.of(spread(42, 2654435761L), 6, 7), 0, 1));
  }

  @Test
  void productsUseTheSameWindows() {
    float[] x = new float[100];
    for (int i = 0; i < x.length; i++) {
      x[i] = 1 + ((i * 37) % 64 - 32) * 0x1p-9f;
    }
    // from jax 0.10.2: lax.reduce_prod of 1 + ((i * 37) % 64 - 32) / 512, i < 100
    assertFloats(dims(), fromBits(1061958642), Lax.reduceProd(vec(x), 0));
  }

  @Test
  void cumsumUsesTilesOf16() {
    float[] x = spread(1000, 2654435761L);
    int[] at = {0, 1, 15, 16, 17, 255, 256, 500, 998, 999};
    // from jax 0.10.2: lax.cumsum(x, 0)[at] and lax.cumsum(x, 0, reverse=True)[at]
    assertArrayEquals(new int[] {-889192448, -886815960, -886991619, -886991611, -890961783,
        -878457796, -878354436, -885604053, 1259542146, 1259542113},
        bitsAt(Lax.cumsum(vec(x), 0, false), at));
    assertArrayEquals(new int[] {1259542113, 1267305265, 1268405615, 1268405679, 1268405684,
        1271821076, 1273845611, 1269089652, -998859654, -1039939296},
        bitsAt(Lax.cumsum(vec(x), 0, true), at));
  }

  @Test
  void cumsumAlongAnInnerAxisMatchesTheOneDimensionalScan() {
    float[] x = spread(1000, 2654435761L);
    float[] stacked = new float[2000];
    for (int i = 0; i < 1000; i++) {
      stacked[2 * i] = x[i];
      stacked[2 * i + 1] = -x[i];
    }
    float[] lane = ((Array) Lax.cumsum(vec(x), 0, true)).rawFloats();
    float[] both = ((Array) Lax.cumsum(Array.of(stacked, 1000, 2), 0, true)).rawFloats();
    for (int i = 0; i < 1000; i++) {
      assertArrayEquals(new float[] {lane[i], -lane[i]},
          new float[] {both[2 * i], both[2 * i + 1]});
    }
  }

  private static float sequentialSum(float[] x) {
    float s = 0;
    for (float v : x) {
      s += v;
    }
    return s;
  }

  private static int[] bitsAt(Object v, int[] at) {
    float[] f = ((Array) v).rawFloats();
    int[] bits = new int[at.length];
    for (int i = 0; i < at.length; i++) {
      bits[i] = Float.floatToIntBits(f[at[i]]);
    }
    return bits;
  }
}
