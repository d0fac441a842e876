package dev.flaxj.lax;

import static dev.flaxj.lax.ReductionTestSupport.INF;
import static dev.flaxj.lax.ReductionTestSupport.NAN;
import static dev.flaxj.lax.ReductionTestSupport.asArray;
import static dev.flaxj.lax.ReductionTestSupport.assertBools;
import static dev.flaxj.lax.ReductionTestSupport.assertFloats;
import static dev.flaxj.lax.ReductionTestSupport.assertInts;
import static dev.flaxj.lax.ReductionTestSupport.assertRejects;
import static dev.flaxj.lax.ReductionTestSupport.dims;
import static dev.flaxj.lax.ReductionTestSupport.bvec;
import static dev.flaxj.lax.ReductionTestSupport.uvec;
import static dev.flaxj.lax.ReductionTestSupport.ivec;
import static dev.flaxj.lax.ReductionTestSupport.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import java.util.List;
import org.junit.jupiter.api.Test;

/** reduce_sum, reduce_prod, reduce_max, reduce_min, reduce_and, reduce_or. */
class ReductionTest {
  private static final Array M23 = Array.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);

  @Test
  void sumsOverEachAxisAllAxesAndNone() {
    assertFloats(dims(3), new float[] {5, 7, 9}, Lax.reduceSum(M23, 0));
    assertFloats(dims(2), new float[] {6, 15}, Lax.reduceSum(M23, 1));
    assertFloats(dims(), new float[] {21}, Lax.reduceSum(M23, 1, 0));
    assertFloats(dims(2, 3), new float[] {1, 2, 3, 4, 5, 6}, Lax.reduceSum(M23));
  }

  @Test
  void reducesTheMiddleAxisOfRankThree() {
    Array x = Array.of(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 2, 3, 2);
    assertInts(dims(2, 2), DType.INT32, new int[] {9, 12, 27, 30}, Lax.reduceSum(x, 1));
    assertInts(dims(3), DType.INT32, new int[] {1 * 2 * 7 * 8, 3 * 4 * 9 * 10,
        5 * 6 * 11 * 12}, Lax.reduceProd(x, 0, 2));
  }

  @Test
  void scalarsReduceOverNoAxes() {
    assertFloats(dims(), new float[] {3}, Lax.reduceSum(Array.scalar(3f)));
    assertInts(dims(), DType.INT32, new int[] {-4}, Lax.reduceMax(Array.scalar(-4)));
    assertBools(dims(), new boolean[] {true}, Lax.reduceAnd(Array.scalar(true)));
  }

  @Test
  void emptyReductionsGiveTheIdentities() {
    Array f = Array.of(new float[0], 0, 3);
    assertFloats(dims(3), new float[] {0, 0, 0}, Lax.reduceSum(f, 0));
    assertFloats(dims(3), new float[] {1, 1, 1}, Lax.reduceProd(f, 0));
    assertFloats(dims(3), new float[] {-INF, -INF, -INF}, Lax.reduceMax(f, 0));
    assertFloats(dims(3), new float[] {INF, INF, INF}, Lax.reduceMin(f, 0));
    assertFloats(dims(0), new float[0], Lax.reduceSum(f, 1));
    Array i = Array.of(new int[0], 0);
    assertInts(dims(), DType.INT32, new int[] {Integer.MIN_VALUE}, Lax.reduceMax(i, 0));
    assertInts(dims(), DType.INT32, new int[] {Integer.MAX_VALUE}, Lax.reduceMin(i, 0));
    assertInts(dims(), DType.INT32, new int[] {-1}, Lax.reduceAnd(i, 0));
    assertInts(dims(), DType.INT32, new int[] {0}, Lax.reduceOr(i, 0));
    Array u = Array.ofUint32(new int[0], 0);
    // from jax 0.10.2: reduce_max / reduce_min of an empty uint32 array give 0 and 4294967295
    assertInts(dims(), DType.UINT32, new int[] {0}, Lax.reduceMax(u, 0));
    assertInts(dims(), DType.UINT32, new int[] {-1}, Lax.reduceMin(u, 0));
    Array b = Array.of(new boolean[0], 0);
    assertBools(dims(), new boolean[] {true}, Lax.reduceAnd(b, 0));
    assertBools(dims(), new boolean[] {false}, Lax.reduceOr(b, 0));
    assertBools(dims(), new boolean[] {false}, Lax.reduceMax(b, 0));
    assertBools(dims(), new boolean[] {true}, Lax.reduceMin(b, 0));
  }

  @Test
  void maxAndMinPropagateNanAndOrderSignedZeros() {
    Array x = vec(1, NAN, 3);
    // from jax 0.10.2: reduce_max([1, nan, 3]) and reduce_min are nan
    assertTrue(Float.isNaN(asArray(Lax.reduceMax(x, 0)).rawFloats()[0]));
    assertTrue(Float.isNaN(asArray(Lax.reduceMin(x, 0)).rawFloats()[0]));
    // from jax 0.10.2: max([0., -0.]) = max([-0., 0.]) = 0.0, min of either = -0.0
    for (float[] v : new float[][] {{0f, -0f}, {-0f, 0f}}) {
      assertFloats(dims(), new float[] {0f}, Lax.reduceMax(vec(v), 0));
      assertFloats(dims(), new float[] {-0f}, Lax.reduceMin(vec(v), 0));
    }
    assertTrue(Float.isNaN(asArray(Lax.reduceSum(x, 0)).rawFloats()[0]));
  }

  @Test
  void minusZeroSurvivesOnlyOneElementReductions() {
    // from jax 0.10.2: reduce_sum([-0.]) = -0.0 (XLA turns it into a reshape),
    // reduce_sum([-0., -0.]) = 0.0, reduce_sum(full((1, 3), -0.), (0,)) = [-0., -0., -0.]
    assertFloats(dims(), new float[] {-0f}, Lax.reduceSum(vec(-0f), 0));
    assertFloats(dims(), new float[] {0f}, Lax.reduceSum(vec(-0f, -0f), 0));
    assertFloats(dims(3), new float[] {-0f, -0f, -0f},
        Lax.reduceSum(Array.of(new float[] {-0f, -0f, -0f}, 1, 3), 0));
    // from jax 0.10.2: reduce_prod([-0.]) = -0.0, reduce_max([-0., -0.]) = -0.0
    assertFloats(dims(), new float[] {-0f}, Lax.reduceProd(vec(-0f), 0));
    assertFloats(dims(), new float[] {-0f}, Lax.reduceMax(vec(-0f, -0f), 0));
  }

  @Test
  void integerReductionsWrapAndUint32ComparesUnsigned() {
    // from jax 0.10.2: reduce_sum([2**31 - 1, 1]) = -2147483648,
    // reduce_prod([2**16, 2**16 + 1]) = 65536
    assertInts(dims(), DType.INT32, new int[] {Integer.MIN_VALUE},
        Lax.reduceSum(ivec(Integer.MAX_VALUE, 1), 0));
    assertInts(dims(), DType.INT32, new int[] {65536},
        Lax.reduceProd(ivec(65536, 65537), 0));
    Array u = uvec(1, -1, 7);
    assertInts(dims(), DType.UINT32, new int[] {-1}, Lax.reduceMax(u, 0));
    assertInts(dims(), DType.UINT32, new int[] {1}, Lax.reduceMin(u, 0));
    assertInts(dims(), DType.UINT32, new int[] {7}, Lax.reduceSum(u, 0));
  }

  @Test
  void logicalReductionsOnBoolsAndBitwiseOnIntegers() {
    Array b = Array.of(new boolean[] {true, false, true, true}, 2, 2);
    assertBools(dims(2), new boolean[] {false, true}, Lax.reduceAnd(b, 1));
    assertBools(dims(2), new boolean[] {true, true}, Lax.reduceOr(b, 1));
    // from jax 0.10.2: reduce_max([True, False]) = True, reduce_min = False
    assertBools(dims(2), new boolean[] {true, true}, Lax.reduceMax(b, 0));
    assertBools(dims(2), new boolean[] {true, false}, Lax.reduceMin(b, 0));
    // from jax 0.10.2: reduce_and([6, 3]) = 2, reduce_or([6, 3]) = 7
    Array i = ivec(6, 3);
    assertInts(dims(), DType.INT32, new int[] {2}, Lax.reduceAnd(i, 0));
    assertInts(dims(), DType.INT32, new int[] {7}, Lax.reduceOr(i, 0));
  }

  @Test
  void subnormalsAreFlushedToZeroAsOnXlaCpu() {
    float d = 1e-40f;
    // from jax 0.10.2: reduce_sum([d, d, d]) = 0.0 but reduce_sum([d]) = d (no arithmetic);
    // reduce_sum([min_normal, d]) = min_normal; reduce_max([d, d, d]) = reduce_max([d, -d]) = 0.0;
    // reduce_min([d, 2d]) = 0.0; reduce_prod([d, 1]) = 0.0
    assertFloats(dims(), new float[] {0}, Lax.reduceSum(vec(d, d, d), 0));
    assertFloats(dims(), new float[] {d}, Lax.reduceSum(vec(d), 0));
    assertFloats(dims(), new float[] {Float.MIN_NORMAL},
        Lax.reduceSum(vec(Float.MIN_NORMAL, d), 0));
    assertFloats(dims(), new float[] {0}, Lax.reduceMax(vec(d, d, d), 0));
    assertFloats(dims(), new float[] {0}, Lax.reduceMax(vec(d, -d), 0));
    assertFloats(dims(), new float[] {0}, Lax.reduceMin(vec(d, 2 * d), 0));
    assertFloats(dims(), new float[] {0}, Lax.reduceProd(vec(d, 1), 0));
    // from jax 0.10.2: cumsum([d, d, 1.]) = [0, 0, 1], cummax([d, 2d]) = [0, 0]
    assertFloats(dims(3), new float[] {0, 0, 1}, Lax.cumsum(vec(d, d, 1), 0, false));
    assertFloats(dims(2), new float[] {0, 0}, Lax.cummax(vec(d, 2 * d), 0, false));
    // from jax 0.10.2: argmax([0., d, 2d]) = 0 (all compare equal to zero)
    assertInts(dims(), DType.INT32, new int[] {0}, Lax.argmax(vec(0, d, 2 * d), 0, DType.INT32));
  }

  @Test
  void float64ReductionsAndScansComputeInDoubles() {
    Array d = Array.of(new double[] {1e-17, 1, -1, 0.5}, 4);
    Array sum = asArray(Lax.reduceSum(d, 0));
    assertEquals(DType.FLOAT64, sum.dtype());
    assertEquals(0.5 + (1e-17 + 1 - 1), sum.rawDoubles()[0]);
    assertEquals(-1, asArray(Lax.reduceMin(d, 0)).rawDoubles()[0]);
    assertEquals(-5e-18, asArray(Lax.reduceProd(d, 0)).rawDoubles()[0], 1e-30);
    double[] cum = asArray(Lax.cumsum(d, 0, false)).rawDoubles();
    assertEquals(1 + 1e-17, cum[1]);
    assertEquals(0.5, cum[3]);
  }

  @Test
  void weakTypeIsKeptByArithmeticReductionsAndDroppedByLogicalOnes() {
    Array weak = Array.weak(2.5);
    assertTrue(asArray(Lax.reduceSum(weak)).weakType());
    assertTrue(asArray(Lax.reduceMax(weak)).weakType());
    assertFalse(asArray(Lax.reduceOr(Array.weak(3))).weakType());
  }

  @Test
  void abstractEvaluationGivesShapeAndDType() {
    List<ShapedArray> out = ReductionPrimitives.REDUCE_MAX.abstractEval(
        List.of(ShapedArray.of(DType.UINT32, 4, 0, 5)), Params.of("axes", new int[] {2, 0}));
    assertEquals(List.of(new ShapedArray(Shape.of(0), DType.UINT32, false)), out);
  }

  @Test
  void badAxesAndDTypesAreRejected() {
    assertRejects(() -> Lax.reduceSum(M23, 0, 0), "reduce_sum", "duplicate", "f32[2,3]");
    assertRejects(() -> Lax.reduceMax(M23, 2), "reduce_max", "(2,)", "out-of-bounds", "f32[2,3]");
    assertRejects(() -> Lax.reduceMin(M23, -1), "reduce_min", "out-of-bounds");
    assertRejects(() -> Lax.reduceSum(bvec(true), 0), "reduce_sum", "bool");
    assertRejects(() -> Lax.reduceProd(bvec(true), 0), "reduce_prod", "bool");
    assertRejects(() -> Lax.reduceAnd(M23, 0), "reduce_and", "float32");
    assertRejects(() -> Lax.reduceOr(M23, 0), "reduce_or", "float32");
    Array key = Array.ofWords(DType.KEY, new int[] {1, 2}, 1);
    assertRejects(() -> Lax.reduceMax(key, 0), "reduce_max", "key<fry>");
  }
}
