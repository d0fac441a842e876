package dev.flaxj.lax;

import static dev.flaxj.lax.ReductionTestSupport.asArray;
import static dev.flaxj.lax.ReductionTestSupport.assertBools;
import static dev.flaxj.lax.ReductionTestSupport.assertFloats;
import static dev.flaxj.lax.ReductionTestSupport.assertInts;
import static dev.flaxj.lax.ReductionTestSupport.assertRejects;
import static dev.flaxj.lax.ReductionTestSupport.bvec;
import static dev.flaxj.lax.ReductionTestSupport.dims;
import static dev.flaxj.lax.ReductionTestSupport.fromBits;
import static dev.flaxj.lax.ReductionTestSupport.ivec;
import static dev.flaxj.lax.ReductionTestSupport.spread;
import static dev.flaxj.lax.ReductionTestSupport.uvec;
import static dev.flaxj.lax.ReductionTestSupport.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import java.util.List;
import org.junit.jupiter.api.Test;

/** dot_general: layouts, batch and contracting axes, dtypes, exact float results, errors. */
class DotGeneralTest {

  private static DotDimensionNumbers dn(int[] lc, int[] rc, int[] lb, int[] rb) {
    return DotDimensionNumbers.of(lc, rc, lb, rb);
  }

  private static DotDimensionNumbers contract(int[] lc, int[] rc) {
    return DotDimensionNumbers.of(lc, rc);
  }

  /** Small integers as float32, so that every product and sum is exact. */
  private static Array ints(int[] shape, int seed) {
    int n = Shape.of(shape).size();
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (i * seed) % 7 - 3;
    }
    return Array.of(v, shape);
  }

  @Test
  void matrixTimesMatrix() {
    Array a = Array.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    Array b = Array.of(new float[] {7, 8, 9, 10, 11, 12}, 3, 2);
    assertFloats(dims(2, 2), new float[] {58, 64, 139, 154},
        Lax.dotGeneral(a, b, contract(dims(1), dims(0))));
    // Contracting lhs axis 0 with rhs axis 1: a^T b^T.
    assertFloats(dims(3, 3), new float[] {39, 49, 59, 54, 68, 82, 69, 87, 105},
        Lax.dotGeneral(a, b, contract(dims(0), dims(1))));
  }

  @Test
  void vectorVectorMatrixVectorOuterAndScalars() {
    Array v = vec(1, 2, 3);
    Array m = Array.of(new float[] {1, 0, 2, 0, 1, 3}, 2, 3);
    assertFloats(dims(), new float[] {14}, Lax.dotGeneral(v, v, contract(dims(0), dims(0))));
    assertFloats(dims(2), new float[] {7, 11}, Lax.dotGeneral(m, v, contract(dims(1), dims(0))));
    assertFloats(dims(3), new float[] {1, 2, 8}, Lax.dotGeneral(vec(1, 2), m,
        contract(dims(0), dims(0))));
    assertFloats(dims(2, 3), new float[] {1, 2, 3, 2, 4, 6},
        Lax.dotGeneral(vec(1, 2), v, contract(dims(), dims())));
    // from jax 0.10.2: dot_general(float32(2), float32(3), no axes) = 6.0; with a vector, [2, 2, 2]
    assertFloats(dims(), new float[] {6},
        Lax.dotGeneral(Array.scalar(2f), Array.scalar(3f), contract(dims(), dims())));
    assertFloats(dims(3), new float[] {2, 4, 6},
        Lax.dotGeneral(Array.scalar(2f), v, contract(dims(), dims())));
  }

  @Test
  void batchAndMultipleContractingAxesMatchANaiveLoop() {
    // lhs (5, 2, 3, 4): batch axis 1, contracting (3, 2);
    // rhs (4, 2, 3, 6): batch axis 1, contracting (0, 2)
    Array lhs = ints(dims(5, 2, 3, 4), 5);
    Array rhs = ints(dims(4, 2, 3, 6), 3);
    Array out = asArray(Lax.dotGeneral(lhs, rhs, dn(dims(3, 2), dims(0, 2), dims(1), dims(1))));
    assertEquals(Shape.of(2, 5, 6), out.shape());
    float[] l = lhs.rawFloats();
    float[] r = rhs.rawFloats();
    float[] expected = new float[2 * 5 * 6];
    for (int b = 0; b < 2; b++) {
      for (int i = 0; i < 5; i++) {
        for (int j = 0; j < 6; j++) {
          float s = 0;
          for (int k3 = 0; k3 < 4; k3++) {
            for (int k2 = 0; k2 < 3; k2++) {
              s += l[((i * 2 + b) * 3 + k2) * 4 + k3] * r[((k3 * 2 + b) * 3 + k2) * 6 + j];
            }
          }
          expected[(b * 5 + i) * 6 + j] = s;
        }
      }
    }
    assertArrayEquals(expected, out.rawFloats());
  }

  @Test
  void batchedMatrixProductWithTrailingBatchAxes() {
    // lhs (3, 2) with batch axis 1 and rhs (2, 3) with batch axis 0, contracting the 3s.
    Array lhs = Array.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
    Array rhs = Array.of(new float[] {1, 1, 1, 2, 0, -1}, 2, 3);
    assertFloats(dims(2), new float[] {9, -2},
        Lax.dotGeneral(lhs, rhs, dn(dims(0), dims(1), dims(1), dims(0))));
  }

  @Test
  void zeroSizeAxes() {
    assertFloats(dims(2, 3), new float[6], Lax.dotGeneral(Array.of(new float[0], 2, 0),
        Array.of(new float[0], 0, 3), contract(dims(1), dims(0))));
    assertFloats(dims(0, 2), new float[0], Lax.dotGeneral(Array.of(new float[0], 0, 3),
        ints(dims(3, 2), 1), contract(dims(1), dims(0))));
    assertInts(dims(0, 4, 4), DType.INT32, new int[0], Lax.dotGeneral(
        Array.of(new int[0], 0, 4, 2), Array.of(new int[0], 0, 2, 4),
        dn(dims(2), dims(1), dims(0), dims(0))));
  }

  @Test
  void signedZeroFollowsXla() {
    // from jax 0.10.2: dot([-0.], [1.]) = -0.0 (a product), dot([-0., -0.], [1., 1.]) = 0.0
    assertFloats(dims(), new float[] {-0f},
        Lax.dotGeneral(vec(-0f), vec(1), contract(dims(0), dims(0))));
    assertFloats(dims(), new float[] {0f},
        Lax.dotGeneral(vec(-0f, -0f), vec(1, 1), contract(dims(0), dims(0))));
  }

  @Test
  void integersWrapAndBoolsComputeOrOfAnds() {
    // from jax 0.10.2: [2**30, 2**30, 3] . [4, 1, 1] = 1073741827;
    // uint32 [2**32-1] . [3] = 4294967293
    assertInts(dims(), DType.INT32, new int[] {1073741827}, Lax.dotGeneral(
        ivec(1 << 30, 1 << 30, 3), ivec(4, 1, 1), contract(dims(0), dims(0))));
    assertInts(dims(), DType.UINT32, new int[] {-3},
        Lax.dotGeneral(uvec(-1), uvec(3), contract(dims(0), dims(0))));
    // from jax 0.10.2: [True, True, False] . [True, True, True] = True; float32/int32 results 2
    Array p = bvec(true, true, false);
    Array q = bvec(true, true, true);
    assertBools(dims(), new boolean[] {true}, Lax.dotGeneral(p, q, contract(dims(0), dims(0))));
    assertBools(dims(), new boolean[] {false},
        Lax.dotGeneral(p, bvec(false, false, true), contract(dims(0), dims(0))));
    assertInts(dims(), DType.INT32, new int[] {2},
        Lax.dotGeneral(p, q, contract(dims(0), dims(0)), DType.INT32));
    assertFloats(dims(), new float[] {2},
        Lax.dotGeneral(p, q, contract(dims(0), dims(0)), DType.FLOAT32));
  }

  @Test
  void subnormalsAreFlushedToZeroAsOnXlaCpu() {
    float d = 1e-40f;
    DotDimensionNumbers vv = contract(dims(0), dims(0));
    // from jax 0.10.2: [d, d] . [1, 1] = 0.0, [d] . [1] = 0.0,
    // [1e-20, 1e-20] . [1e-20, 1e-20] = 0.0
    assertFloats(dims(), new float[] {0}, Lax.dotGeneral(vec(d, d), vec(1, 1), vv));
    assertFloats(dims(), new float[] {0}, Lax.dotGeneral(vec(d), vec(1), vv));
    assertFloats(dims(), new float[] {0},
        Lax.dotGeneral(vec(1e-20f, 1e-20f), vec(1e-20f, 1e-20f), vv));
  }

  @Test
  void float64OperandsComputeInDoubles() {
    Array a = Array.of(new double[] {1e-17, 1, 1}, 1, 3);
    Array b = Array.of(new double[] {1, 1, -1}, 3, 1);
    Array c = asArray(Lax.dotGeneral(a, b, contract(dims(1), dims(0))));
    assertEquals(DType.FLOAT64, c.dtype());
    assertEquals(Math.fma(1.0, -1.0, Math.fma(1.0, 1.0, 1e-17)), c.rawDoubles()[0]);
    assertFloats(dims(), new float[] {2.5f}, Lax.dotGeneral(Array.of(new double[] {2.5}, 1),
        vec(1), contract(dims(0), dims(0)), DType.FLOAT32));
  }

  @Test
  void mixedDTypesTakeTheHigherOne() {
    // from jax 0.10.2: int32 [1, 2] . float32 [1.5, 1.5] = 4.5; bool [T, F] . f32 [1.5, 1.5] = 1.5;
    // int32 [-1, 2] . uint32 [3, 1] = -1 (int32)
    assertFloats(dims(), new float[] {4.5f},
        Lax.dotGeneral(ivec(1, 2), vec(1.5f, 1.5f), contract(dims(0), dims(0))));
    assertFloats(dims(), new float[] {1.5f},
        Lax.dotGeneral(bvec(true, false), vec(1.5f, 1.5f), contract(dims(0), dims(0))));
    assertInts(dims(), DType.INT32, new int[] {-1},
        Lax.dotGeneral(ivec(-1, 2), uvec(3, 1), contract(dims(0), dims(0))));
  }

  @Test
  void preferredElementTypeSetsTheResultAndTheAccumulator() {
    // from jax 0.10.2: int32 [2**24, 1, 1] . [1, 1, 1] with float32 = 16777216.0 (float sums);
    // float32 [1.5, 2.5] . [1, 1] with int32 = 4; with bool = True
    assertFloats(dims(), new float[] {16777216f}, Lax.dotGeneral(ivec(1 << 24, 1, 1),
        ivec(1, 1, 1), contract(dims(0), dims(0)), DType.FLOAT32));
    assertInts(dims(), DType.INT32, new int[] {4}, Lax.dotGeneral(vec(1.5f, 2.5f), vec(1, 1),
        contract(dims(0), dims(0)), DType.INT32));
    assertBools(dims(), new boolean[] {true}, Lax.dotGeneral(vec(1.5f, 2.5f), vec(1, 1),
        contract(dims(0), dims(0)), DType.BOOL));
    assertFloats(dims(), new float[] {3}, Lax.dotGeneral(vec(1, 2), vec(1, 1),
        contract(dims(0), dims(0)), null));
  }

  @Test
  void floatResultsAreBitIdenticalToJax() {
    Array a = Array.of(spread(20, 2654435761L), 4, 5);
    Array b = Array.of(spread(15, 40503L), 5, 3);
    DotDimensionNumbers mm = contract(dims(1), dims(0));
    // from jax 0.10.2: lax.dot_general on ReductionTestSupport.spread inputs
    assertFloats(dims(4, 3), fromBits(1451525504, 1443094941, 1434664377, 1406892981,
        1398434893, 1389976806, 1361964621, 1353520961, 1345077302, -758287669, -766743339,
        -775199007), Lax.dotGeneral(a, b, mm));
    float[] c = asArray(Lax.dotGeneral(Array.of(spread(1024, 2654435761L), 32, 32),
        Array.of(spread(1024, 40503L), 32, 32), mm)).rawFloats();
    // from jax 0.10.2 (32x32 by 32x32; these entries differ without fused multiply-add)
    assertArrayEquals(fromBits(1440489141, 1438383789, 1380194027, 1393850614),
        new float[] {c[1], c[2], c[7], c[10]});
    float[] d = asArray(Lax.dotGeneral(Array.of(spread(784, 2654435761L), 1, 784),
        Array.of(spread(784 * 128, 40503L), 784, 128), mm)).rawFloats();
    // from jax 0.10.2 (1x784 by 784x128)
    assertArrayEquals(fromBits(1457727723, 1449313501, 1440678595, 1432263971),
        new float[] {d[0], d[1], d[2], d[3]});
  }

  @Test
  void abstractEvaluationAndWeakTypes() {
    List<ShapedArray> out = DotGeneralPrimitive.DOT_GENERAL.abstractEval(
        List.of(ShapedArray.of(DType.FLOAT32, 5, 2, 3, 4), ShapedArray.of(DType.FLOAT32, 4, 2, 7)),
        Params.of("dimension_numbers", dn(dims(3), dims(0), dims(1), dims(1))));
    assertEquals(List.of(ShapedArray.of(DType.FLOAT32, 2, 5, 3, 7)), out);
    assertTrue(asArray(Lax.dotGeneral(Array.weak(2.0), Array.weak(3.0),
        contract(dims(), dims()))).weakType());
    assertFalse(asArray(Lax.dotGeneral(Array.weak(2.0), Array.scalar(3f),
        contract(dims(), dims()))).weakType());
    assertEquals(dn(dims(1), dims(0), dims(), dims()), contract(dims(1), dims(0)));
    assertEquals("(([1], [0]), ([], []))", contract(dims(1), dims(0)).toString());
  }

  @Test
  void badDimensionNumbersAndDTypesAreRejected() {
    Array m = Array.of(new float[6], 2, 3);
    Array v4 = vec(1, 2, 3, 4);
    assertRejects(() -> Lax.dotGeneral(m, v4, contract(dims(1), dims(0))), "dot_general",
        "contracting dimensions to have the same shape, got (3,) and (4,)", "f32[2,3]", "f32[4]");
    assertRejects(() -> Lax.dotGeneral(m, Array.of(new float[12], 4, 3),
        dn(dims(1), dims(1), dims(0), dims(0))), "dot_general",
        "batch dimensions to have the same shape, got (2,) and (4,)");
    assertRejects(() -> Lax.dotGeneral(m, v4, contract(dims(1, 2), dims(0))), "dot_general",
        "lhs dimension numbers", "rank 2");
    assertRejects(() -> Lax.dotGeneral(m, v4, contract(dims(1), dims(-1))), "dot_general",
        "rhs dimension numbers");
    assertRejects(() -> Lax.dotGeneral(m, m, contract(dims(1, 1), dims(1, 1))), "dot_general",
        "distinct");
    assertRejects(() -> Lax.dotGeneral(m, m, dn(dims(1), dims(1), dims(1), dims(1))),
        "dot_general", "disjoint");
    assertRejects(() -> Lax.dotGeneral(m, m, dn(dims(1), dims(1), dims(0), dims())),
        "dot_general", "equal numbers of lhs and rhs batch dimensions");
    assertRejects(() -> Lax.dotGeneral(ivec(1), ivec(1), contract(dims(0), dims(0)), DType.BOOL),
        "dot_general", "must not be narrower", "bool", "int32");
    Array key = Array.ofWords(DType.KEY, new int[] {1, 2}, 1);
    assertRejects(() -> Lax.dotGeneral(key, key, contract(dims(0), dims(0))), "dot_general",
        "key<fry>");
  }
}
