package dev.flaxj.accelerator.nd4j;

import static dev.flaxj.lax.ElementwisePrimitives.*;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.lax.Primitive;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * ND4J kernels of the elementwise primitives on float operands. Operands of an elementwise
 * primitive have one shape, so no ND4J broadcasting is involved; each kernel works in place on the
 * fresh copies it is given.
 *
 * <p>Bit-exact with the reference: add, sub, mul, div (IEEE operations on flushed operands,
 * results flushed), max and min (ND4J's, with XLA's NaN propagation and signed zeros restored),
 * neg, abs, floor, ceil, the comparisons, select_n, integer_pow (the same
 * square-and-multiply sequence of float multiplications), and convert_element_type between floats
 * and from int32. Transcendental functions (exp, log, log1p, expm1, tanh, logistic, sqrt, rsqrt,
 * sin, cos) use ND4J's own (libm-based) implementations, which differ from XLA's float32
 * approximations of the reference by a few ulp (at most 2.5e-7 relative, measured by
 * Nd4jKernelsTest).
 *
 * <p>Delegated to the reference kernels: pow (XLA's and glibc's exact algorithm), erf and erf_inv
 * (XLA's rational approximations, on which jax.random's normal samples depend), round (two rounding
 * modes), sign, nextafter, rem, clamp,
 * every integer and bool operation (C-style division, wrap-around, shifts and bit logic on uint32
 * for threefry), float-to-integer conversions (XLA saturates) and bitcasts.
 */
final class ElementwiseNd4j {
  private ElementwiseNd4j() {}

  static void register(Map<Primitive, Nd4jKernel> t) {
    binary(t, ADD, INDArray::addi);
    binary(t, SUB, INDArray::subi);
    binary(t, MUL, INDArray::muli);
    binary(t, DIV, INDArray::divi);
    // Signed zeros: max(0, -0) is 0 and min(0, -0) is -0 whichever comes first (a + b and
    // -(-a - b) on two zeros); ND4J returns whichever operand its comparison picks.
    binary(t, MAX, (a, b) -> nanPropagating(a, b,
        select(bothZero(a, b), a.add(b), Transforms.max(a, b, true))));
    binary(t, MIN, (a, b) -> nanPropagating(a, b,
        select(bothZero(a, b), a.neg().subi(b).negi(), Transforms.min(a, b, true))));
    binary(t, EQ, INDArray::eq);
    binary(t, NE, INDArray::neq);
    binary(t, LT, INDArray::lt);
    // INDArray has no lte/gte of two arrays; "less or equal" keeps NaN false.
    binary(t, LE, (a, b) -> Transforms.or(a.lt(b), a.eq(b)));
    binary(t, GT, INDArray::gt);
    binary(t, GE, (a, b) -> Transforms.or(a.gt(b), a.eq(b)));

    // Bit operations: XLA keeps subnormals through them, so no flushing.
    t.put(NEG, new Nd4jKernel(Nd4jKernel.FLOATING, false, (in, p, out) -> List.of(in.get(0).negi())));
    t.put(ABS, new Nd4jKernel(Nd4jKernel.FLOATING, false,
        (in, p, out) -> List.of(Transforms.abs(in.get(0), false))));

    unary(t, FLOOR, x -> Transforms.floor(x, false));
    unary(t, CEIL, x -> Transforms.ceil(x, false));
    unary(t, EXP, x -> Transforms.exp(x, false));
    unary(t, LOG, x -> Transforms.log(x, false));
    unary(t, LOG1P, x -> Transforms.log1p(x, false));
    unary(t, EXPM1, x -> Transforms.expm1(x, false));
    unary(t, TANH, x -> Transforms.tanh(x, false));
    unary(t, LOGISTIC, x -> Transforms.sigmoid(x, false));
    unary(t, SQRT, x -> Transforms.sqrt(x, false));
    unary(t, RSQRT, x -> Transforms.sqrt(x, false).rdivi(1));
    unary(t, SIN, x -> Transforms.sin(x, false));
    unary(t, COS, x -> Transforms.cos(x, false));

    // y = 1 is the identity in the reference, subnormals included; it stays there.
    t.put(INTEGER_POW, new Nd4jKernel(
        (in, p, out) -> p.getInt("y") != 1 && Nd4jKernel.FLOATING.test(in, p, out), true,
        (in, p, out) -> List.of(integerPow(in.get(0), p.getInt("y")))));
    t.put(SELECT_N, new Nd4jKernel(ElementwiseNd4j::isTwoWayBoolSelect, false,
        (in, p, out) -> List.of(select(in.get(0), in.get(2), in.get(1)))));
    t.put(CONVERT_ELEMENT_TYPE, new Nd4jKernel(ElementwiseNd4j::isToFloat, true,
        (in, p, out) -> List.of(in.get(0))));
  }

  private static void binary(Map<Primitive, Nd4jKernel> t, Primitive p, BinaryOperator<INDArray> op) {
    t.put(p, new Nd4jKernel(Nd4jKernel.FLOATING, true,
        (in, params, out) -> List.of(op.apply(in.get(0), in.get(1)))));
  }

  private static void unary(Map<Primitive, Nd4jKernel> t, Primitive p, UnaryOperator<INDArray> op) {
    t.put(p, new Nd4jKernel(Nd4jKernel.FLOATING, true,
        (in, params, out) -> List.of(op.apply(in.get(0)))));
  }

  /**
   * {@code x^y} by square-and-multiply over the bits of |y|, as JAX lowers {@code integer_pow}
   * and the reference computes it ({@code x^3 = x * (x*x)}), then {@code 1/acc} for negative y.
   * Intermediate products are flushed as the reference flushes them (the result is flushed on
   * its way back).
   */
  private static INDArray integerPow(INDArray x, int y) {
    INDArray acc = null;
    INDArray base = x;
    for (int bits = Math.abs(y); bits != 0; bits >>>= 1) {
      if ((bits & 1) != 0) {
        acc = acc == null ? base.dup() : flushi(acc.muli(base));
      }
      if (bits >>> 1 != 0) {
        base = flushi(base.mul(base));
      }
    }
    if (acc == null) {
      return x.assign(1);
    }
    return y < 0 ? acc.rdivi(1) : acc;
  }

  /**
   * {@code x} with its subnormals replaced by zeros of their sign, in place: multiplied by 1
   * where {@code |x|} is at least the smallest normal (infinities too) and by 0 elsewhere (NaN
   * stays NaN).
   */
  private static INDArray flushi(INDArray x) {
    double smallestNormal = x.dataType() == org.nd4j.linalg.api.buffer.DataType.FLOAT
        ? Float.MIN_NORMAL : Double.MIN_NORMAL;
    return x.muli(Transforms.abs(x, true).gte(smallestNormal).castTo(x.dataType()));
  }

  /**
   * XLA's max and min return NaN when either operand is NaN; ND4J's compare and pick one operand,
   * so a NaN operand is put back where there is one ({@code x != x} only for NaN).
   */
  private static INDArray nanPropagating(INDArray a, INDArray b, INDArray picked) {
    return select(a.neq(a), a, select(b.neq(b), b, picked));
  }

  private static INDArray bothZero(INDArray a, INDArray b) {
    return Transforms.and(a.eq(0), b.eq(0));
  }

  /** libnd4j's {@code select} op: {@code onTrue} where {@code condition}, else {@code onFalse}. */
  private static INDArray select(INDArray condition, INDArray onTrue, INDArray onFalse) {
    INDArray out = Nd4j.createUninitialized(onTrue.dataType(), onTrue.shape());
    Nd4j.exec(DynamicCustomOp.builder("select").addInputs(condition, onTrue, onFalse)
        .addOutputs(out).build());
    return out;
  }

  /** select_n with a bool selector of the cases' shape and two float, int32 or bool cases. */
  private static boolean isTwoWayBoolSelect(List<Array> in, dev.flaxj.lax.Params p,
      List<dev.flaxj.array.ShapedArray> out) {
    return in.size() == 3 && in.get(0).dtype() == DType.BOOL
        && in.get(0).rank() == in.get(1).rank() && in.get(1).dtype().isFloating();
  }

  /** convert_element_type from a float or int32 to a float: rounds to nearest, as XLA does. */
  private static boolean isToFloat(List<Array> in, dev.flaxj.lax.Params p,
      List<dev.flaxj.array.ShapedArray> out) {
    DType from = in.get(0).dtype();
    return out.get(0).dtype().isFloating() && (from.isFloating() || from == DType.INT32);
  }
}
