package dev.flaxj.transform.jvp;

import static dev.flaxj.transform.jvp.JvpTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.Params;
import java.util.Arrays;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** JVP rules of the elementwise primitives: finite differences in float64 and JAX's values. */
class ElementwiseJvpTest {
  private static final Array X = f64(-1.5, -0.25, 0.5, 2.0);
  private static final Array POSITIVE = f64(0.25, 0.5, 1.5, 4.0);
  private static final Array T = f64(1.0, -2.0, 0.5, 3.0);
  private static final Array Y = f64(2.0, -0.5, 0.5, 1.5);
  private static final Array TY = f64(0.5, 1.0, -1.0, 2.0);

  private static void unaryFd(UnaryOperator<Value> f, Array x) {
    checkFd1(xs -> f.apply(xs.get(0)), List.of(x), List.of(T), 1e-7);
  }

  /** For the primitives with float32 kernels only. */
  private static void unaryFd32(UnaryOperator<Value> f, float... x) {
    checkFd1(xs -> f.apply(xs.get(0)), List.of(f32(x)), List.of(f32(1.0f, -2.0f, 0.5f, 3.0f)),
        2e-3);
  }

  private static void binaryFd(BinaryOperator<Value> f, Array x, Array y) {
    checkFd1(xs -> f.apply(xs.get(0), xs.get(1)), List.of(x, y), List.of(T, TY), 1e-7);
    checkFd1(xs -> f.apply(xs.get(0), xs.get(1)), List.of(x, y), Arrays.asList(T, null), 1e-7);
    checkFd1(xs -> f.apply(xs.get(0), xs.get(1)), List.of(x, y), Arrays.asList(null, TY), 1e-7);
  }

  private static Value[] jvp1(UnaryOperator<Value> f, Value x, Value t) {
    JvpResult r = Jvp.jvpFlat(List.of(x), List.of(t), xs -> List.of(f.apply(xs.get(0))));
    return new Value[] {r.primalsOut().get(0), Tangents.instantiate(r.tangentsOut().get(0))};
  }

  @Test
  void unaryRulesMatchFiniteDifferences() {
    for (UnaryOperator<Value> f : List.<UnaryOperator<Value>>of(Lax::neg, Lax::abs, Lax::exp,
        Lax::expm1, Lax::tanh, Lax::logistic, Lax::sin, Lax::cos,
        x -> Lax.integerPow(x, 3), x -> Lax.integerPow(x, -2), x -> Lax.integerPow(x, 2),
        x -> Lax.integerPow(x, 1), x -> Lax.integerPow(x, 0))) {
      unaryFd(f, X);
    }
    for (UnaryOperator<Value> f : List.<UnaryOperator<Value>>of(Lax::log, Lax::log1p, Lax::sqrt,
        Lax::rsqrt)) {
      unaryFd(f, POSITIVE);
    }
    unaryFd32(Lax::erf, -1.5f, -0.25f, 0.5f, 2.0f);
    unaryFd32(Lax::erfInv, -0.9f, -0.25f, 0.1f, 0.75f);
  }

  @Test
  void binaryRulesMatchFiniteDifferences() {
    for (BinaryOperator<Value> f : List.<BinaryOperator<Value>>of(Lax::add, Lax::sub, Lax::mul,
        Lax::div, Lax::max, Lax::min)) {
      binaryFd(f, X, Y);
    }
    binaryFd(Lax::pow, POSITIVE, Y);
    binaryFd(Lax::rem, f64(5.5, -7.25, 3.0, 1.0), f64(2.0, 3.0, -1.25, 4.0));
  }

  @Test
  void powWithAnIntegerExponentDifferentiatesTheBaseOnly() {
    Array n = Array.of(new int[] {0, 1, 2, -3}, 4);
    checkFd1(xs -> Lax.pow(xs.get(0), n), List.of(X), List.of(T), 1e-7);
    // from jax 0.10.2: jax.jvp(lambda a: lax.pow(a, [0, 1, 2, -3]), (x,), (t,)), float32
    Value[] r = jvp1(x -> Lax.pow(x, n), f32(-1.5f, -0.25f, 0.5f, 2.0f), f32(1f, -2f, 0.5f, 3f));
    assertJax(new float[] {1.0f, -0.25f, 0.25f, 0.125f}, r[0]);
    assertJax(new float[] {0.0f, -2.0f, 0.5f, -0.5625f}, r[1]);
  }

  @Test
  void powAtZeroFollowsJax() {
    // from jax 0.10.2: d/dx pow(x, 0.) at 0 is nan, d/dx pow(x, 0) is 0, d/dy pow(0., y) is 0
    Value zero = Array.scalar(0f);
    assertTrue(Double.isNaN(doubles(jvp1(x -> Lax.pow(x, Array.scalar(0f)), zero,
        Array.scalar(1f))[1])[0]));
    assertEquals(0.0, doubles(jvp1(x -> Lax.pow(x, Array.scalar(0)), zero, Array.scalar(1f))[1])[0]);
    assertEquals(0.0, doubles(jvp1(y -> Lax.pow(zero, y), Array.scalar(2f), Array.scalar(1f))[1])[0]);
  }

  @Test
  void unaryRulesMatchJax() {
    Array x = f32(-1.5f, -0.25f, 0.5f, 2.0f);
    Array t = f32(1.0f, -2.0f, 0.5f, 3.0f);
    // from jax 0.10.2: jax.jvp(f, (x,), (t,)) tangents in float32
    assertJax(new float[] {0.18070672452449799f, -1.8800297975540161f, 0.3932238519191742f,
        0.21195244789123535f}, jvp1(Lax::tanh, x, t)[1]);
    assertJax(new float[] {0.14914646744728088f, -0.4922681450843811f, 0.11750185489654541f,
        0.3149808645248413f}, jvp1(Lax::logistic, x, t)[1]);
    assertJax(new float[] {0.11893029510974884f, -2.120028495788574f, 0.4393913149833679f,
        0.06200096011161804f}, jvp1(Lax::erf, x, t)[1]);
    assertJax(new float[] {0.9974949955940247f, -0.4948079288005829f, -0.23971277475357056f,
        -2.7278921604156494f}, jvp1(Lax::cos, x, t)[1]);
    assertJax(new float[] {0.22313016653060913f, -1.5576015710830688f, 0.8243606090545654f,
        22.16716766357422f}, jvp1(Lax::expm1, x, t)[1]);
    assertJax(new float[] {-1.0f, 2.0f, 0.5f, 3.0f}, jvp1(Lax::abs, x, t)[1]);
    assertJax(new float[] {6.75f, -0.375f, 0.375f, 36.0f}, jvp1(v -> Lax.integerPow(v, 3), x, t)[1]);
    assertJax(new float[] {0.5925925970077515f, -256.0f, -8.0f, -0.75f},
        jvp1(v -> Lax.integerPow(v, -2), x, t)[1]);
    Array p = f32(0.25f, 0.5f, 1.5f, 4.0f);
    assertJax(new float[] {0.800000011920929f, -1.3333333730697632f, 0.20000000298023224f,
        0.6000000238418579f}, jvp1(Lax::log1p, p, t)[1]);
    assertJax(new float[] {-4.0f, 2.8284270763397217f, -0.1360827535390854f, -0.1875f},
        jvp1(Lax::rsqrt, p, t)[1]);
    assertJax(new float[] {1.0f, -1.4142135381698608f, 0.20412413775920868f, 0.75f},
        jvp1(Lax::sqrt, p, t)[1]);
    Value[] erfInv = jvp1(Lax::erfInv, f32(-0.9f, -0.25f, 0.1f, 0.75f), t);
    assertClose(new double[] {3.428041934967041, -1.8647565841674805, 0.44662585854530334,
        5.152499198913574}, erfInv[1], 2e-6);
  }

  @Test
  void binaryRulesMatchJax() {
    Array t = f32(1.0f, -2.0f, 0.5f, 3.0f);
    Array ty = f32(0.5f, 1.0f, -1.0f, 2.0f);
    // from jax 0.10.2: jax.jvp(op, (x, y), (t, ty)) in float32
    JvpResult pow = Jvp.jvpFlat(List.of(f32(0.25f, 0.5f, 1.5f, 4.0f), f32(2.0f, -0.5f, 0.5f, 1.5f)),
        List.of(t, ty), xs -> List.of(Lax.pow(xs.get(0), xs.get(1))));
    assertClose(new double[] {0.4566783010959625, 1.848168969154358, -0.2924671769142151,
        31.180709838867188}, pow.tangentsOut().get(0), 1e-6);
    JvpResult rem = Jvp.jvpFlat(List.of(f32(5.5f, -7.25f, 3.0f, 1.0f), f32(2.0f, 3.0f, -1.25f, 4.0f)),
        List.of(t, ty), xs -> List.of(Lax.rem(xs.get(0), xs.get(1))));
    assertJax(new float[] {0.0f, 0.0f, -1.5f, 3.0f}, rem.tangentsOut().get(0));
    JvpResult div = Jvp.jvpFlat(List.of(f32(-1.5f, -0.25f, 0.5f, 2.0f), f32(2.0f, -0.5f, 0.5f, 1.5f)),
        List.of(t, ty), xs -> List.of(Lax.div(xs.get(0), xs.get(1))));
    assertJax(new float[] {0.6875f, 5.0f, 3.0f, 0.2222222089767456f}, div.tangentsOut().get(0));
  }

  @Test
  void maxAndMinSplitTiesEvenlyAsJax() {
    Array a = f32(1f, 2f, 3f, 4f);
    Array b = f32(1f, 5f, 3f, 0f);
    Array t = f32(1.0f, -2.0f, 0.5f, 3.0f);
    Array ty = f32(0.5f, 1.0f, -1.0f, 2.0f);
    // from jax 0.10.2: jax.jvp(lax.max / lax.min, (a, b), (t, ty))
    assertExactly(new float[] {0.75f, 1.0f, -0.25f, 3.0f}, Tangents.instantiate(Jvp.jvpFlat(
        List.of(a, b), List.of(t, ty), xs -> List.of(Lax.max(xs.get(0), xs.get(1))))
        .tangentsOut().get(0)));
    assertExactly(new float[] {0.75f, -2.0f, -0.25f, 2.0f}, Tangents.instantiate(Jvp.jvpFlat(
        List.of(a, b), List.of(t, ty), xs -> List.of(Lax.min(xs.get(0), xs.get(1))))
        .tangentsOut().get(0)));
    // from jax 0.10.2: jax.jvp(jnp.maximum, (1., 1.), (1., 0.)) == (1., 0.5)
    JvpOutput tie = Jvp.jvp(args -> Lax.max((Value) args[0], (Value) args[1]),
        new Object[] {1.0, 1.0}, new Object[] {1.0, 0.0});
    assertEquals(0.5, doubles((Value) tie.tangentOut())[0]);
  }

  @Test
  void selectAndClampRoutTangentsAsJax() {
    Array t = f32(1.0f, -2.0f, 0.5f, 3.0f);
    Array ty = f32(0.5f, 1.0f, -1.0f, 2.0f);
    Array which = Array.of(new boolean[] {true, false, true, false}, 4);
    // from jax 0.10.2: lax.select_n(which, a, b) picks b where which is true
    JvpResult sel = Jvp.jvpFlat(List.of(f32(-1.5f, -0.25f, 0.5f, 2.0f), f32(2f, -0.5f, 0.5f, 1.5f)),
        List.of(t, ty), xs -> List.of(Lax.selectN(which, xs.get(0), xs.get(1))));
    assertExactly(new float[] {0.5f, -2.0f, -1.0f, 3.0f}, sel.tangentsOut().get(0));
    // a Zero case is filled with zeros
    JvpResult half = Jvp.jvpFlat(List.of(f32(1f, 2f, 3f, 4f)), List.of(t),
        xs -> List.of(Lax.selectN(which, xs.get(0), f32(9f, 9f, 9f, 9f))));
    assertExactly(new float[] {0f, -2f, 0f, 3f}, half.tangentsOut().get(0));
    // from jax 0.10.2: jax.jvp(lax.clamp, (lo, x, hi), (1..4, t, 10..40))
    JvpResult clamp = Jvp.jvpFlat(
        List.of(f32(0f, 0f, 0f, 0f), f32(-1f, 0.5f, 2f, 0f), f32(1f, 1f, 1f, 1f)),
        List.of(f32(1f, 2f, 3f, 4f), t, f32(10f, 20f, 30f, 40f)),
        xs -> List.of(Lax.clamp(xs.get(0), xs.get(1), xs.get(2))));
    assertExactly(new float[] {1.0f, -2.0f, 30.0f, 0.0f}, clamp.tangentsOut().get(0));
    // scalar bounds (JAX itself fails here): their tangents broadcast
    checkFd1(xs -> Lax.clamp(xs.get(0), xs.get(1), xs.get(2)),
        List.of(Array.of(new double[] {0.0}), X, Array.of(new double[] {1.0})),
        List.of(Array.of(new double[] {2.0}), T, Array.of(new double[] {-3.0})), 1e-7);
  }

  @Test
  void conversionsPassTangentsToFloatsAndStopAtIntegers() {
    Value[] up = jvp1(x -> Lax.convertElementType(x, DType.FLOAT64), f32(1.5f, -2f), f32(3f, 4f));
    assertEquals(DType.FLOAT64, up[1].dtype());
    assertClose(new double[] {3, 4}, up[1], 0);
    JvpResult toInt = Jvp.jvpFlat(List.of(f32(1.5f)), List.of(f32(1f)),
        xs -> List.of(Lax.convertElementType(xs.get(0), DType.INT32)));
    assertTrue(Zero.is(toInt.tangentsOut().get(0)));
    // float -> int -> float: the tangent is zero (JAX's convert_element_type rule)
    Value[] round = jvp1(x -> Lax.convertElementType(Lax.convertElementType(x, DType.INT32),
        DType.FLOAT32), f32(1.5f), f32(1f));
    assertExactly(new float[] {0f}, round[1]);
    // from jax 0.10.2: bitcast_convert_type has a zero tangent
    Value[] bits = jvp1(x -> Lax.convertElementType(Lax.bitcastConvertType(x, DType.INT32),
        DType.FLOAT32), f32(1f), f32(1f));
    assertExactly(new float[] {1.0653532e+09f}, bits[0]);
    assertExactly(new float[] {0f}, bits[1]);
  }

  @Test
  void piecewiseConstantOpsHaveZeroTangents() {
    for (UnaryOperator<Value> f : List.<UnaryOperator<Value>>of(Lax::sign, Lax::floor, Lax::ceil,
        Lax::round)) {
      JvpResult r = Jvp.jvpFlat(List.of(X), List.of(T), xs -> List.of(f.apply(xs.get(0))));
      assertTrue(Zero.is(r.tangentsOut().get(0)), "symbolic zero");
      assertEquals(X.aval(), r.tangentsOut().get(0).aval());
    }
  }

  @Test
  void comparisonsOfDifferentiatedValuesHaveZeroTangents() {
    for (BinaryOperator<Value> f : List.<BinaryOperator<Value>>of(Lax::eq, Lax::ne, Lax::lt,
        Lax::le, Lax::gt, Lax::ge)) {
      JvpResult r = Jvp.jvpFlat(List.of(X, Y), List.of(T, TY),
          xs -> List.of(f.apply(xs.get(0), xs.get(1))));
      assertTrue(Zero.is(r.tangentsOut().get(0)));
      assertEquals(DType.BOOL, r.primalsOut().get(0).dtype());
    }
  }

  /**
   * Integer-only primitives never see a nonzero tangent under jvp (their operands' tangents are
   * Zero, so the primitive is applied directly); their rules still give Zero when called.
   */
  @Test
  void zeroRulesOfIntegerPrimitivesGiveZeros() {
    Array a = Array.of(new int[] {6, -3}, 2);
    Array b = Array.of(new int[] {1, 2}, 2);
    Array u = Array.ofUint32(new int[] {1, 2}, 2);
    Params none = Params.EMPTY;
    Object[][] cases = {
        {dev.flaxj.lax.ElementwisePrimitives.AND, List.of(a, b), none},
        {dev.flaxj.lax.ElementwisePrimitives.SHIFT_LEFT, List.of(a, b), none},
        {dev.flaxj.lax.ElementwisePrimitives.NOT, List.of(a), none},
        {dev.flaxj.lax.RandomPrimitives.THREEFRY2X32, List.of(u, u, u, u), none},
        {dev.flaxj.lax.RandomPrimitives.RANDOM_WRAP, List.of(u), Params.of("impl", "fry")}};
    for (Object[] c : cases) {
      dev.flaxj.lax.Primitive p = (dev.flaxj.lax.Primitive) c[0];
      @SuppressWarnings("unchecked")
      List<Value> args = (List<Value>) c[1];
      JvpResult r = JvpRules.get(p).apply(args, args, (Params) c[2]);
      for (int i = 0; i < r.tangentsOut().size(); i++) {
        assertTrue(Zero.is(r.tangentsOut().get(i)), p.name());
        assertEquals(r.primalsOut().get(i).shape(), r.tangentsOut().get(i).shape());
      }
    }
  }

  @Test
  void scalarsAndEmptyArraysWork() {
    checkFd1(xs -> Lax.mul(Lax.sin(xs.get(0)), xs.get(1)),
        List.of(Array.of(new double[] {0.7}), Array.of(new double[] {-1.2})),
        List.of(Array.of(new double[] {1.0}), Array.of(new double[] {0.5})), 1e-7);
    Array empty = f64(new double[0], 0, 3);
    Value[] r = jvp1(x -> Lax.tanh(x), empty, empty);
    assertEquals(empty.aval(), r[1].aval());
  }
}
