package dev.flaxj.transform.jvp;

import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import java.util.List;

/**
 * Builders for the common shapes of JVP rules, as JAX's {@code defjvp_zero}, {@code deflinear}
 * and {@code defjvp}/{@code defjvp2}.
 */
final class JvpDefs {
  private JvpDefs() {}

  /** The contribution of one operand's tangent {@code g} to the output tangent. */
  @FunctionalInterface
  interface Partial {
    Value apply(Value g, Value ans, List<Value> primals, Params params);
  }

  /** {@link Partial} for a one-operand primitive without parameters. */
  @FunctionalInterface
  interface Unary {
    Value apply(Value g, Value ans, Value x);
  }

  /** {@link Partial} for a two-operand primitive without parameters. */
  @FunctionalInterface
  interface Binary {
    Value apply(Value g, Value ans, Value x, Value y);
  }

  static Value[] array(List<Value> values) {
    return values.toArray(new Value[0]);
  }

  /** Registers a rule whose output tangents are all zero (JAX's {@code defjvp_zero}). */
  static void zero(Primitive p) {
    JvpRules.register(p, (primals, tangents, params) -> {
      List<Value> out = Bind.bind(p, params, array(primals));
      return new JvpResult(out, Tangents.zerosFor(out));
    });
  }

  /**
   * Registers the rule of a primitive that is linear in all of its operands jointly: the tangent
   * is the primitive applied to the tangents (zeros instantiated), Zero if all are Zero.
   */
  static void linear(Primitive p) {
    linearIn(p, null);
  }

  /**
   * As {@link #linear(Primitive)} for a primitive linear in the operands at {@code positions}
   * jointly; the others (start indices, gather/scatter indices) are passed as they are.
   */
  static void linearIn(Primitive p, int... positions) {
    JvpRules.register(p, (primals, tangents, params) -> {
      List<Value> out = Bind.bind(p, params, array(primals));
      Value[] args = array(primals);
      boolean allZero = true;
      for (int i = 0; i < args.length; i++) {
        if (positions == null || contains(positions, i)) {
          allZero &= Zero.is(tangents.get(i));
          args[i] = Tangents.instantiate(tangents.get(i));
        }
      }
      return new JvpResult(out, allZero ? Tangents.zerosFor(out) : Bind.bind(p, params, args));
    });
  }

  private static boolean contains(int[] positions, int i) {
    for (int p : positions) {
      if (p == i) {
        return true;
      }
    }
    return false;
  }

  /**
   * Registers a one-output rule as a sum of per-operand contributions (JAX's {@code defjvp2}); a
   * null partial marks an operand that is never differentiated (an index, a selector).
   */
  static void byOperand(Primitive p, Partial... partials) {
    JvpRules.register(p, (primals, tangents, params) -> {
      Value ans = Bind.bind1(p, params, array(primals));
      Value out = Zero.of(ans.aval());
      for (int i = 0; i < partials.length; i++) {
        Value g = tangents.get(i);
        if (partials[i] != null && !Zero.is(g)) {
          out = Tangents.add(out, partials[i].apply(g, ans, primals, params));
        }
      }
      return new JvpResult(List.of(ans), List.of(out));
    });
  }

  static void unary(Primitive p, Unary rule) {
    byOperand(p, (g, ans, xs, params) -> rule.apply(g, ans, xs.get(0)));
  }

  static void binary(Primitive p, Binary dx, Binary dy) {
    byOperand(p, (g, ans, xs, params) -> dx.apply(g, ans, xs.get(0), xs.get(1)),
        (g, ans, xs, params) -> dy.apply(g, ans, xs.get(0), xs.get(1)));
  }
}
