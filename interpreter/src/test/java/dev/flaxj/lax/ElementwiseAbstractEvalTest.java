package dev.flaxj.lax;

import static dev.flaxj.lax.ElementwiseTestSupport.assertRejected;
import static dev.flaxj.lax.ElementwiseTestSupport.bools;
import static dev.flaxj.lax.ElementwiseTestSupport.f32;
import static dev.flaxj.lax.ElementwiseTestSupport.i32;
import static dev.flaxj.lax.ElementwiseTestSupport.u32;
import static dev.flaxj.lax.ElementwisePrimitives.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Output types, weak types and errors of the elementwise primitives' abstract evaluation. */
class ElementwiseAbstractEvalTest {
  private static final ShapedArray F = ShapedArray.of(DType.FLOAT32, 2, 3);
  private static final ShapedArray F_WEAK = new ShapedArray(Shape.of(2, 3), DType.FLOAT32, true);
  private static final ShapedArray I = ShapedArray.of(DType.INT32, 2, 3);
  private static final ShapedArray B = ShapedArray.of(DType.BOOL, 2, 3);

  private static ShapedArray eval(Primitive p, Params params, ShapedArray... in) {
    List<ShapedArray> out = p.abstractEval(List.of(in), params);
    assertEquals(1, out.size());
    return out.get(0);
  }

  private static ShapedArray eval(Primitive p, ShapedArray... in) {
    return eval(p, Params.EMPTY, in);
  }

  @Test
  void resultsAreWeakOnlyWhenEveryOperandIs() {
    // from jax 0.10.2 (jax.eval_shape with weak-typed ShapeDtypeStructs): add(strong, weak) is
    // strong, add(weak, weak) weak, lt(weak, weak) a weak bool, neg/sin/round keep the flag,
    // pow(weak f32, strong i32) strong
    assertEquals(F, eval(ADD, F, F_WEAK));
    assertEquals(F_WEAK, eval(ADD, F_WEAK, F_WEAK));
    assertEquals(new ShapedArray(F.shape(), DType.BOOL, true), eval(LT, F_WEAK, F_WEAK));
    assertEquals(ShapedArray.of(DType.BOOL, 2, 3), eval(EQ, F, F_WEAK));
    assertEquals(F_WEAK, eval(NEG, F_WEAK));
    assertEquals(F_WEAK, eval(SIN, F_WEAK));
    assertEquals(F_WEAK, eval(ROUND, Params.of("rounding_method", 1), F_WEAK));
    assertEquals(F, eval(POW, F_WEAK, I));
    assertEquals(F_WEAK, eval(POW, F_WEAK, I.withDType(DType.INT32, true)));
  }

  @Test
  void selectClampAndConversionsSetWeakTypesAsJax() {
    ShapedArray which = ShapedArray.of(DType.BOOL, 2, 3).withDType(DType.BOOL, true);
    // from jax 0.10.2: select_n is weak when all cases are (whatever `which` is); clamp when all
    // three operands are; bitcast never; convert_element_type as its weak_type parameter says
    assertEquals(F_WEAK, eval(SELECT_N, which, F_WEAK, F_WEAK));
    assertEquals(F, eval(SELECT_N, which, F_WEAK, F));
    ShapedArray scalarWeak = new ShapedArray(Shape.SCALAR, DType.FLOAT32, true);
    assertEquals(F_WEAK, eval(CLAMP, scalarWeak, F_WEAK, scalarWeak));
    assertEquals(F, eval(CLAMP, ShapedArray.of(DType.FLOAT32), F_WEAK, scalarWeak));
    assertEquals(I, eval(BITCAST_CONVERT_TYPE, Params.of("new_dtype", DType.INT32), F_WEAK));
    assertEquals(I.withDType(DType.INT32, true), eval(CONVERT_ELEMENT_TYPE,
        Params.of("new_dtype", DType.INT32, "weak_type", true), F));
  }

  @Test
  void binaryOperandsMustAgreeInShapeAndDtype() {
    assertRejected(() -> Lax.add(Array.of(new float[6], 2, 3), Array.of(new float[8], 2, 4)),
        "add", "same shapes", "f32[2,3]", "f32[2,4]");
    assertRejected(() -> Lax.mul(Array.of(new float[6], 2, 3), Array.of(new float[3], 3)),
        "mul", "f32[2,3]", "f32[3]");
    // lax (unlike jnp) does not broadcast a scalar operand here
    assertRejected(() -> Lax.sub(Array.scalar(1f), f32(1f, 2f)), "sub", "f32[]", "f32[2]");
    assertRejected(() -> Lax.add(f32(1f), i32(1)), "add", "same dtypes", "f32[1]", "i32[1]");
    assertRejected(() -> Lax.max(i32(1), u32(1)), "max", "i32[1]", "u32[1]");
    assertRejected(() -> Lax.lt(f32(1f), bools(true)), "lt", "f32[1]", "bool[1]");
    assertRejected(() -> Lax.pow(f32(1f), Array.of(new double[] {1}, 1)), "pow", "f64[1]");
    assertRejected(() -> Lax.pow(f32(1f, 2f), i32(1)), "pow", "same shapes");
  }

  @Test
  void dtypesOutsideAPrimitivesDomainAreRejected() {
    // from jax 0.10.2: each of these raises TypeError "<name> does not accept dtype <dtype>"
    assertRejected(() -> Lax.sin(i32(1)), "sin", "int32", "floating");
    assertRejected(() -> Lax.erfInv(i32(1)), "erf_inv", "int32");
    assertRejected(() -> Lax.round(i32(1)), "round", "int32");
    assertRejected(() -> Lax.add(bools(true), bools(true)), "add", "bool", "position 0");
    assertRejected(() -> Lax.rem(bools(true), bools(true)), "rem", "bool");
    assertRejected(() -> Lax.abs(u32(1)), "abs", "uint32", "signedinteger");
    assertRejected(() -> Lax.neg(bools(true)), "neg", "bool");
    assertRejected(() -> Lax.sign(bools(true)), "sign", "bool");
    assertRejected(() -> Lax.not(f32(1f)), "not", "float32", "integer, bool");
    assertRejected(() -> Lax.and(f32(1f), f32(1f)), "and", "float32");
    assertRejected(() -> Lax.shiftLeft(bools(true), bools(true)), "shift_left", "bool");
    assertRejected(() -> Lax.shiftRightLogical(f32(1f), f32(1f)), "shift_right_logical");
    assertRejected(() -> Lax.nextafter(i32(1), i32(1)), "nextafter", "int32");
    assertRejected(() -> Lax.pow(i32(1), i32(1)), "pow", "int32", "position 0");
    assertRejected(() -> Lax.integerPow(bools(true), 2), "integer_pow", "bool");
    Array key = Array.ofWords(DType.KEY, new int[] {0, 1}, 1);
    assertRejected(() -> Lax.lt(key, key), "lt", "key<fry>");
    assertRejected(() -> Lax.convertElementType(key, DType.UINT32), "convert_element_type",
        "key<fry>");
  }

  @Test
  void parametersAreChecked() {
    // from jax 0.10.2: "Integers cannot be raised to negative powers, got
    // integer_pow(int32[3], -2)"
    assertRejected(() -> Lax.integerPow(i32(1, 2, 3), -2), "integer_pow", "negative powers",
        "i32[3]", "-2");
    assertEquals(DType.FLOAT32, Lax.integerPow(f32(2f), -2).dtype());
    assertRejected(() -> Lax.round(f32(1f), 2), "round", "rounding_method");
    assertRejected(() -> eval(ROUND, Params.of("rounding_method", 7), F), "round", "7");
    assertRejected(() -> Lax.convertElementType(f32(1f), DType.KEY), "convert_element_type",
        "key<fry>");
    // from jax 0.10.2: bitcast between widths raises ("from bool of size 8 bits to int32 ...")
    assertRejected(() -> Lax.bitcastConvertType(bools(true), DType.INT32),
        "bitcast_convert_type", "bool", "int32");
    assertRejected(() -> Lax.bitcastConvertType(f32(1f), DType.FLOAT64),
        "bitcast_convert_type", "float64");
  }

  @Test
  void selectNChecksItsSelectorAndCases() {
    // from jax 0.10.2: each of these raises TypeError (or ValueError for no cases)
    assertRejected(() -> Lax.selectN(f32(0f, 1f), f32(1f, 2f), f32(3f, 4f)), "select_n",
        "boolean or integer", "f32[2]");
    assertRejected(() -> Lax.selectN(bools(true), f32(1f), f32(2f), f32(3f)), "select_n",
        "more than 2 cases");
    assertRejected(() -> Lax.selectN(i32(0, 1), f32(1f, 2f), f32(3f, 4f, 5f)), "select_n",
        "same shapes", "f32[2]", "f32[3]");
    assertRejected(() -> Lax.selectN(i32(0, 1), f32(1f, 2f), i32(3, 4)), "select_n",
        "same dtypes");
    assertRejected(() -> Lax.selectN(i32(0, 1, 1), f32(1f, 2f), f32(3f, 4f)), "select_n",
        "scalar or have the same shape", "i32[3]");
    assertRejected(() -> Lax.selectN(i32(0)), "select_n", "at least one case");
    assertRejected(() -> eval(SELECT_N, I), "select_n", "at least one case");
  }

  @Test
  void clampChecksBoundsAndOperandCounts() {
    // from jax 0.10.2: "clamp requires min.shape == operand.shape or min.shape == ()"
    assertRejected(() -> Lax.clamp(f32(0f, 0f), f32(1f, 2f, 3f), Array.scalar(1f)), "clamp",
        "min", "f32[2]", "f32[3]");
    assertRejected(() -> Lax.clamp(Array.scalar(0f), f32(1f, 2f), f32(1f)), "clamp", "max");
    assertRejected(() -> Lax.clamp(Array.scalar(0), f32(1f), Array.scalar(1f)), "clamp",
        "same dtypes", "i32[]");
    assertRejected(() -> eval(ADD, F, F, F), "add", "expected 2 operands, got 3");
    assertRejected(() -> eval(EXP), "exp", "expected 1 operand, got 0");
    assertRejected(() -> eval(CLAMP, F, F), "clamp", "expected 3 operands");
  }

  @Test
  void primitivesCarryJaxNames() {
    assertEquals("erf_inv", ERF_INV.name());
    assertEquals("shift_right_arithmetic", SHIFT_RIGHT_ARITHMETIC.name());
    assertEquals("select_n", SELECT_N.name());
    assertEquals("convert_element_type", CONVERT_ELEMENT_TYPE.name());
    assertEquals("integer_pow", INTEGER_POW.name());
    assertEquals(1, RoundingMethod.TO_NEAREST_EVEN.code());
  }
}
