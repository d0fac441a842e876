package dev.flaxj.accelerator.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.backend.Backends;
import dev.flaxj.lax.DotDimensionNumbers;
import dev.flaxj.lax.DotGeneralPrimitive;
import dev.flaxj.lax.ElementwisePrimitives;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.ReductionPrimitives;
import java.util.List;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Each ND4J kernel against the reference kernel on the same operands: random values plus the
 * special ones (signed zeros, subnormals, the smallest normal, infinities, NaN, huge values).
 * Every check also asserts that the call ran on ND4J and was not delegated.
 */
class Nd4jKernelsTest {
  private static final float[] SPECIAL = {0f, -0f, 1f, -1f, 0.5f, -2.5f, 3f, 1e-39f, -1e-39f,
      Float.MIN_NORMAL, -Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, 1e30f, -1e-30f,
      Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 88.7f, -103f, 1e-20f, 7f};

  /** SPECIAL against itself (every pair), then random normals: two float32[22, 22] operands. */
  private static Array[] pairs() {
    int n = SPECIAL.length;
    float[] a = new float[n * n];
    float[] b = new float[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i * n + j] = SPECIAL[i];
        b[i * n + j] = SPECIAL[j];
      }
    }
    return new Array[] {Array.of(a, n, n), Array.of(b, n, n)};
  }

  private static Array random(long seed, double scale, int... shape) {
    Random r = new Random(seed);
    int size = 1;
    for (int d : shape) {
      size *= d;
    }
    float[] v = new float[size];
    for (int i = 0; i < size; i++) {
      v[i] = (float) (r.nextGaussian() * scale);
    }
    return Array.of(v, shape);
  }

  /** Runs {@code program} on both backends; asserts ND4J computed {@code primitive} and returns the agreement. */
  static Agreement compare(String primitive, Supplier<Object> program) {
    long before = BackendPair.nd4jCalls().getOrDefault(primitive, 0L);
    Object nd = BackendPair.onNd4j(program);
    Object ref = BackendPair.onReference(program);
    assertTrue(BackendPair.nd4jCalls().getOrDefault(primitive, 0L) > before,
        primitive + " was delegated instead of running on ND4J");
    Agreement a = Agreement.of(nd, ref);
    assertTrue(a.ok(), primitive + ": " + a.report());
    return a;
  }

  /** As {@link #compare}, and every float bit-identical. */
  static void exact(String primitive, Supplier<Object> program) {
    Agreement a = compare(primitive, program);
    assertEquals(a.floats(), a.exactFloats(), primitive + " is not bit-exact (max relative "
        + a.maxRelative() + ", first at " + a.firstInexact() + ")");
  }

  @Test
  void arithmeticAndComparisonsAreBitExact() {
    Array[] p = pairs();
    List<BinaryOperator<Value>> ops = List.of(Lax::add, Lax::sub, Lax::mul, Lax::div,
        Lax::max, Lax::min, Lax::eq, Lax::ne, Lax::lt, Lax::le, Lax::gt, Lax::ge);
    String[] names = {"add", "sub", "mul", "div", "max", "min", "eq", "ne", "lt", "le", "gt", "ge"};
    for (int i = 0; i < names.length; i++) {
      BinaryOperator<Value> op = ops.get(i);
      exact(names[i], () -> op.apply(p[0], p[1]));
      Array x = random(i, 10, 5, 7);
      Array y = random(i + 100, 10, 5, 7);
      exact(names[i], () -> op.apply(x, y));
      Value xd = Lax.convertElementType(x, DType.FLOAT64);
      Value yd = Lax.convertElementType(y, DType.FLOAT64);
      exact(names[i], () -> op.apply(xd, yd));
    }
  }

  @Test
  void bitOperationsRoundingAndIntegerPowersAreBitExact() {
    Array x = pairs()[0];
    exact("neg", () -> Lax.neg(x));
    exact("abs", () -> Lax.abs(x));
    exact("floor", () -> Lax.floor(x));
    exact("ceil", () -> Lax.ceil(x));
    Array r = random(7, 3, 40);
    for (int y : new int[] {0, 2, 3, 5, -1, -2, 7}) {
      exact("integer_pow", () -> Lax.integerPow(x, y));
      exact("integer_pow", () -> Lax.integerPow(r, y));
    }
    exact("convert_element_type", () -> Lax.convertElementType(x, DType.FLOAT64));
    exact("convert_element_type",
        () -> Lax.convertElementType(Lax.convertElementType(x, DType.FLOAT64), DType.FLOAT32));
    exact("convert_element_type", () -> Lax.convertElementType(
        Array.of(new int[] {0, -1, 16777217, Integer.MAX_VALUE, Integer.MIN_VALUE}, 5), DType.FLOAT32));
    Array which = Array.of(new boolean[] {true, false, true, true, false, false}, 2, 3);
    Array a = random(1, 1, 2, 3);
    Array b = random(2, 1, 2, 3);
    exact("select_n", () -> Lax.selectN(which, a, b));
  }

  /**
   * ND4J's transcendental functions are libm's, not XLA's float32 approximations (which the
   * reference reproduces bit for bit): they may differ in the last bits, never by more than
   * the test's 1e-5 relative; special values (0, inf, NaN, subnormals) give the same results.
   */
  @Test
  void transcendentalFunctionsAgreeWithinTolerance() {
    Array special = Array.of(SPECIAL, SPECIAL.length);
    Array wide = random(3, 4, 4096);
    Array positive = (Array) BackendPair.onReference(() -> Lax.abs(random(4, 30, 4096)));
    List<UnaryOperator<Value>> ops = List.of(Lax::exp, Lax::log, Lax::log1p, Lax::expm1,
        Lax::tanh, Lax::logistic, Lax::sqrt, Lax::rsqrt, Lax::sin, Lax::cos);
    String[] names = {"exp", "log", "log1p", "expm1", "tanh", "logistic", "sqrt", "rsqrt", "sin", "cos"};
    for (int i = 0; i < names.length; i++) {
      UnaryOperator<Value> op = ops.get(i);
      Agreement s = compare(names[i], () -> op.apply(special));
      Agreement w = compare(names[i], () -> op.apply(wide));
      Agreement p = compare(names[i], () -> op.apply(positive));
      System.out.printf("[nd4j] %s: %d/%d bit-exact, max relative %.3g%n", names[i],
          s.exactFloats() + w.exactFloats() + p.exactFloats(), s.floats() + w.floats() + p.floats(),
          Math.max(s.maxRelative(), Math.max(w.maxRelative(), p.maxRelative())));
    }
  }

  @Test
  void shapeOperationsAreExactForEveryStoredDtype() {
    Array f = random(5, 1, 2, 3, 4);
    int[] ints = new int[24];
    boolean[] bools = new boolean[24];
    for (int k = 0; k < 24; k++) {
      ints[k] = (int) (f.rawFloats()[k] * 1000);
      bools[k] = f.rawFloats()[k] > 0;
    }
    Array fi = Array.of(ints, 2, 3, 4);
    Array fb = Array.of(bools, 2, 3, 4);
    for (Array x : new Array[] {f, fi, fb}) {
      exact("reshape", () -> Lax.reshape(x, 4, 6));
      exact("reshape", () -> Lax.reshape(x, 24));
      exact("transpose", () -> Lax.transpose(x, 2, 0, 1));
      exact("broadcast_in_dim", () -> Lax.broadcastInDim(x, new int[] {2, 5, 3, 4}, new int[] {0, 2, 3}));
      exact("squeeze", () -> Lax.squeeze(Lax.reshape(x, 1, 24, 1), 0, 2));
      exact("concatenate", () -> Lax.concatenate(1, x, x, x));
      exact("slice", () -> Lax.slice(x, new int[] {0, 1, 1}, new int[] {2, 3, 4}, new int[] {1, 1, 2}));
      exact("slice", () -> Lax.slice(x, new int[] {1, 0, 0}, new int[] {2, 3, 4}));
      exact("dynamic_slice", () -> Lax.dynamicSlice(x,
          new Value[] {Array.scalar(1), Array.scalar(5), Array.scalar(-1)}, new int[] {1, 2, 2}));
      exact("dynamic_update_slice", () -> Lax.dynamicUpdateSlice(x,
          Lax.slice(x, new int[] {0, 0, 0}, new int[] {1, 2, 2}),
          new Value[] {Array.scalar(1), Array.scalar(7), Array.scalar(2)}));
    }
    Array scalar = Array.scalar(2.5f);
    exact("broadcast_in_dim", () -> Lax.broadcastInDim(scalar, new int[] {3, 2}, new int[0]));
    exact("reshape", () -> Lax.reshape(Array.of(new float[] {4f}, 1, 1), new int[0]));
  }

  /**
   * ND4J sums in its own order; the reference in XLA's. Max and min are exact; sums and
   * products agree within the tolerance of {@link Agreement}.
   */
  @Test
  void reductionsAgree() {
    Array x = random(9, 3, 6, 50, 7);
    for (int[] axes : new int[][] {{0}, {1}, {2}, {0, 2}, {0, 1, 2}, {}}) {
      compare("reduce_sum", () -> Lax.reduceSum(x, axes));
      compare("reduce_prod", () -> Lax.reduceProd(Lax.div(x, Lax.broadcastInDim(Array.scalar(3f),
          new int[] {6, 50, 7}, new int[0])), axes));
      exact("reduce_max", () -> Lax.reduceMax(x, axes));
      exact("reduce_min", () -> Lax.reduceMin(x, axes));
    }
  }

  /**
   * Sums over leading or trailing axes run as OpenBLAS matrix-vector products on the CPU, the
   * others on ND4J's sum; with host BLAS off every one runs on ND4J's sum (nd4j-cuda's path).
   */
  @Test
  void sumsAgreeOnBothPaths() {
    Array x = random(10, 3, 6, 50, 7);
    Params leading = Params.of("axes", new int[] {1, 0});
    Params middle = Params.of("axes", new int[] {1});
    assertTrue(BlasReduceSum.accepts(x, leading));
    assertTrue(BlasReduceSum.accepts(x, Params.of("axes", new int[] {1, 2})));
    assertTrue(BlasReduceSum.accepts(x, Params.of("axes", new int[] {0, 1, 2})));
    assertFalse(BlasReduceSum.accepts(x, middle));
    assertFalse(BlasReduceSum.accepts(x, Params.of("axes", new int[] {0, 2})));
    Nd4jBackend nd4jSums = new Nd4jBackend(0, false);
    for (int[] axes : new int[][] {{0}, {0, 1}, {1}, {2}, {1, 2}, {0, 1, 2}}) {
      Supplier<Object> sum = () -> Lax.reduceSum(x, axes);
      compare("reduce_sum", sum);
      Agreement a = Agreement.of(Backends.with(nd4jSums, sum), BackendPair.onReference(sum));
      assertTrue(a.ok(), a.report());
    }
  }

  /**
   * Dots with operands in product order, transposed (contracting axes first, as reverse mode
   * makes them), with batch axes and permuted axes, a vector product and float64.
   */
  private static List<Supplier<Object>> dotPrograms() {
    Array a = random(11, 1, 17, 64);
    Array b = random(12, 1, 64, 9);
    Array bt = random(13, 1, 9, 64);
    Array at = random(17, 1, 64, 17);
    Array x = random(14, 1, 4, 3, 5, 6);
    Array y = random(15, 1, 4, 6, 2, 5);
    Array c = random(18, 1, 5, 8, 12);
    Array d = random(19, 1, 5, 8, 7);
    Array v = random(16, 1, 64);
    Value ad = Lax.convertElementType(a, DType.FLOAT64);
    Value bd = Lax.convertElementType(b, DType.FLOAT64);
    return List.of(
        () -> Lax.dotGeneral(a, b, DotDimensionNumbers.of(new int[] {1}, new int[] {0})),
        () -> Lax.dotGeneral(a, bt, DotDimensionNumbers.of(new int[] {1}, new int[] {1})),
        () -> Lax.dotGeneral(at, b, DotDimensionNumbers.of(new int[] {0}, new int[] {0})),
        () -> Lax.dotGeneral(x, y,
            DotDimensionNumbers.of(new int[] {3, 2}, new int[] {1, 3}, new int[] {0}, new int[] {0})),
        () -> Lax.dotGeneral(c, d,
            DotDimensionNumbers.of(new int[] {1}, new int[] {1}, new int[] {0}, new int[] {0})),
        () -> Lax.dotGeneral(v, v, DotDimensionNumbers.of(new int[] {0}, new int[] {0})),
        () -> Lax.dotGeneral(ad, bd, DotDimensionNumbers.of(new int[] {1}, new int[] {0})));
  }

  /** gemm accumulates in another order than the reference; the results agree within 1e-5 relative. */
  @Test
  void dotGeneralAgrees() {
    for (Supplier<Object> program : dotPrograms()) {
      compare("dot_general", program);
    }
  }

  /** The same dots through ND4J's matmul (nd4j-cuda's path) rather than the CPU's OpenBLAS directly. */
  @Test
  void dotGeneralThroughNd4jMatmulAgrees() {
    Nd4jBackend matmul = new Nd4jBackend(0, false);
    for (Supplier<Object> program : dotPrograms()) {
      Agreement a = Agreement.of(Backends.with(matmul, program), BackendPair.onReference(program));
      assertTrue(a.ok(), a.report());
    }
  }

  @Test
  void backendIsFoundByServiceLoaderUnderItsName() {
    assertTrue(Backends.byName("nd4j") instanceof Nd4jBackend);
    assertEquals("nd4j", Backends.byName("nd4j").name());
    assertTrue(BackendPair.ND4J.acceleratedPrimitives().size() >= 30);
  }

  /** {@code -Dflaxj.backend=nd4j} selects ND4J process-wide (Backends.use(null) drops the cached choice). */
  @Test
  void systemPropertySelectsNd4j() {
    String before = System.getProperty("flaxj.backend");
    try {
      System.setProperty("flaxj.backend", "nd4j");
      Backends.use(null);
      assertEquals("nd4j", Backends.current().name());
      assertTrue(Backends.current() instanceof Nd4jBackend);
    } finally {
      if (before == null) {
        System.clearProperty("flaxj.backend");
      } else {
        System.setProperty("flaxj.backend", before);
      }
      Backends.use(null);
    }
  }

  /**
   * With a minimum work, dot_general and reductions of at least that size run on ND4J, smaller
   * ones and every other kernel stay on the reference (the other tests use 0: everything).
   */
  @Test
  void onlyLargeDotsAndReductionsRunOnNd4jByDefault() {
    Nd4jBackend thresholded = new Nd4jBackend(1000);
    Array small = random(20, 1, 10, 10);
    Array large = random(21, 1, 40, 40);
    Params sum = Params.of("axes", new int[] {0});
    assertFalse(thresholded.runsOnNd4j(ReductionPrimitives.REDUCE_SUM, List.of(small), sum,
        List.of(ShapedArray.of(DType.FLOAT32, 10))));
    assertTrue(thresholded.runsOnNd4j(ReductionPrimitives.REDUCE_SUM, List.of(large), sum,
        List.of(ShapedArray.of(DType.FLOAT32, 40))));
    assertFalse(thresholded.runsOnNd4j(ElementwisePrimitives.ADD, List.of(large, large),
        Params.EMPTY, List.of(large.aval())));
    // a 10x10 by 10x10 product is 1000 multiply-adds
    Params matmul = Params.of("dimension_numbers", DotDimensionNumbers.of(new int[] {1}, new int[] {0}));
    assertTrue(thresholded.runsOnNd4j(DotGeneralPrimitive.DOT_GENERAL, List.of(small, small),
        matmul, List.of(small.aval())));
    assertTrue(BackendPair.ND4J.runsOnNd4j(ElementwisePrimitives.ADD, List.of(small, small),
        Params.EMPTY, List.of(small.aval())));
  }

  /** Operands ND4J does not store (uint32 here) and empty arrays go to the reference kernels. */
  @Test
  void uint32AndEmptyOperandsAreDelegated() {
    Array u = Array.ofUint32(new int[] {1, -1, 7}, 3);
    Array empty = Array.of(new float[0], 0, 3);
    long before = BackendPair.delegatedCalls().getOrDefault("add", 0L);
    assertEquals(BackendPair.onReference(() -> Lax.add(u, u)), BackendPair.onNd4j(() -> Lax.add(u, u)));
    assertEquals(BackendPair.onReference(() -> Lax.add(empty, empty)),
        BackendPair.onNd4j(() -> Lax.add(empty, empty)));
    assertEquals(before + 2, BackendPair.delegatedCalls().get("add"));
  }
}
