package dev.flaxj.transform.jvp;

import static dev.flaxj.transform.jvp.JvpTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.GatherDimensionNumbers;
import dev.flaxj.lax.GatherScatterMode;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.ScatterDimensionNumbers;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JVP rules of the shape and indexing primitives. */
class StructuralJvpTest {
  private static final Array M = f64(new double[] {1.5, -2, 0.5, 3, -1, 4}, 2, 3);
  private static final Array TM = f64(new double[] {0.25, 1, -3, 2, 0.5, -1}, 2, 3);
  private static final ScatterDimensionNumbers POINTS =
      new ScatterDimensionNumbers(new int[0], new int[] {0}, new int[] {0});

  @Test
  void shapeOpsAreLinear() {
    checkFd1(xs -> Lax.broadcastInDim(xs.get(0), new int[] {4, 2, 3}, new int[] {1, 2}),
        List.of(M), List.of(TM), 1e-8);
    checkFd1(xs -> Lax.reshape(xs.get(0), 3, 2), List.of(M), List.of(TM), 1e-8);
    checkFd1(xs -> Lax.transpose(xs.get(0), 1, 0), List.of(M), List.of(TM), 1e-8);
    checkFd1(xs -> Lax.squeeze(Lax.reshape(xs.get(0), 1, 6), 0), List.of(M), List.of(TM), 1e-8);
    checkFd1(xs -> Lax.rev(xs.get(0), 1), List.of(M), List.of(TM), 1e-8);
    checkFd1(xs -> Lax.mul(xs.get(0), Lax.convertElementType(
        Lax.iota(DType.INT32, new int[] {2, 3}, 1), DType.FLOAT64)), List.of(M), List.of(TM), 1e-8);
  }

  @Test
  void concatenateFillsZeroTangents() {
    checkFd1(xs -> Lax.concatenate(1, xs.get(0), xs.get(1), xs.get(0)), List.of(M, M),
        Arrays.asList(TM, null), 1e-8);
    JvpResult r = Jvp.jvpFlat(List.of(M), List.of(TM),
        xs -> List.of(Lax.concatenate(0, f64(new double[] {7, 7, 7}, 1, 3), xs.get(0))));
    assertClose(new double[] {0, 0, 0, 0.25, 1, -3, 2, 0.5, -1}, r.tangentsOut().get(0), 0);
  }

  @Test
  void padIsLinearInTheOperandAndThePaddingValue() {
    int[][] config = {{1, -1, 1}, {0, 2, 0}};
    checkFd1(xs -> Lax.pad(xs.get(0), xs.get(1), config), List.of(M, Array.of(new double[] {9})),
        List.of(TM, Array.of(new double[] {-2})), 1e-8);
    checkFd1(xs -> Lax.pad(xs.get(0), Array.of(new double[] {9}), config), List.of(M),
        List.of(TM), 1e-8);
  }

  @Test
  void slicesAreLinearInTheOperand() {
    checkFd1(xs -> Lax.slice(xs.get(0), new int[] {0, 0}, new int[] {2, 3}, new int[] {1, 2}),
        List.of(M), List.of(TM), 1e-8);
    Value[] starts = {Array.scalar(1), Array.scalar(-2)};
    checkFd1(xs -> Lax.dynamicSlice(xs.get(0), starts, new int[] {1, 2}), List.of(M),
        List.of(TM), 1e-8);
    Array update = f64(new double[] {5, 6}, 1, 2);
    Array tUpdate = f64(new double[] {-1, 0.5}, 1, 2);
    checkFd1(xs -> Lax.dynamicUpdateSlice(xs.get(0), xs.get(1), starts), List.of(M, update),
        List.of(TM, tUpdate), 1e-8);
    checkFd1(xs -> Lax.dynamicUpdateSlice(xs.get(0), xs.get(1), starts), List.of(M, update),
        Arrays.asList(null, tUpdate), 1e-8);
  }

  @Test
  void gatherTakesTheTangentsOfTheGatheredElements() {
    GatherDimensionNumbers rows = new GatherDimensionNumbers(new int[] {1}, new int[] {0},
        new int[] {0});
    Array idx = Array.of(new int[] {1, 0, 1, 5}, 4, 1);
    checkFd1(xs -> Lax.gather(xs.get(0), idx, rows, new int[] {1, 3}, GatherScatterMode.CLIP),
        List.of(M), List.of(TM), 1e-8);
    checkFd1(xs -> Lax.gather(xs.get(0), Array.of(new int[] {1, 0, 1}, 3, 1), rows,
        new int[] {1, 3}, GatherScatterMode.FILL_OR_DROP), List.of(M), List.of(TM), 1e-8);
    // out-of-bounds windows in FILL_OR_DROP mode are filled with NaN, their tangent with 0
    JvpResult r = Jvp.jvpFlat(List.of(M), List.of(TM), xs -> List.of(Lax.gather(xs.get(0), idx,
        rows, new int[] {1, 3}, GatherScatterMode.FILL_OR_DROP)));
    double[] t = doubles(r.tangentsOut().get(0));
    assertEquals(List.of(0.0, 0.0, 0.0), List.of(t[9], t[10], t[11]));
    assertTrue(Double.isNaN(doubles(r.primalsOut().get(0))[9]));
  }

  @Test
  void scatterFollowsTheWinningUpdateAsJax() {
    Array idx = Array.of(new int[] {1, 1, 3}, 3, 1);
    Array x = f32(0f, 1f, 2f, 3f);
    Array u = f32(10f, 20f, 30f);
    List<Value> ts = List.of(f32(1.0f, -2.0f, 0.5f, 3.0f), f32(100f, 200f, 300f));
    // from jax 0.10.2: jax.jvp(lambda a, u: lax.scatter(a, idx, u, dn), ...), last update wins
    JvpResult r = Jvp.jvpFlat(List.of(x, u), ts, xs -> List.of(Lax.scatter(xs.get(0), idx,
        xs.get(1), POINTS, null)));
    assertExactly(new float[] {0.0f, 20.0f, 2.0f, 30.0f}, r.primalsOut().get(0));
    assertExactly(new float[] {1.0f, 200.0f, 0.5f, 300.0f}, r.tangentsOut().get(0));
    // from jax 0.10.2: the same with lax.scatter_add
    JvpResult add = Jvp.jvpFlat(List.of(x, u), ts, xs -> List.of(Lax.scatterAdd(xs.get(0), idx,
        xs.get(1), POINTS, null)));
    assertExactly(new float[] {0.0f, 31.0f, 2.0f, 33.0f}, add.primalsOut().get(0));
    assertExactly(new float[] {1.0f, 298.0f, 0.5f, 303.0f}, add.tangentsOut().get(0));
  }

  @Test
  void scatterHandlesOutOfBoundsUpdatesPerMode() {
    Array idx = Array.of(new int[] {5, 1, 7}, 3, 1);
    Array x = f32(0f, 1f, 2f, 3f);
    Array u = f32(10f, 20f, 30f);
    List<Value> ts = List.of(f32(1f, 1f, 1f, 1f), f32(1f, 2f, 3f));
    // from jax 0.10.2: x.at[[5, 1, 7]].set(u, mode=...) under jax.jvp
    JvpResult clip = Jvp.jvpFlat(List.of(x, u), ts, xs -> List.of(Lax.scatter(xs.get(0), idx,
        xs.get(1), POINTS, GatherScatterMode.CLIP)));
    assertExactly(new float[] {0f, 20f, 2f, 30f}, clip.primalsOut().get(0));
    assertExactly(new float[] {1f, 2f, 1f, 3f}, clip.tangentsOut().get(0));
    JvpResult drop = Jvp.jvpFlat(List.of(x, u), ts, xs -> List.of(Lax.scatter(xs.get(0), idx,
        xs.get(1), POINTS, GatherScatterMode.FILL_OR_DROP)));
    assertExactly(new float[] {0f, 20f, 2f, 3f}, drop.primalsOut().get(0));
    assertExactly(new float[] {1f, 2f, 1f, 1f}, drop.tangentsOut().get(0));
  }

  @Test
  void scatterWithUniqueIndicesAndWindows() {
    ScatterDimensionNumbers rows = new ScatterDimensionNumbers(new int[] {1}, new int[] {0},
        new int[] {0});
    Array idx = Array.of(new int[] {1, 0}, 2, 1);
    Array upd = f64(new double[] {7, 8, 9, 10, 11, 12}, 2, 3);
    Array tUpd = f64(new double[] {1, -1, 2, -2, 3, -3}, 2, 3);
    for (boolean unique : new boolean[] {true, false}) {
      checkFd1(xs -> Lax.scatter(xs.get(0), idx, xs.get(1), rows, null, false, unique),
          List.of(M, upd), List.of(TM, tUpd), 1e-8);
      checkFd1(xs -> Lax.scatterAdd(xs.get(0), idx, xs.get(1), rows, null, false, unique),
          List.of(M, upd), Arrays.asList(null, tUpd), 1e-8);
    }
  }

  @Test
  void zeroSizeAndScalarOperands() {
    Array empty = f64(new double[0], 0, 2);
    JvpResult r = Jvp.jvpFlat(List.of(empty), List.of(empty),
        xs -> List.of(Lax.reshape(Lax.transpose(xs.get(0), 1, 0), 0)));
    assertEquals(List.of(0), Arrays.stream(r.tangentsOut().get(0).shape().dims()).boxed().toList());
    checkFd1(xs -> Lax.broadcastInDim(xs.get(0), new int[] {2, 2}, new int[0]),
        List.of(Array.of(new double[] {1.5})), List.of(Array.of(new double[] {-2.0})), 1e-8);
  }
}
