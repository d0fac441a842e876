package dev.flaxj.transform.jvp;

import static dev.flaxj.transform.jvp.JvpTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.DotDimensionNumbers;
import dev.flaxj.lax.Lax;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JVP rules of reductions, cumulative reductions, sort, dot_general, qr and random bits. */
class ReductionJvpTest {
  private static final Array CUBE = f64(new double[] {1.5, -2, 0.5, 3, -1, 4, 2.5, 0.75, -0.5,
      1.25, 2, -3}, 2, 3, 2);
  private static final Array TCUBE = f64(new double[] {0.25, 1, -3, 2, 0.5, -1, 1, 1, -2, 0.5,
      3, 0.125}, 2, 3, 2);

  @Test
  void reductionsMatchFiniteDifferences() {
    for (int[] axes : new int[][] {{0}, {1}, {0, 2}, {2, 0, 1}, {}}) {
      checkFd1(xs -> Lax.reduceSum(xs.get(0), axes), List.of(CUBE), List.of(TCUBE), 1e-8);
      checkFd1(xs -> Lax.reduceProd(xs.get(0), axes), List.of(CUBE), List.of(TCUBE), 1e-7);
      checkFd1(xs -> Lax.reduceMax(xs.get(0), axes), List.of(CUBE), List.of(TCUBE), 1e-7);
      checkFd1(xs -> Lax.reduceMin(xs.get(0), axes), List.of(CUBE), List.of(TCUBE), 1e-7);
    }
  }

  @Test
  void reduceMaxAveragesTiedLocationsAsJax() {
    // from jax 0.10.2: jax.jvp(lambda a: lax.reduce_max(a, (1,)), ...)
    JvpResult r = Jvp.jvpFlat(List.of(Array.of(new float[] {1, 3, 3, 2, 0, -1}, 2, 3)),
        List.of(Array.of(new float[] {1, 2, 4, 8, 16, 32}, 2, 3)),
        xs -> List.of(Lax.reduceMax(xs.get(0), 1)));
    assertExactly(new float[] {3.0f, 2.0f}, r.primalsOut().get(0));
    assertExactly(new float[] {3.0f, 8.0f}, r.tangentsOut().get(0));
    // from jax 0.10.2: an empty reduction gives -inf with a NaN tangent (0 / 0 locations)
    JvpResult empty = Jvp.jvpFlat(List.of(Array.of(new float[0], 0, 2)),
        List.of(Array.of(new float[0], 0, 2)), xs -> List.of(Lax.reduceMax(xs.get(0), 0)));
    assertExactly(new float[] {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY},
        empty.primalsOut().get(0));
    assertTrue(Double.isNaN(doubles(empty.tangentsOut().get(0))[1]));
  }

  @Test
  void reduceProdFollowsJaxsPairwiseTree() {
    // from jax 0.10.2: jax.jvp(lambda a: lax.reduce_prod(a, (0,)), ...), with a zero factor
    JvpResult r = Jvp.jvpFlat(List.of(Array.of(new float[] {1.5f, 3, 2, 0, -1, 4}, 3, 2)),
        List.of(Array.of(new float[] {1, 2, 0.5f, 1, 2, -1}, 3, 2)),
        xs -> List.of(Lax.reduceProd(xs.get(0), 0)));
    assertExactly(new float[] {-3.0f, 0.0f}, r.primalsOut().get(0));
    assertExactly(new float[] {3.25f, 12.0f}, r.tangentsOut().get(0));
    JvpResult empty = Jvp.jvpFlat(List.of(f64(new double[0], 2, 0)),
        List.of(f64(new double[0], 2, 0)), xs -> List.of(Lax.reduceProd(xs.get(0), 1)));
    assertClose(new double[] {1, 1}, empty.primalsOut().get(0), 0);
    assertClose(new double[] {0, 0}, Tangents.instantiate(empty.tangentsOut().get(0)), 0);
  }

  @Test
  void cumulativeReductionsMatchFiniteDifferences() {
    for (int axis = 0; axis < 3; axis++) {
      for (boolean reverse : new boolean[] {false, true}) {
        int a = axis;
        checkFd1(xs -> Lax.cumsum(xs.get(0), a, reverse), List.of(CUBE), List.of(TCUBE), 1e-8);
        checkFd1(xs -> Lax.cumprod(xs.get(0), a, reverse), List.of(CUBE), List.of(TCUBE), 1e-7);
        checkFd1(xs -> Lax.cummax(xs.get(0), a, reverse), List.of(CUBE), List.of(TCUBE), 1e-7);
        checkFd1(xs -> Lax.cummin(xs.get(0), a, reverse), List.of(CUBE), List.of(TCUBE), 1e-7);
      }
    }
    Array seven = f64(0.5, -1.5, 2, 1.25, -0.75, 3, 0.9);
    Array tSeven = f64(1, 2, 3, 4, 5, 6, 7);
    checkFd1(xs -> Lax.cumprod(xs.get(0), 0, false), List.of(seven), List.of(tSeven), 1e-7);
  }

  @Test
  void cumulativeReductionsMatchJax() {
    Array t5 = f32(1f, 2f, 3f, 4f, 5f);
    Array v5 = f32(1f, 3f, 3f, 2f, 5f);
    // from jax 0.10.2: jax.jvp(lambda a: lax.cumXXX(a, 0, reverse=...), ...)
    assertExactly(new float[] {1.0f, 1.0f, -8.5f, -31.5f, -61.875f}, tangent(
        xs -> Lax.cumprod(xs.get(0), 0, false), f32(1.5f, -2f, 0.5f, 3f, 1.25f), t5));
    assertExactly(new float[] {1.0f, 2.0f, 2.5f, 2.5f, 5.0f},
        tangent(xs -> Lax.cummax(xs.get(0), 0, false), v5, t5));
    assertExactly(new float[] {1.0f, 4.0f, 4.0f, 4.0f, 5.0f},
        tangent(xs -> Lax.cummin(xs.get(0), 0, true), v5, t5));
    assertExactly(new float[] {15.0f, 14.0f, 12.0f, 9.0f, 5.0f},
        tangent(xs -> Lax.cumsum(xs.get(0), 0, true), v5, t5));
  }

  @Test
  void logicalAndIndexReductionsHaveZeroTangents() {
    JvpResult r = Jvp.jvpFlat(List.of(CUBE), List.of(TCUBE), xs -> List.of(
        Lax.argmax(xs.get(0), 1, DType.INT32), Lax.argmin(xs.get(0), 2, DType.INT32),
        Lax.reduceOr(Lax.gt(xs.get(0), Fill.like(xs.get(0), 0)), 0),
        Lax.reduceAnd(Lax.gt(xs.get(0), Fill.like(xs.get(0), 0)), 0)));
    for (Value t : r.tangentsOut()) {
      assertTrue(Zero.is(t));
    }
  }

  @Test
  void sortPermutesTangentsWithThePrimals() {
    // from jax 0.10.2: jax.jvp(lambda a: lax.sort(a, dimension=1), ...)
    JvpResult r = Jvp.jvpFlat(List.of(Array.of(new float[] {3, 1, 2, 0, 5, -1}, 2, 3)),
        List.of(Array.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3)),
        xs -> Lax.sort(1, true, 1, xs.get(0)));
    assertExactly(new float[] {1.0f, 2.0f, 3.0f, -1.0f, 0.0f, 5.0f}, r.primalsOut().get(0));
    assertExactly(new float[] {2.0f, 3.0f, 1.0f, 6.0f, 4.0f, 5.0f}, r.tangentsOut().get(0));
    // several operands sorted by the first; an integer key stays without tangent
    Array keys = Array.of(new int[] {2, 0, 1, 1, 2, 0}, 3, 2);
    checkFd(xs -> Lax.sort(0, true, 1, keys, xs.get(0), xs.get(1)),
        List.of(f64(new double[] {1, 2, 3, 4, 5, 6}, 3, 2), f64(new double[] {-1, 0.5, 2, 7, 8, 9},
            3, 2)), List.of(f64(new double[] {0.5, 1, 2, 3, -1, -2}, 3, 2),
            f64(new double[] {1, 1, 2, 2, 3, 3}, 3, 2)), 1e-8);
    checkFd(xs -> Lax.sort(2, true, 1, xs.get(0)), List.of(CUBE), List.of(TCUBE), 1e-8);
  }

  @Test
  void dotGeneralIsBilinear() {
    Array a = f64(new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
    Array b = f64(new double[] {0.5, -1, 2, 1.5, 0.25, -2}, 2, 3);
    DotDimensionNumbers mm = DotDimensionNumbers.of(new int[] {1}, new int[] {0});
    Value bt = Lax.transpose(b, 1, 0);
    Value at = Lax.transpose(a, 1, 0);
    checkFd1(xs -> Lax.dotGeneral(xs.get(0), xs.get(1), mm), List.of(a, b), List.of(bt, at),
        1e-7);
    checkFd1(xs -> Lax.dotGeneral(xs.get(0), xs.get(1), mm), List.of(a, b),
        Arrays.asList(null, at), 1e-7);
    DotDimensionNumbers batched = DotDimensionNumbers.of(new int[] {2}, new int[] {2},
        new int[] {0}, new int[] {0});
    checkFd1(xs -> Lax.dotGeneral(xs.get(0), xs.get(1), batched), List.of(CUBE, CUBE),
        List.of(TCUBE, CUBE), 1e-7);
    // from jax 0.10.2: jax.jvp(lambda a, b: a @ b, (A, B), (B.T, A.T)) in float32
    Array a32 = Array.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
    Array b32 = Array.of(new float[] {0.5f, -1, 2, 1.5f, 0.25f, -2}, 2, 3);
    JvpResult r = Jvp.jvpFlat(List.of(a32, b32), List.of(Lax.transpose(b32, 1, 0),
        Lax.transpose(a32, 1, 0)), xs -> List.of(Lax.dotGeneral(xs.get(0), xs.get(1), mm)));
    assertExactly(new float[] {7.5f, 10.875f, 15.0f, 10.875f, 26.0625f, 36.5f, 15.0f, 36.5f,
        69.0f}, r.tangentsOut().get(0));
  }

  @Test
  void qrMatchesFiniteDifferences() {
    Array tall = f64(new double[] {2, -1, 0.5, 1, 3, -2, 0, 1, 4, 1.5, -0.5, 1}, 4, 3);
    Array dTall = f64(new double[] {0.1, 0.2, -0.3, 0.4, -0.5, 0.6, -0.7, 0.8, 0.9, 1.0, -1.1,
        1.2}, 4, 3);
    checkFd(xs -> Lax.qr(xs.get(0)), List.of(tall), List.of(dTall), 1e-6);
    checkFd(xs -> Lax.qr(Lax.slice(xs.get(0), new int[] {0, 0}, new int[] {3, 3})),
        List.of(tall), List.of(dTall), 1e-6);
    checkFd(xs -> Lax.qr(Lax.transpose(xs.get(0), 1, 0)), List.of(tall), List.of(dTall), 1e-6);
    // a batch; (the Householder signs flip where a pivot is exactly 0, so none is)
    Array batch = f64(new double[] {2, -1, 0.5, 1, 3, -2, 0.3, 1, 4, 1.5, -0.5, 1}, 2, 3, 2);
    checkFd(xs -> Lax.qr(xs.get(0)), List.of(batch), List.of(Lax.reshape(dTall, 2, 3, 2)), 1e-6);
  }

  @Test
  void qrOfEmptyMatrices() {
    for (int[] shape : new int[][] {{3, 0}, {0, 3}, {0, 0}}) {
      Array x = f64(new double[0], shape);
      JvpResult r = Jvp.jvpFlat(List.of(x), List.of(x), xs -> Lax.qr(xs.get(0)));
      for (int i = 0; i < 2; i++) {
        assertEquals(r.primalsOut().get(i).aval(), r.tangentsOut().get(i).aval());
      }
    }
  }

  @Test
  void qrMatchesJax() {
    Array x = Array.of(new float[] {2, -1, 0.5f, 1, 3, -2, 0, 1, 4, 1.5f, -0.5f, 1}, 4, 3);
    Array dx = Array.of(new float[] {0.1f, 0.2f, -0.3f, 0.4f, -0.5f, 0.6f, -0.7f, 0.8f, 0.9f,
        1.0f, -1.1f, 1.2f}, 4, 3);
    // from jax 0.10.2: jax.jvp(jnp.linalg.qr, (X,), (dX,)) in float32
    JvpResult r = Jvp.jvpFlat(List.of(x), List.of(dx), xs -> Lax.qr(xs.get(0)));
    assertClose(new double[] {0.17801137268543243, -0.2147061675786972, -0.1539386659860611,
        -0.04098103940486908, 0.04885464906692505, 0.11382324248552322, 0.2599734663963318,
        -0.25333207845687866, 0.08490774035453796, -0.210027813911438, 0.21942275762557983,
        -0.2751680910587311}, r.tangentsOut().get(0), 2e-6);
    assertClose(new double[] {-0.7799203991889954, 0.7139665484428406, 0.3323303759098053, 0.0,
        0.08461839705705643, -1.6962714195251465, 0.0, 0.0, -1.1153228282928467},
        r.tangentsOut().get(1), 2e-6);
    // from jax 0.10.2: the wide case, jax.jvp(jnp.linalg.qr, (X.T,), (dX.T,))
    JvpResult w = Jvp.jvpFlat(List.of(Lax.transpose(x, 1, 0)), List.of(Lax.transpose(dx, 1, 0)),
        xs -> Lax.qr(xs.get(0)));
    double[] dq = {-0.06858275830745697, 0.1267455369234085, 0.0252201110124588,
        -0.07481755316257477, -0.09552980959415436, -0.0669013112783432, 0.12469594180583954,
        -0.01485665887594223, 0.041206538677215576};
    double[] dr = {0.06546536833047867, -1.2407245635986328, 1.187728762626648,
        -1.5555816888809204, 0.0, 0.3344878554344177, 0.05575786158442497, 1.1273963451385498,
        0.0, 0.0, 1.2434669733047485, 0.5862978100776672};
    assertClose(dq, w.tangentsOut().get(0), 2e-6);
    assertClose(dr, w.tangentsOut().get(1), 2e-6);
  }

  @Test
  void randomBitsHaveZeroTangents() {
    Array key = Array.ofUint32(new int[] {0, 42}, 2);
    JvpResult r = Jvp.jvpFlat(List.of(Array.scalar(2f)), List.of(Array.scalar(1f)), xs -> {
      Value k = Lax.randomWrap(key);
      List<Value> bits = Lax.threefry2x32(Array.ofUint32(new int[] {0}), Array.ofUint32(
          new int[] {42}), Array.ofUint32(new int[] {1}), Array.ofUint32(new int[] {2}));
      Value u = Lax.convertElementType(Lax.shiftRightLogical(bits.get(0),
          Array.ofUint32(new int[] {9})), DType.FLOAT32);
      return List.of(Lax.mul(u, xs.get(0)), bits.get(1), Lax.randomUnwrap(k));
    });
    double u = doubles(r.primalsOut().get(0))[0] / 2;
    assertClose(new double[] {u}, r.tangentsOut().get(0), 0);
    assertTrue(Zero.is(r.tangentsOut().get(1)));
    assertTrue(Zero.is(r.tangentsOut().get(2)));
  }

  private static Value tangent(java.util.function.Function<List<Value>, Value> f, Value x,
      Value t) {
    return Tangents.instantiate(Jvp.jvpFlat(List.of(x), List.of(t), xs -> List.of(f.apply(xs)))
        .tangentsOut().get(0));
  }

  @Test
  void scalarReductionsWork() {
    assertEquals(DType.FLOAT64, tangent(xs -> Lax.reduceProd(xs.get(0)),
        Array.of(new double[] {2.0}), Array.of(new double[] {3.0})).dtype());
    assertClose(new double[] {3.0}, tangent(xs -> Lax.reduceProd(xs.get(0)),
        Array.of(new double[] {2.0}), Array.of(new double[] {3.0})), 0);
  }
}
