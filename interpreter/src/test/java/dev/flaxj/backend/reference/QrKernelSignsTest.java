package dev.flaxj.backend.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The qr kernel follows LAPACK's Householder sign conventions: q and r equal JAX's (not only up
 * to the sign of each column of q and row of r) for tall, wide and square inputs. Every expected
 * value is from jax 0.10.2, {@code jnp.linalg.qr(x)} in float32.
 */
class QrKernelSignsTest {

  private static void assertQr(float[] x, int m, int n, double[] q, double[] r) {
    List<Value> qr = Lax.qr(Array.of(x, m, n));
    assertClose(q, (Array) qr.get(0), "q");
    assertClose(r, (Array) qr.get(1), "r");
  }

  private static void assertClose(double[] expected, Array actual, String what) {
    float[] a = actual.rawFloats();
    assertEquals(expected.length, a.length, what + " size");
    for (int i = 0; i < a.length; i++) {
      assertEquals(expected[i], a[i], 0, what + "[" + i + "]");
    }
  }

  @Test
  void tall() {
    assertQr(new float[] {1, 2, 3, 4, 5, 6.5f, 7, 8.5f, 9, -1, 0.5f, 2}, 4, 3,
        new double[] {-0.12216949462890625, 0.4183945953845978, 0.06913407146930695,
            -0.4886777997016907, 0.08683644235134125, 0.8508079051971436, -0.8551861643791199,
            0.01973557472229004, -0.510707437992096, 0.12216944992542267, 0.9038892984390259,
            -0.10258696228265762},
        new double[] {-8.18535327911377, -9.895726203918457, -10.995250701904297, 0,
            1.8906687498092651, 3.8050196170806885, 0, 0, 0.9361119270324707});
  }

  @Test
  void wide() {
    assertQr(new float[] {2, 1, 0, 1.5f, -1, 3, 1, -0.5f, 0.5f, -2, 4, 1}, 3, 4,
        new double[] {-0.8728715181350708, -0.48425009846687317, 0.05997603386640549,
            0.4364357590675354, -0.7198312282562256, 0.5397841930389404, -0.2182178795337677,
            0.4973379373550415, 0.8396641612052917},
        new double[] {-2.291287899017334, 0.8728715777397156, -0.4364357590675354,
            -1.7457430362701416, 0, -3.6384191513061523, 1.2695204019546509,
            0.13087837398052216, 0, 0, 3.8984408378601074, 0.659736156463623});
    // a negative pivot reflects to a positive diagonal entry of r
    assertQr(new float[] {-1, 2, 3, 0.5f, -4, 1}, 2, 3,
        new double[] {-0.8944270610809326, 0.4472135901451111, 0.4472135901451111,
            0.8944271802902222},
        new double[] {1.1180340051651, -3.5777087211608887, -2.236067771911621, 0,
            -2.683281421661377, 2.2360680103302});
    // one row: no reflection at all
    assertQr(new float[] {-1, 2, 3}, 1, 3, new double[] {1}, new double[] {-1, 2, 3});
  }

  @Test
  void square() {
    assertQr(new float[] {1, 2, 0, -3, 1, 4, 2, -1, -2}, 3, 3,
        new double[] {-0.2672611474990845, -0.9566807746887207, 0.11547008156776428,
            0.8017836809158325, -0.1543034315109253, 0.5773502588272095, -0.5345224738121033,
            0.24688538908958435, 0.8082903623580933},
        new double[] {-3.7416574954986572, 0.8017839193344116, 4.276179790496826, 0,
            -2.3145501613616943, -1.1109843254089355, 0, 0, 0.6928203701972961});
    // already upper triangular: every column's tail is zero, no reflection, signs kept
    assertQr(new float[] {-2, 1, 3, 0, -1, 2, 0, 0, 4}, 3, 3,
        new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1},
        new double[] {-2, 1, 3, 0, -1, 2, 0, 0, 4});
  }
}
