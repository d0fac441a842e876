package dev.flaxj.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reduced {@code qr} primitive (used by {@code jax.random.orthogonal}). */
class QrPrimitiveTest {
  private static final float[] X = {1, 2, 3, 4, 5, 6.5f, 7, 8.5f, 9, -1, 0.5f, 2};

  @Test
  void matchesJaxUpToTheSignOfEachColumn() {
    List<Value> qr = Lax.qr(Array.of(X, 4, 3));
    float[] q = ((Array) qr.get(0)).rawFloats();
    float[] r = ((Array) qr.get(1)).rawFloats();
    // from jax 0.10.2: jnp.linalg.qr(X)
    float[] jaxQ = {-0.12216949462890625f, 0.4183945953845978f, 0.06913407146930695f,
        -0.4886777997016907f, 0.08683644235134125f, 0.8508079051971436f,
        -0.8551861643791199f, 0.01973557472229004f, -0.510707437992096f,
        0.12216944992542267f, 0.9038892984390259f, -0.10258696228265762f};
    float[] jaxRDiag = {-8.18535327911377f, 1.8906687498092651f, 0.9361119270324707f};
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 3; j++) {
        float ours = q[i * 3 + j] * Math.signum(r[j * 3 + j]);
        float theirs = jaxQ[i * 3 + j] * Math.signum(jaxRDiag[j]);
        // float32 qr repeats JAX's LAPACK computation bit for bit.
        assertEquals(theirs, ours, 0, "q[" + i + "," + j + "]");
      }
    }
    for (int j = 0; j < 3; j++) {
      assertEquals(Math.abs(jaxRDiag[j]), Math.abs(r[j * 3 + j]), 0);
    }
  }

  @Test
  void float64IsTheDoublePrecisionFactor() {
    double[] x = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      x[i] = X[i];
    }
    List<Value> qr = Lax.qr(Array.of(x, 4, 3));
    double[] q = ((Array) qr.get(0)).rawDoubles();
    double sign = Math.signum(((Array) qr.get(1)).rawDoubles()[8]);
    // Column 2 of Q, normalised by sign(r[2,2]), from numpy.linalg.qr in float64 (not from jax).
    double[] exact = {0.0691351, 0.85080774, -0.51070766, -0.10258757};
    for (int i = 0; i < 4; i++) {
      assertEquals(exact[i], q[i * 3 + 2] * sign, 1e-7);
    }
  }

  @Test
  void factorsReproduceTheMatrixAndRIsUpperTriangular() {
    List<Value> qr = Lax.qr(Array.of(X, 2, 2, 3)); // a batch of two 2x3 matrices
    assertEquals(Shape.of(2, 2, 2), qr.get(0).shape());
    assertEquals(Shape.of(2, 2, 3), qr.get(1).shape());
    float[] q = ((Array) qr.get(0)).rawFloats();
    float[] r = ((Array) qr.get(1)).rawFloats();
    for (int b = 0; b < 2; b++) {
      assertEquals(0f, r[b * 6 + 3]);
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 3; j++) {
          double sum = 0;
          for (int k = 0; k < 2; k++) {
            sum += q[b * 4 + i * 2 + k] * r[b * 6 + k * 3 + j];
          }
          assertEquals(X[b * 6 + i * 3 + j], sum, 1e-5);
        }
      }
      double dot = q[b * 4] * q[b * 4 + 1] + q[b * 4 + 2] * q[b * 4 + 3];
      assertEquals(0, dot, 1e-6);
    }
  }

  @Test
  void zeroSizeMatricesGiveEmptyFactors() {
    // Shapes from jax 0.10.2: (0, 3) -> (0, 0), (0, 3); (3, 0) -> (3, 0), (0, 0).
    List<Value> a = Lax.qr(Array.of(new float[0], 0, 3));
    assertEquals(Shape.of(0, 0), a.get(0).shape());
    assertEquals(Shape.of(0, 3), a.get(1).shape());
    List<Value> b = Lax.qr(Array.of(new float[0], 3, 0));
    assertEquals(Shape.of(3, 0), b.get(0).shape());
    assertEquals(Shape.of(0, 0), b.get(1).shape());
  }

  @Test
  void rejectsVectorsAndIntegers() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Lax.qr(Array.of(new float[3], 3)));
    assertTrue(e.getMessage().contains("qr") && e.getMessage().contains("f32[3]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Lax.qr(Array.of(new int[4], 2, 2)));
    assertTrue(e.getMessage().contains("i32[2,2]"), e.getMessage());
  }
}
