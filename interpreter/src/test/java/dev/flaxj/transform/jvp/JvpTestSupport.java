package dev.flaxj.transform.jvp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Arrays, comparisons and central finite differences for the JVP tests. */
final class JvpTestSupport {
  private JvpTestSupport() {}

  static Array f32(float... v) {
    return Array.of(v, v.length);
  }

  static Array f64(double... v) {
    return Array.of(v, v.length);
  }

  static Array f64(double[] v, int... shape) {
    return Array.of(v, shape);
  }

  static double[] doubles(Value v) {
    return ((Array) v).toDoubleArray();
  }

  /** Elementwise {@code |a - e| <= tol * (1 + |e|)}, shapes and dtypes equal. */
  static void assertClose(Value expected, Value actual, double tol) {
    assertEquals(expected.aval().shape(), actual.aval().shape(), "shape");
    assertEquals(expected.dtype(), actual.dtype(), "dtype");
    assertClose(doubles(expected), actual, tol);
  }

  static void assertClose(double[] expected, Value actual, double tol) {
    double[] a = doubles(actual);
    assertEquals(expected.length, a.length, "size");
    for (int i = 0; i < a.length; i++) {
      boolean ok = Double.isNaN(expected[i]) ? Double.isNaN(a[i])
          : Math.abs(a[i] - expected[i]) <= tol * (1 + Math.abs(expected[i]));
      assertTrue(ok, "element " + i + ": expected " + expected[i] + " but got " + a[i]);
    }
  }

  /** float32 results from JAX, compared to within a few ulp. */
  static void assertJax(float[] expected, Value actual) {
    assertEquals(DType.FLOAT32, actual.dtype());
    double[] e = new double[expected.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = expected[i];
    }
    assertClose(e, actual, 3e-7);
  }

  static void assertExactly(float[] expected, Value actual) {
    assertArrayEquals(expected, ((Array) actual).toFloatArray());
  }

  /** Tangents out of {@link Jvp#jvpFlat}, zeros instantiated. */
  static List<Value> jvpTangents(Function<List<Value>, List<Value>> f, List<Value> primals,
      List<Value> tangents) {
    return Tangents.instantiate(Jvp.jvpFlat(primals, tangents, f).tangentsOut());
  }

  /**
   * Checks the JVP of {@code f} at {@code primals} along {@code tangents} (nulls: not perturbed,
   * e.g. integer operands) against the central difference {@code (f(x + h t) - f(x - h t)) / 2h},
   * with {@code h = 1e-6} when the first primal is float64 and {@code 1e-3} for float32.
   */
  static void checkFd(Function<List<Value>, List<Value>> f, List<Value> primals,
      List<Value> tangents, double tol) {
    double h = primals.get(0).dtype() == DType.FLOAT64 ? 1e-6 : 1e-3;
    List<Value> plus = new ArrayList<>();
    List<Value> minus = new ArrayList<>();
    List<Value> ts = new ArrayList<>();
    for (int i = 0; i < primals.size(); i++) {
      Value p = primals.get(i);
      Value t = tangents.get(i);
      if (t == null) {
        plus.add(p);
        minus.add(p);
        ts.add(Zero.of(p.aval()));
        continue;
      }
      double[] x = doubles(p);
      double[] d = doubles(t);
      double[] xp = new double[x.length];
      double[] xm = new double[x.length];
      for (int k = 0; k < x.length; k++) {
        xp[k] = x[k] + h * d[k];
        xm[k] = x[k] - h * d[k];
      }
      plus.add(like(p, xp));
      minus.add(like(p, xm));
      ts.add(t);
    }
    List<Value> fp = f.apply(plus);
    List<Value> fm = f.apply(minus);
    List<Value> jvp = jvpTangents(f, primals, ts);
    for (int o = 0; o < jvp.size(); o++) {
      if (!fp.get(o).dtype().isFloating()) {
        continue;
      }
      double[] a = doubles(fp.get(o));
      double[] b = doubles(fm.get(o));
      double[] fd = new double[a.length];
      for (int k = 0; k < a.length; k++) {
        fd[k] = (a[k] - b[k]) / (2 * h);
      }
      assertClose(fd, jvp.get(o), tol);
    }
  }

  private static Array like(Value p, double[] v) {
    if (p.dtype() == DType.FLOAT64) {
      return Array.of(v, p.shape().dims());
    }
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return Array.of(f, p.shape().dims());
  }

  /** {@link #checkFd} for a function of one output. */
  static void checkFd1(Function<List<Value>, Value> f, List<Value> primals, List<Value> tangents,
      double tol) {
    checkFd(xs -> List.of(f.apply(xs)), primals, tangents, tol);
  }
}
