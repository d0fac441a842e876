package dev.flaxj.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import dev.flaxj.random.Random;
import org.junit.jupiter.api.Test;

/** The initialisers against bit patterns from real JAX, with shape, statistics and error checks. */
class InitializersTest {
  private static final Value K42 = Random.key(42);
  private static final Value K1 = Random.key(1);

  private static void assertBits(int[] expected, Value actual) {
    assertEquals(DType.FLOAT32, actual.dtype());
    float[] f = ((Array) actual).rawFloats();
    int[] bits = new int[f.length];
    for (int i = 0; i < f.length; i++) {
      bits[i] = Float.floatToRawIntBits(f[i]);
    }
    assertArrayEquals(expected, bits);
  }

  @Test
  void varianceScalingFamilyIsBitExact() {
    // from jax 0.10.2: lecun_normal()(key(42), (3, 4)), glorot_uniform()(key(42), (3, 4))
    assertBits(new int[] {0xbc9143cb, 0x3e955636, 0x3e3d73ef, 0x3dc4f085, 0xbd9f1af9, 0x3e0b109f,
        0xbf5d0e55, 0x3ef0312b, 0x3ea68b5d, 0x3f0fe9e8, 0xbe761cb2, 0x3f326d3c},
        Initializers.lecunNormal().init(K42, 3, 4));
    assertBits(new int[] {0xbcab42ad, 0x3eaa7473, 0x3e5c75c3, 0x3de761f9, 0xbdbb29da, 0x3e22cefa,
        0xbf498c7d, 0x3f026b2f, 0x3ebc9f0b, 0x3f1709e8, 0xbe8deaa8, 0x3f30b95f},
        Initializers.xavierUniform().init(K42, 3, 4));
    // from jax 0.10.2: variance_scaling(0.5, "fan_geo_avg", "normal")(key(1), (3, 5))
    assertBits(new int[] {0xbd634964, 0x3cf9543b, 0xbd481fb1, 0xbd642b19, 0x3ee90554, 0x3d5a403f,
        0x3f44fc14, 0x3eb874a6, 0xbdd5a521, 0x3e03d849, 0xbe823ba2, 0xbdb4b16a, 0x3ea2ea40,
        0x3e909e0d, 0x3ea387c4},
        Initializers.varianceScaling(0.5, "fan_geo_avg", "normal").init(K1, 3, 5));
    // from jax 0.10.2: variance_scaling(2.0, "fan_out", "uniform", in_axis=0,
    // out_axis=(1, 2))(key(1), (2, 3, 4)), first 6 of 24 values
    Value vs = Initializers.varianceScaling(2.0, "fan_out", "uniform", new int[] {0},
        new int[] {1, 2}, new int[0]).init(K1, 2, 3, 4);
    assertEquals(Shape.of(2, 3, 4), vs.shape());
    float[] first = java.util.Arrays.copyOf(((Array) vs).rawFloats(), 6);
    assertBits(new int[] {0xbdb1bd43, 0x3d43848d, 0xbd9ca324, 0xbdb26c5b, 0x3f0fdc57, 0x3daab9d4},
        Array.of(first, 6));
  }

  @Test
  void simpleInitializersAreBitExact() {
    // from jax 0.10.2: normal(0.5), uniform(0.3), truncated_normal(0.5, lower=-1, upper=3)
    // and constant(0.1), each on key(1)
    assertBits(new int[] {0xbd9e24c8, 0x3d2d7b02, 0xbd8b3e78, 0xbd9ec1d3},
        Initializers.normal(0.5).init(K1, 4));
    assertBits(new int[] {0x3e06bf77, 0x3e23f80a, 0x3e08fc72, 0x3e06ace4},
        Initializers.uniform(0.3).init(K1, 4));
    assertBits(new int[] {0x3d0b3fc3, 0x3e0b04d9, 0x3d2ac1de, 0x3d0a3a79},
        Initializers.truncatedNormal(0.5, -1.0, 3.0).init(K1, 4));
    assertBits(new int[] {0x3dcccccd, 0x3dcccccd}, Initializers.constant(0.1).init(K1, 2));
  }

  @Test
  void zerosAndOnesIgnoreTheKey() {
    Value z = Initializers.zeros(K42, new int[] {2, 3}, DType.INT32);
    assertEquals(Array.of(new int[6], 2, 3), z);
    assertEquals(Array.of(new float[] {1, 1}, 2), Initializers.ones().init(K1, 2));
    assertEquals(Shape.SCALAR, Initializers.zeros().init(K1).shape());
    assertEquals(Shape.of(0, 4), Initializers.ones().init(K1, 0, 4).shape());
  }

  @Test
  void orthogonalInitializerHasOrthonormalColumnsAndMatchesJax() {
    // from jax 0.10.2: orthogonal(2.0, column_axis=0)(key(1), (2, 3)), within QR rounding
    double[] jax = {-0.2406928539276123, -0.21192772686481476, 1.9741209745407104,
        1.1919195652008057, -1.6058001518249512, -0.027063727378845215};
    float[] ours = ((Array) Initializers.orthogonal(2.0, 0).init(K1, 2, 3)).rawFloats();
    for (int i = 0; i < 6; i++) {
      assertEquals(jax[i], ours[i], 1e-6, "element " + i);
    }
    Value q = Initializers.orthogonal().init(K42, 4, 3, 2);
    assertEquals(Shape.of(4, 3, 2), q.shape());
    float[] m = ((Array) q).rawFloats(); // a 12 x 2 matrix with orthonormal columns
    double[][] gram = new double[2][2];
    for (int r = 0; r < 12; r++) {
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 2; j++) {
          gram[i][j] += m[2 * r + i] * m[2 * r + j];
        }
      }
    }
    assertEquals(1, gram[0][0], 1e-6);
    assertEquals(0, gram[0][1], 1e-6);
    assertEquals(1, gram[1][1], 1e-6);
    assertEquals(Array.of(new float[0], 0, 3), Initializers.orthogonal().init(K1, 0, 3));
  }

  @Test
  void heNormalHasTheRequestedVariance() {
    // Truncated normal corrected to variance 2 / fan_in = 2 / 72.
    float[] w = ((Array) Initializers.kaimingNormal().init(K42, 3, 3, 8, 400)).rawFloats();
    double sum = 0;
    double sumSq = 0;
    for (float v : w) {
      sum += v;
      sumSq += v * v;
    }
    double mean = sum / w.length;
    assertEquals(0, mean, 0.005);
    assertEquals(2.0 / 72, sumSq / w.length - mean * mean, 0.001);
  }

  @Test
  void badInputIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Initializers.lecunNormal().init(K42, 5));
    assertTrue(e.getMessage().contains("(5,)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Initializers.orthogonal().init(K42, 4));
    assertTrue(e.getMessage().contains("orthogonal") && e.getMessage().contains("(4,)"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Initializers.varianceScaling(1, "fan_in", "cauchy"));
    assertTrue(e.getMessage().contains("cauchy"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Initializers.glorotNormal().init(K42, 2, 0));
    assertTrue(e.getMessage().contains("(2, 0)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Initializers.heUniform().init(K42, new int[] {2, 2}, DType.INT32));
    assertTrue(e.getMessage().contains("int32"), e.getMessage());
  }
}
