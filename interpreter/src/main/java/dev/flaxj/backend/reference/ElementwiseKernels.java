package dev.flaxj.backend.reference;

import static dev.flaxj.backend.reference.Denormals.flush;
import static dev.flaxj.lax.ElementwisePrimitives.*;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.backend.Float32Elementwise;
import dev.flaxj.backend.Kernel;
import dev.flaxj.backend.reference.ElementOps.FloatBinary;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.lax.RoundingMethod;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;

/**
 * Reference kernels of the elementwise primitives, with XLA's CPU semantics: float32 arithmetic
 * in float32 with subnormals flushed ({@link Denormals}), XLA's own approximations of the special
 * functions ({@link XlaMath}), NaN-propagating max/min, C-style integer division and remainder
 * with XLA's results for a zero divisor, and shifts that saturate for amounts of 32 or more.
 */
final class ElementwiseKernels {
  private ElementwiseKernels() {}

  private static final BinaryKernel MAX_KERNEL = new BinaryKernel("max",
      f32Arith((a, b) -> Math.max(a, b)), f64Arith((a, b) -> Math.max(a, b)),
      Math::max, (a, b) -> Integer.compareUnsigned(a, b) >= 0 ? a : b, (a, b) -> a | b);
  private static final BinaryKernel MIN_KERNEL = new BinaryKernel("min",
      f32Arith((a, b) -> Math.min(a, b)), f64Arith((a, b) -> Math.min(a, b)),
      Math::min, (a, b) -> Integer.compareUnsigned(a, b) <= 0 ? a : b, (a, b) -> a & b);
  private static final BinaryKernel POW_KERNEL =
      BinaryKernel.floating("pow", XlaMath::pow, ElementwiseKernels::pow);
  /** The kernels of {@code integer_pow} by exponent, made once each (each has its own loop). */
  private static final Map<Integer, UnaryKernel> INTEGER_POW_KERNELS = new ConcurrentHashMap<>();
  /** The kernels of {@code round} by rounding method. */
  private static final Map<RoundingMethod, UnaryKernel> ROUND_KERNELS = Arrays
      .stream(RoundingMethod.values()).collect(Collectors.toMap(m -> m, ElementwiseKernels::round));

  static void register(Map<Primitive, Kernel> table) {
    registerArithmetic(table);
    registerMath(table);
    registerComparisonsAndBits(table);
    table.put(SELECT_N, ElementwiseKernels::selectN);
    table.put(CLAMP, ElementwiseKernels::clamp);
    table.put(CONVERT_ELEMENT_TYPE, (in, p, out) ->
        List.of(Array.wrap(out.get(0), Conversions.convert(in.get(0), p.getDType("new_dtype")))));
    table.put(BITCAST_CONVERT_TYPE, (in, p, out) ->
        List.of(Array.wrap(out.get(0), Conversions.bitcast(in.get(0), p.getDType("new_dtype")))));
  }

  /**
   * The float32 loop of {@code registered}, the kernel of {@code primitive}, over float32 operands
   * of one shape, for fused loops: the very loop the kernel runs, so fused results are bit for bit
   * the kernel's. Null for kernels that are not such a loop ({@code select_n}, {@code clamp},
   * comparisons, {@code round}, conversions).
   */
  static Float32Elementwise float32Op(Kernel registered, Primitive primitive, Params params) {
    if (registered instanceof UnaryKernel u) {
      return u.f32();
    } else if (registered instanceof BinaryKernel b) {
      return b.f32();
    } else if (primitive == POW) {
      return POW_KERNEL.f32();
    } else if (primitive == INTEGER_POW) {
      return integerPow(params.getInt("y")).f32();
    }
    return null;
  }

  private static void registerArithmetic(Map<Primitive, Kernel> t) {
    t.put(ADD, new BinaryKernel("add", f32Arith((a, b) -> a + b), f64Arith((a, b) -> a + b),
        Integer::sum, Integer::sum, null));
    t.put(SUB, new BinaryKernel("sub", f32Arith((a, b) -> a - b), f64Arith((a, b) -> a - b),
        (a, b) -> a - b, (a, b) -> a - b, null));
    t.put(MUL, new BinaryKernel("mul", f32Arith((a, b) -> a * b), f64Arith((a, b) -> a * b),
        (a, b) -> a * b, (a, b) -> a * b, null));
    t.put(DIV, new BinaryKernel("div", f32Arith((a, b) -> a / b), f64Arith((a, b) -> a / b),
        (a, b) -> b == 0 ? -1 : a / b, (a, b) -> b == 0 ? -1 : Integer.divideUnsigned(a, b), null));
    // fmod is exact; only a subnormal divisor is read as zero (which makes the result NaN).
    t.put(REM, new BinaryKernel("rem", (a, b) -> a % flush(b), (a, b) -> a % flush(b),
        (a, b) -> b == 0 ? a : a % b, (a, b) -> b == 0 ? a : Integer.remainderUnsigned(a, b),
        null));
    t.put(POW, ElementwiseKernels::pow);
    t.put(MAX, MAX_KERNEL);
    t.put(MIN, MIN_KERNEL);
    t.put(NEXTAFTER, BinaryKernel.floating("nextafter", ElementwiseKernels::nextAfter,
        ElementwiseKernels::nextAfter));
    t.put(NEG, new UnaryKernel("neg", x -> -x, x -> -x, x -> -x, x -> -x, null));
    t.put(ABS, new UnaryKernel("abs",
        x -> Float.intBitsToFloat(Float.floatToRawIntBits(x) & 0x7fffffff),
        x -> Double.longBitsToDouble(Double.doubleToRawLongBits(x) & Long.MAX_VALUE),
        Math::abs, null, null));
    t.put(SIGN, new UnaryKernel("sign", x -> Math.signum(flush(x)), x -> Math.signum(flush(x)),
        Integer::signum, x -> x == 0 ? 0 : 1, null));
    t.put(INTEGER_POW, (in, p, out) -> integerPow(p.getInt("y")).apply(in, p, out));
  }

  private static void registerMath(Map<Primitive, Kernel> t) {
    t.put(FLOOR, UnaryKernel.floating("floor",
        x -> (float) Math.floor(flush(x)), x -> Math.floor(flush(x))));
    t.put(CEIL, UnaryKernel.floating("ceil",
        x -> (float) Math.ceil(flush(x)), x -> Math.ceil(flush(x))));
    t.put(ROUND, (in, p, out) ->
        ROUND_KERNELS.get(RoundingMethod.fromCode(p.getInt("rounding_method"))).apply(in, p, out));
    t.put(EXP, UnaryKernel.floating("exp", XlaMath::exp, Math::exp));
    t.put(LOG, UnaryKernel.floating("log", XlaMath::log, Math::log));
    t.put(LOG1P, UnaryKernel.floating("log1p", XlaMath::log1p, Math::log1p));
    t.put(EXPM1, UnaryKernel.floating("expm1", XlaMath::expm1, Math::expm1));
    t.put(TANH, UnaryKernel.floating("tanh", XlaMath::tanh, Math::tanh));
    t.put(LOGISTIC, UnaryKernel.floating("logistic", XlaMath::logistic,
        x -> 1 / (1 + Math.exp(-x))));
    t.put(SQRT, UnaryKernel.floating("sqrt", XlaMath::sqrt, Math::sqrt));
    t.put(RSQRT, UnaryKernel.floating("rsqrt", XlaMath::rsqrt, x -> 1 / Math.sqrt(x)));
    t.put(SIN, UnaryKernel.floating("sin", XlaMath::sin, Math::sin));
    t.put(COS, UnaryKernel.floating("cos", XlaMath::cos, Math::cos));
    // No float64 erf or erf_inv here: XLA's float64 algorithms are not reproduced.
    t.put(ERF, UnaryKernel.floating("erf", XlaMath::erf, null));
    t.put(ERF_INV, UnaryKernel.floating("erf_inv", XlaMath::erfInv, null));
  }

  private static void registerComparisonsAndBits(Map<Primitive, Kernel> t) {
    t.put(EQ, new ComparisonKernel((a, b) -> a == b, (a, b) -> a == b, (a, b) -> a == b,
        (a, b) -> a == b, (a, b) -> a == b));
    t.put(NE, new ComparisonKernel((a, b) -> a != b, (a, b) -> a != b, (a, b) -> a != b,
        (a, b) -> a != b, (a, b) -> a != b));
    t.put(LT, new ComparisonKernel((a, b) -> a < b, (a, b) -> a < b, (a, b) -> a < b,
        (a, b) -> Integer.compareUnsigned(a, b) < 0, (a, b) -> !a && b));
    t.put(LE, new ComparisonKernel((a, b) -> a <= b, (a, b) -> a <= b, (a, b) -> a <= b,
        (a, b) -> Integer.compareUnsigned(a, b) <= 0, (a, b) -> !a || b));
    t.put(GT, new ComparisonKernel((a, b) -> a > b, (a, b) -> a > b, (a, b) -> a > b,
        (a, b) -> Integer.compareUnsigned(a, b) > 0, (a, b) -> a && !b));
    t.put(GE, new ComparisonKernel((a, b) -> a >= b, (a, b) -> a >= b, (a, b) -> a >= b,
        (a, b) -> Integer.compareUnsigned(a, b) >= 0, (a, b) -> a || !b));
    t.put(AND, new BinaryKernel("and", null, null, (a, b) -> a & b, (a, b) -> a & b,
        (a, b) -> a & b));
    t.put(OR, new BinaryKernel("or", null, null, (a, b) -> a | b, (a, b) -> a | b,
        (a, b) -> a | b));
    t.put(XOR, new BinaryKernel("xor", null, null, (a, b) -> a ^ b, (a, b) -> a ^ b,
        (a, b) -> a ^ b));
    t.put(NOT, new UnaryKernel("not", null, null, x -> ~x, x -> ~x, x -> !x));
    t.put(SHIFT_LEFT, BinaryKernel.integer("shift_left",
        (a, b) -> Integer.compareUnsigned(b, 32) < 0 ? a << b : 0));
    t.put(SHIFT_RIGHT_LOGICAL, BinaryKernel.integer("shift_right_logical",
        (a, b) -> Integer.compareUnsigned(b, 32) < 0 ? a >>> b : 0));
    t.put(SHIFT_RIGHT_ARITHMETIC, BinaryKernel.integer("shift_right_arithmetic",
        (a, b) -> a >> (Integer.compareUnsigned(b, 32) < 0 ? b : 31)));
  }

  /** A float32 arithmetic operation as the hardware does it under flush-to-zero. */
  private static FloatBinary f32Arith(FloatBinary op) {
    return (a, b) -> flush(op.apply(flush(a), flush(b)));
  }

  /** A float64 arithmetic operation as the hardware does it under flush-to-zero. */
  private static DoubleBinaryOperator f64Arith(DoubleBinaryOperator op) {
    return (a, b) -> flush(op.applyAsDouble(flush(a), flush(b)));
  }

  /**
   * {@code pow} for float64: Java's power with C's special cases ({@code pow(1, y)} and
   * {@code pow(x, 0)} are 1 even for NaN, {@code pow(-1, +-inf)} is 1).
   */
  private static double pow(double base, double exponent) {
    double x = flush(base);
    double y = flush(exponent);
    if (x == 1 || y == 0 || (x == -1 && Double.isInfinite(y))) {
      return 1;
    }
    return flush(Math.pow(x, y));
  }

  /** {@code pow}: an integer exponent is first converted to the base's dtype, as JAX lowers it. */
  private static List<Array> pow(List<Array> in, Params p, List<ShapedArray> out) {
    Array x = in.get(0);
    Array y = in.get(1);
    Object exponent = y.dtype() == x.dtype() ? y.rawStorage() : Conversions.convert(y, x.dtype());
    return List.of(Array.wrap(out.get(0), POW_KERNEL.zip(x.rawStorage(), exponent, x.dtype())));
  }

  /**
   * {@code nextafter} as XLA emits it: equal operands (subnormals read as zeros) give {@code y},
   * otherwise one step from {@code x}'s bits toward {@code y}.
   */
  private static float nextAfter(float x, float y) {
    if (Float.isNaN(x) || Float.isNaN(y)) {
      return Float.NaN;
    }
    return flush(x) == flush(y) ? y : Math.nextAfter(x, y);
  }

  private static double nextAfter(double x, double y) {
    if (Double.isNaN(x) || Double.isNaN(y)) {
      return Double.NaN;
    }
    return flush(x) == flush(y) ? y : Math.nextAfter(x, y);
  }

  /**
   * {@code integer_pow} as JAX lowers it: square-and-multiply over the bits of |y| (x^3 is
   * {@code x * (x*x)}), then {@code 1/acc} for negative {@code y}; {@code y = 0} gives ones.
   * Integers wrap around.
   */
  private static UnaryKernel integerPow(int y) {
    return INTEGER_POW_KERNELS.computeIfAbsent(y, ElementwiseKernels::newIntegerPow);
  }

  private static UnaryKernel newIntegerPow(int y) {
    IntUnaryOperator ints = x -> {
      int acc = 1;
      for (int bits = y; bits != 0; bits >>>= 1) {
        if ((bits & 1) != 0) {
          acc *= x;
        }
        x *= x;
      }
      return acc;
    };
    DoubleUnaryOperator toF32 = v -> flush((float) v);
    DoubleUnaryOperator toF64 = Denormals::flush;
    return new UnaryKernel("integer_pow", x -> (float) integerPow(x, y, toF32),
        x -> integerPow(x, y, toF64), ints, ints, null);
  }

  /**
   * The floating {@code integer_pow}, computed in double with every product and the reciprocal
   * rounded by {@code round} (to float32 and flushed, or just flushed): products and quotients of
   * floats rounded once to float equal the float32 operations.
   */
  private static double integerPow(double x, int y, DoubleUnaryOperator round) {
    double acc = 1;
    boolean started = false;
    // |y| read unsigned, so that Integer.MIN_VALUE works too
    for (int bits = Math.abs(y); bits != 0; bits >>>= 1) {
      if ((bits & 1) != 0) {
        acc = started ? round.applyAsDouble(round.applyAsDouble(acc) * round.applyAsDouble(x)) : x;
        started = true;
      }
      if (bits >>> 1 != 0) {
        x = round.applyAsDouble(round.applyAsDouble(x) * round.applyAsDouble(x));
      }
    }
    return y < 0 ? round.applyAsDouble(1 / round.applyAsDouble(acc)) : acc;
  }

  /** {@code round}: ties away from zero or to even; subnormals round to a signed zero. */
  private static UnaryKernel round(RoundingMethod method) {
    DoubleUnaryOperator r = method == RoundingMethod.TO_NEAREST_EVEN ? Math::rint : x -> {
      double a = Math.abs(x);
      double whole = Math.floor(a);
      return Math.copySign(a - whole >= 0.5 ? whole + 1 : whole, x);
    };
    return UnaryKernel.floating("round", x -> (float) r.applyAsDouble(flush(x)),
        x -> r.applyAsDouble(flush(x)));
  }

  /**
   * {@code select_n}: element {@code i} comes from case {@code which[i]}, bool false/true being
   * 0/1; like XLA's lowering (a tree of {@code which < k} selects), a selector below 0 takes the
   * first case and one past the end the last. Runs of one case are copied at once.
   */
  private static List<Array> selectN(List<Array> in, Params p, List<ShapedArray> outAvals) {
    ShapedArray out = outAvals.get(0);
    Array which = in.get(0);
    int cases = in.size() - 1;
    int size = out.shape().size();
    int w = out.dtype().wordsPerElement();
    Object dst = Array.allocate(out);
    int i = 0;
    while (i < size) {
      int k = chosenCase(which, i, cases);
      int j = i + 1;
      while (j < size && chosenCase(which, j, cases) == k) {
        j++;
      }
      System.arraycopy(in.get(1 + k).rawStorage(), i * w, dst, i * w, (j - i) * w);
      i = j;
    }
    return List.of(Array.wrap(out, dst));
  }

  private static int chosenCase(Array which, int i, int cases) {
    int at = which.rank() == 0 ? 0 : i;
    long k;
    switch (which.dtype()) {
      case BOOL:
        k = which.rawBools()[at] ? 1 : 0;
        break;
      case UINT32:
        k = Integer.toUnsignedLong(which.rawInts()[at]);
        break;
      default:
        k = which.rawInts()[at];
    }
    return (int) Math.max(0, Math.min(k, cases - 1));
  }

  /** {@code clamp(lo, x, hi) = min(hi, max(lo, x))} by the max/min kernels; scalar bounds fill. */
  private static List<Array> clamp(List<Array> in, Params p, List<ShapedArray> outAvals) {
    Array x = in.get(1);
    DType d = x.dtype();
    Object low = MAX_KERNEL.zip(filled(in.get(0), x.size()), x.rawStorage(), d);
    return List.of(Array.wrap(outAvals.get(0),
        MIN_KERNEL.zip(filled(in.get(2), x.size()), low, d)));
  }

  /** {@code bound}'s storage if it has {@code n} elements, else its one element repeated. */
  private static Object filled(Array bound, int n) {
    if (bound.size() == n) {
      return bound.rawStorage();
    }
    switch (bound.dtype().storage()) {
      case FLOAT: {
        float[] v = new float[n];
        Arrays.fill(v, bound.rawFloats()[0]);
        return v;
      }
      case DOUBLE: {
        double[] v = new double[n];
        Arrays.fill(v, bound.rawDoubles()[0]);
        return v;
      }
      case INT: {
        int[] v = new int[n];
        Arrays.fill(v, bound.rawInts()[0]);
        return v;
      }
      default: {
        boolean[] v = new boolean[n];
        Arrays.fill(v, bound.rawBools()[0]);
        return v;
      }
    }
  }
}
