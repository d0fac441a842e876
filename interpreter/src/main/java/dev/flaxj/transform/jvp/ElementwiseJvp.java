package dev.flaxj.transform.jvp;

import static dev.flaxj.lax.ElementwisePrimitives.*;
import static dev.flaxj.transform.jvp.JvpDefs.binary;
import static dev.flaxj.transform.jvp.JvpDefs.byOperand;
import static dev.flaxj.transform.jvp.JvpDefs.linear;
import static dev.flaxj.transform.jvp.JvpDefs.unary;
import static dev.flaxj.transform.jvp.JvpDefs.zero;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import java.util.List;

/**
 * Forward-mode rules of the elementwise primitives, each as JAX defines it (jax/_src/lax/lax.py
 * and special.py). Primitives without a rule in JAX ({@code nextafter}) have none here either.
 */
final class ElementwiseJvp {
  private ElementwiseJvp() {}

  static void register() {
    registerArithmetic();
    registerMath();
    for (Primitive p : new Primitive[] {SIGN, FLOOR, CEIL, ROUND, EQ, NE, LT, LE, GT, GE, AND, OR,
        XOR, NOT, SHIFT_LEFT, SHIFT_RIGHT_LOGICAL, SHIFT_RIGHT_ARITHMETIC, BITCAST_CONVERT_TYPE}) {
      zero(p);
    }
    JvpRules.register(SELECT_N, ElementwiseJvp::selectN);
    byOperand(CLAMP,
        (g, ans, xs, params) -> clampPartial(g, xs, Lax.and(
            Lax.gt(bounds(xs, 0), xs.get(1)), Lax.lt(bounds(xs, 0), bounds(xs, 2)))),
        (g, ans, xs, params) -> clampPartial(g, xs, Lax.and(
            Lax.gt(xs.get(1), bounds(xs, 0)), Lax.lt(xs.get(1), bounds(xs, 2)))),
        (g, ans, xs, params) -> clampPartial(g, xs, Lax.lt(bounds(xs, 2), xs.get(1))));
    byOperand(CONVERT_ELEMENT_TYPE, (g, ans, xs, params) -> {
      DType target = params.getDType("new_dtype");
      return target.isFloating()
          ? Lax.convertElementType(g, target, params.getBoolean("weak_type"))
          : Zero.of(ans.aval());
    });
  }

  private static void registerArithmetic() {
    JvpRules.register(ADD, (primals, tangents, params) -> {
      Value out = Lax.add(primals.get(0), primals.get(1));
      return new JvpResult(List.of(out), List.of(Tangents.add(tangents.get(0), tangents.get(1))));
    });
    JvpRules.register(SUB, (primals, tangents, params) -> {
      Value out = Lax.sub(primals.get(0), primals.get(1));
      Value dx = tangents.get(0);
      Value dy = tangents.get(1);
      Value t = Zero.is(dy) ? dx : Zero.is(dx) ? Lax.neg(dy) : Lax.sub(dx, dy);
      return new JvpResult(List.of(out), List.of(t));
    });
    binary(MUL, (g, ans, x, y) -> Lax.mul(g, y), (g, ans, x, y) -> Lax.mul(x, g));
    binary(DIV, (g, ans, x, y) -> Lax.div(g, y),
        (g, ans, x, y) -> Lax.mul(Lax.mul(Lax.neg(g), x), Lax.integerPow(y, -2)));
    binary(REM, (g, ans, x, y) -> g,
        (g, ans, x, y) -> Lax.mul(Lax.neg(g),
            Lax.mul(Lax.sign(Lax.div(x, y)), Lax.floor(Lax.abs(Lax.div(x, y))))));
    binary(POW, ElementwiseJvp::powBase, ElementwiseJvp::powExponent);
    binary(MAX, (g, ans, x, y) -> Lax.mul(g, balancedEq(x, ans, y)),
        (g, ans, x, y) -> Lax.mul(g, balancedEq(y, ans, x)));
    binary(MIN, (g, ans, x, y) -> Lax.mul(g, balancedEq(x, ans, y)),
        (g, ans, x, y) -> Lax.mul(g, balancedEq(y, ans, x)));
    linear(NEG);
  }

  private static void registerMath() {
    unary(ABS, (g, ans, x) -> Lax.selectN(Lax.ge(x, Fill.like(x, 0)), Lax.neg(g), g));
    unary(EXP, (g, ans, x) -> Lax.mul(g, ans));
    unary(LOG, (g, ans, x) -> Lax.div(g, x));
    unary(LOG1P, (g, ans, x) -> Lax.div(g, Lax.add(x, Fill.like(x, 1))));
    unary(EXPM1, (g, ans, x) -> Lax.mul(g, Lax.add(ans, Fill.like(ans, 1))));
    unary(TANH, (g, ans, x) -> Lax.mul(Lax.add(g, Lax.mul(g, ans)), Lax.sub(Fill.like(x, 1), ans)));
    unary(LOGISTIC, (g, ans, x) -> Lax.mul(g, Lax.mul(ans, Lax.sub(Fill.like(ans, 1), ans))));
    unary(SQRT, (g, ans, x) -> Lax.mul(g, Lax.div(Fill.like(x, 0.5), ans)));
    unary(RSQRT, (g, ans, x) -> Lax.mul(g, Lax.mul(Fill.like(x, -0.5), Lax.div(ans, x))));
    unary(SIN, (g, ans, x) -> Lax.mul(g, Lax.cos(x)));
    unary(COS, (g, ans, x) -> Lax.neg(Lax.mul(g, Lax.sin(x))));
    unary(ERF, (g, ans, x) -> Lax.mul(Fill.like(x, 2 / Math.sqrt(Math.PI)),
        Lax.mul(g, Lax.exp(Lax.neg(Lax.mul(x, x))))));
    unary(ERF_INV, (g, ans, x) -> Lax.mul(Fill.like(x, Math.sqrt(Math.PI) / 2),
        Lax.mul(g, Lax.exp(Lax.mul(ans, ans)))));
    byOperand(INTEGER_POW, (g, ans, xs, params) -> {
      int y = params.getInt("y");
      Value x = xs.get(0);
      switch (y) {
        case 0: return Zero.of(ans.aval());
        case 1: return g;
        case 2: return Lax.mul(g, Lax.mul(Fill.like(x, 2), x));
        default: return Lax.mul(g, Lax.mul(Fill.like(x, y), Lax.integerPow(x, y - 1)));
      }
    });
  }

  /**
   * d pow(x, y) / dx = y * x^(y-1); for an integer exponent computed in x's dtype, with 0 where
   * {@code y == 0} (so that {@code pow(0, 0)} has derivative 0, not NaN).
   */
  private static Value powBase(Value g, Value ans, Value x, Value y) {
    Value jac;
    if (y.dtype().isInteger()) {
      Value yf = Lax.convertElementType(y, x.dtype());
      Value isZero = Lax.eq(yf, Fill.like(yf, 0));
      Value safeY = Lax.selectN(isZero, yf, Fill.like(yf, 1));
      jac = Lax.selectN(isZero,
          Lax.mul(safeY, Lax.pow(x, Lax.sub(yf, Fill.like(yf, 1)))), Fill.like(yf, 0));
    } else {
      jac = Lax.mul(y, Lax.pow(x, Lax.sub(y, Fill.like(y, 1))));
    }
    return Lax.mul(g, jac);
  }

  /** d pow(x, y) / dy = log(x) * x^y, with log(1) standing in where x is 0. */
  private static Value powExponent(Value g, Value ans, Value x, Value y) {
    Value safeX = Lax.selectN(Lax.eq(x, Fill.like(x, 0)), x, Fill.like(x, 1));
    return Lax.mul(g, Lax.mul(Lax.log(safeX), ans));
  }

  /**
   * JAX's {@code _balanced_eq(x, z, y)}: 1 where only x equals the result z, 0.5 where both
   * operands do (ties split the tangent evenly), 0 elsewhere.
   */
  private static Value balancedEq(Value x, Value z, Value y) {
    Value num = Lax.selectN(Lax.eq(x, z), Fill.like(z, 0), Fill.like(z, 1));
    Value den = Lax.selectN(Lax.eq(y, z), Fill.like(z, 1), Fill.like(z, 2));
    return Lax.div(num, den);
  }

  private static JvpResult selectN(List<Value> primals, List<Value> tangents, Params params) {
    Value[] operands = JvpDefs.array(primals);
    Value out = Bind.bind1(SELECT_N, params, operands);
    List<Value> caseTangents = tangents.subList(1, tangents.size());
    if (Tangents.allZero(caseTangents)) {
      return new JvpResult(List.of(out), List.of(Zero.of(out.aval())));
    }
    Value[] args = new Value[operands.length];
    args[0] = primals.get(0);
    for (int i = 1; i < args.length; i++) {
      args[i] = Tangents.instantiate(tangents.get(i));
    }
    return new JvpResult(List.of(out), List.of(Bind.bind1(SELECT_N, params, args)));
  }

  /** The clamp bound {@code xs[i]}, broadcast to the operand's shape if it is a scalar. */
  private static Value bounds(List<Value> xs, int i) {
    return Fill.broadcastScalar(xs.get(i), xs.get(1));
  }

  /** {@code g} (broadcast to the operand's shape) where {@code mask} holds, 0 elsewhere. */
  private static Value clampPartial(Value g, List<Value> xs, Value mask) {
    Value gb = Fill.broadcastScalar(g, xs.get(1));
    return Lax.selectN(mask, Fill.like(gb, 0), gb);
  }
}
