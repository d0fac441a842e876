package dev.flaxj.transform.jvp;

import static dev.flaxj.transform.jvp.JvpTestSupport.checkFd1;
import static dev.flaxj.transform.jvp.JvpTestSupport.f64;

import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** jvp agrees with central finite differences at random points and along random tangents. */
class JvpPropertyTest {
  private static final List<UnaryOperator<Value>> ANYWHERE = List.of(Lax::sin, Lax::cos,
      Lax::tanh, Lax::logistic, Lax::exp, Lax::expm1, Lax::neg, x -> Lax.integerPow(x, 3),
      x -> Lax.mul(Lax.sin(x), Lax.exp(Lax.neg(Lax.mul(x, x)))));
  private static final List<UnaryOperator<Value>> POSITIVE = List.of(Lax::log, Lax::log1p,
      Lax::sqrt, Lax::rsqrt, x -> Lax.integerPow(x, -2));
  private static final List<BinaryOperator<Value>> BINARY = List.of(Lax::add, Lax::sub,
      Lax::mul, Lax::max, Lax::min, (x, y) -> Lax.div(Lax.sin(x), Lax.add(Lax.mul(y, y),
          Lax.exp(x))));

  @Property(tries = 200)
  void unaryOps(@ForAll @IntRange(max = 8) int op, @ForAll @DoubleRange(min = -3, max = 3) double x,
      @ForAll @DoubleRange(min = -2, max = 2) double t) {
    checkFd1(xs -> ANYWHERE.get(op).apply(xs.get(0)), List.of(f64(x)), List.of(f64(t)), 1e-6);
  }

  @Property(tries = 150)
  void unaryOpsOnPositiveNumbers(@ForAll @IntRange(max = 4) int op,
      @ForAll @DoubleRange(min = 0.1, max = 5) double x,
      @ForAll @DoubleRange(min = -2, max = 2) double t) {
    checkFd1(xs -> POSITIVE.get(op).apply(xs.get(0)), List.of(f64(x)), List.of(f64(t)), 1e-5);
  }

  @Property(tries = 200)
  void binaryOps(@ForAll @IntRange(max = 5) int op, @ForAll @DoubleRange(min = -3, max = 3) double x,
      @ForAll @DoubleRange(min = -3, max = 3) double y,
      @ForAll @DoubleRange(min = -2, max = 2) double tx,
      @ForAll @DoubleRange(min = -2, max = 2) double ty) {
    Assume.that(Math.abs(x - y) > 1e-3); // max and min are not differentiable at ties
    checkFd1(xs -> BINARY.get(op).apply(xs.get(0), xs.get(1)), List.of(f64(x), f64(y)),
        List.of(f64(tx), f64(ty)), 1e-6);
  }

  @Property(tries = 100)
  void powAndDivision(@ForAll @DoubleRange(min = 0.2, max = 4) double x,
      @ForAll @DoubleRange(min = -2, max = 2) double y,
      @ForAll @DoubleRange(min = -2, max = 2) double tx,
      @ForAll @DoubleRange(min = -2, max = 2) double ty) {
    checkFd1(xs -> Lax.pow(xs.get(0), xs.get(1)), List.of(f64(x), f64(y)),
        List.of(f64(tx), f64(ty)), 1e-5);
    checkFd1(xs -> Lax.div(xs.get(1), xs.get(0)), List.of(f64(x), f64(y)),
        List.of(f64(tx), f64(ty)), 1e-5);
  }

  @Property(tries = 60)
  void secondDerivativesByNestedJvp(@ForAll @IntRange(max = 8) int op,
      @ForAll @DoubleRange(min = -2, max = 2) double x) {
    UnaryOperator<Value> f = ANYWHERE.get(op);
    checkFd1(xs -> Jvp.jvpFlat(xs, List.of(f64(1.0)), ys -> List.of(f.apply(ys.get(0))))
        .tangentsOut().get(0), List.of(f64(x)), List.of(f64(1.0)), 1e-5);
  }
}
