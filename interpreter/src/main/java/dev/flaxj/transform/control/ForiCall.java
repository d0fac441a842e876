package dev.flaxj.transform.control;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.Tracer;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.tree.Tuple;

/**
 * {@code lax.fori_loop}: with concrete bounds (Java ints or arrays, not tracers) it is a
 * {@code scan} over {@code (i, val)} with no sequence, so reverse mode works; with traced bounds
 * it is a {@code while_loop} over {@code (i, upper, val)}.
 */
final class ForiCall {
  private ForiCall() {}

  static Object foriLoop(Object lower, Object upper, TreeFunction bodyFun, Object initVal, Object unroll) {
    if (bodyFun == null) {
      throw new ControlFlowTypeError("lax.fori_loop: body_fun argument should be callable.");
    }
    Value lo = FlatFunction.asValue(lower);
    Value hi = FlatFunction.asValue(upper);
    DType dtype = boundsDType(lo, hi);
    if (!(lo instanceof Tracer) && !(hi instanceof Tracer)) {
      int lower0 = (int) ((Array) lo).getLong(0);
      int upper0 = (int) ((Array) hi).getLong(0);
      Object unrollOrDefault = unroll == null ? Boolean.FALSE : unroll;
      TreeFunction scanned = args -> {
        Tuple carry = (Tuple) args[0];
        Object i = carry.get(0);
        return Tuple.of(Tuple.of(Jnp.add(i, 1), bodyFun.apply(i, carry.get(1))), null);
      };
      Tuple out = ScanCall.scan(scanned, Tuple.of(lower0, initVal), null,
          Math.max(upper0 - lower0, 0), false, unrollOrDefault);
      return ((Tuple) out.get(0)).get(1);
    }
    if (unroll != null && !Boolean.FALSE.equals(unroll) && !Integer.valueOf(1).equals(unroll)) {
      throw new IllegalArgumentException(
          "Can only use `unroll` in `fori_loop` if the loop bounds are statically known.");
    }
    Value lo2 = lo.dtype() == dtype ? lo : Lax.convertElementType(lo, dtype);
    Value hi2 = hi.dtype() == dtype ? hi : Lax.convertElementType(hi, dtype);
    TreeFunction cond = args -> {
      Tuple c = (Tuple) args[0];
      return Lax.lt((Value) c.get(0), (Value) c.get(1));
    };
    TreeFunction body = args -> {
      Tuple c = (Tuple) args[0];
      Value i = (Value) c.get(0);
      Value one = Lax.convertElementType(Array.weak(1), i.dtype(), i.aval().weakType());
      return Tuple.of(Lax.add(i, one), c.get(1), bodyFun.apply(i, c.get(2)));
    };
    return ((Tuple) WhileCall.whileLoop(cond, body, Tuple.of(lo2, hi2, initVal))).get(2);
  }

  /**
   * The bounds' common dtype: equal dtypes, or as JAX's special case two signed integer types of
   * which exactly one is weak (a Java int), which takes the other's.
   */
  private static DType boundsDType(Value lo, Value hi) {
    if (lo.dtype() == hi.dtype()) {
      return lo.dtype();
    }
    boolean signed = lo.dtype().isInteger() && !lo.dtype().isUnsigned()
        && hi.dtype().isInteger() && !hi.dtype().isUnsigned();
    boolean loWeak = lo.aval().weakType();
    boolean hiWeak = hi.aval().weakType();
    if (signed && loWeak != hiWeak) {
      return loWeak ? hi.dtype() : lo.dtype();
    }
    throw new ControlFlowTypeError("lower and upper arguments to fori_loop must have equal types, got "
        + lo.dtype().jaxName() + " and " + hi.dtype().jaxName());
  }
}
