package dev.flaxj.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import org.junit.jupiter.api.Test;

/**
 * {@code orthogonal}. JAX's values come from float32 LAPACK QR, which the float32 qr kernel
 * repeats bit for bit, so they are equal.
 */
class OrthogonalTest {

  @Test
  void matchesJaxBitForBit() {
    // from jax 0.10.2: random.orthogonal(key(42), 3)
    double[] jax = {-0.01952970027923584, 0.9952677488327026, 0.09518947452306747,
        0.10594390332698822, -0.09261152893304825, 0.9900500178337097, -0.99418044090271,
        -0.02941983938217163, 0.10363386571407318};
    float[] ours = ((Array) Random.orthogonal(Random.key(42), 3)).rawFloats();
    for (int i = 0; i < 9; i++) {
      assertEquals(jax[i], ours[i], 0, "element " + i);
    }
  }

  @Test
  void rowsOrColumnsAreOrthonormal() {
    Value wide = Random.orthogonal(Random.key(1), 3, new int[] {2}, DType.FLOAT32, 5);
    assertEquals(Shape.of(2, 3, 5), wide.shape());
    float[] w = ((Array) wide).rawFloats();
    for (int b = 0; b < 2; b++) {
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          double dot = 0;
          for (int k = 0; k < 5; k++) {
            dot += w[b * 15 + i * 5 + k] * w[b * 15 + j * 5 + k];
          }
          assertEquals(i == j ? 1 : 0, dot, 1e-6);
        }
      }
    }
    Value tall = Random.orthogonal(Random.key(1), 5, new int[0], DType.FLOAT32, 2);
    assertEquals(Shape.of(5, 2), tall.shape());
    float[] t = ((Array) tall).rawFloats();
    double dot = 0;
    for (int k = 0; k < 5; k++) {
      dot += t[2 * k] * t[2 * k + 1];
    }
    assertEquals(0, dot, 1e-6);
  }

  @Test
  void emptyMatricesWork() {
    assertEquals(Shape.of(0, 3),
        Random.orthogonal(Random.key(1), 0, new int[0], DType.FLOAT32, 3).shape());
  }
}
