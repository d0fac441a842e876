package dev.flaxj.backend.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * float32 {@code qr} equals JAX's bit for bit. The inputs are exact in float32:
 * {@code x[i][j] = ((31 i + 17 j + 5 i j) mod 23 - 11) / 8}; the shapes cover every branch of the
 * reproduced OpenBLAS order (4-, 2- and 1-column sgemv kernels, 0..3 tail rows, fused and
 * unfused sger rows, a wide input, a rank-deficient one). Expected values from jax 0.10.2
 * ({@code jnp.linalg.qr}); a "checksum" is the sum of the float32 bit patterns as int32.
 */
class LapackSingleQrTest {

  private static void assertBitExact(int m, int n, long qSum, long rSum, float q00, float qLast,
      float rLast) {
    float[] x = new float[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        x[i * n + j] = ((31 * i + 17 * j + 5 * i * j) % 23 - 11) / 8f;
      }
    }
    List<Value> qr = Lax.qr(Array.of(x, m, n));
    float[] q = ((Array) qr.get(0)).rawFloats();
    float[] r = ((Array) qr.get(1)).rawFloats();
    assertEquals(q00, q[0], 0, "q[0][0]");
    assertEquals(qLast, q[q.length - 1], 0, "q[-1][-1]");
    assertEquals(rLast, r[r.length - 1], 0, "r[-1][-1]");
    assertEquals(qSum, checksum(q), "q checksum");
    assertEquals(rSum, checksum(r), "r checksum");
  }

  private static long checksum(float[] values) {
    long sum = 0;
    for (float v : values) {
      sum += Float.floatToRawIntBits(v);
    }
    return sum;
  }

  @Test
  void tall() {
    // from jax 0.10.2
    assertBitExact(37, 7, -57380232115L, 8170013985L, -0.27363526821136475f,
        0.2934207320213318f, 4.2169294357299805f);
  }

  @Test
  void wide() {
    // from jax 0.10.2
    assertBitExact(7, 37, -11386619032L, 7814282385L, -0.5672816038131714f,
        0.4423258602619171f, -0.42389562726020813f);
  }

  @Test
  void squareRankDeficient() {
    // from jax 0.10.2
    assertBitExact(40, 40, -112442647182L, 7863026998L, -0.263932466506958f,
        0.26523643732070923f, -8.601723067158673e-08f);
  }

  @Test
  void moreThan128Rows() {
    // from jax 0.10.2
    assertBitExact(130, 3, -5982973798L, 28764436L, -0.1451268196105957f,
        0.023317202925682068f, 9.054522514343262f);
  }
}
