package dev.flaxj.linen.transforms;

import dev.flaxj.array.Value;
import dev.flaxj.core.LiftValueAndGrad;
import dev.flaxj.errors.PyValueError;
import dev.flaxj.linen.Module;
import dev.flaxj.linen.ModuleMethod;
import dev.flaxj.tree.Tuple;
import java.util.List;

/**
 * {@code nn.value_and_grad} and {@code nn.grad} ({@code fn, mdl, *primals, has_aux=, variables=,
 * rngs=}): the gradients of the scalar {@code fn(mdl, *primals)} with respect to the primals only,
 * a tuple with one per primal. {@code value_and_grad} returns {@code (out, grads)} ({@code ((out,
 * aux), grads)} with {@code has_aux}), {@code grad} returns {@code grads} ({@code (grads, aux)}).
 * A non-scalar output is an error (after {@code fn} ran, as in Flax).
 */
public final class ValueAndGrad {
  private final LiftValueAndGrad core = LiftValueAndGrad.valueAndGrad();
  private final boolean withValue;
  private boolean hasAux;

  private ValueAndGrad(boolean withValue) {
    this.withValue = withValue;
  }

  public static ValueAndGrad valueAndGrad() {
    return new ValueAndGrad(true);
  }

  public static ValueAndGrad grad() {
    return new ValueAndGrad(false);
  }

  /** {@code fn} returns {@code (output, aux)}; only the output is differentiated. */
  public ValueAndGrad hasAux(boolean hasAux) {
    this.hasAux = hasAux;
    core.hasAux(hasAux);
    return this;
  }

  public ValueAndGrad variables(Object filter) {
    core.variables(filter);
    return this;
  }

  public ValueAndGrad rngs(Object filter) {
    core.rngs(filter);
    return this;
  }

  /** Runs {@code fn(mdl, *primals)} and differentiates it. */
  public Tuple call(ModuleMethod fn, Module mdl, Object... primals) {
    Tuple r = (Tuple) LinenLift.direct(withValue ? "value_and_grad" : "grad",
        fns -> (scopes, args) -> core.callTree(fns.get(0), scopes, args), List.of(fn), mdl, true, primals);
    Object out = r.get(0);
    if (out instanceof Value v && v.rank() != 0) {
      throw new PyValueError("grad can only work on functions with scalar-valued outputs. out shape="
          + v.shape());
    }
    Object grads = r.get(hasAux ? 2 : 1);
    if (!withValue) {
      return hasAux ? Tuple.of(grads, r.get(1)) : (Tuple) grads;
    }
    return Tuple.of(hasAux ? Tuple.of(out, r.get(1)) : out, grads);
  }
}
