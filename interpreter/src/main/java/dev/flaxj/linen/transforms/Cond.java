package dev.flaxj.linen.transforms;

import dev.flaxj.core.LiftCond;
import dev.flaxj.linen.Module;
import dev.flaxj.linen.ModuleMethod;
import java.util.Arrays;
import java.util.List;

/**
 * {@code nn.cond(pred, true_fun, false_fun, mdl, *operands, variables=, rngs=)}: see {@link
 * LiftCond}. The branches take the module (bound inside the branch) and the operands.
 */
public final class Cond {
  private final LiftCond core = LiftCond.cond();

  private Cond() {}

  public static Cond cond() {
    return new Cond();
  }

  public Cond variables(Object filter) {
    core.variables(filter);
    return this;
  }

  public Cond rngs(Object filter) {
    core.rngs(filter);
    return this;
  }

  public Object call(Object pred, ModuleMethod trueFun, ModuleMethod falseFun, Module mdl, Object... operands) {
    Object[] args = new Object[operands.length + 1];
    args[0] = pred;
    System.arraycopy(operands, 0, args, 1, operands.length);
    return LinenLift.direct("cond", fns -> (scopes, a) -> core.applyTree(a[0], fns.get(0), fns.get(1), scopes,
        Arrays.copyOfRange(a, 1, a.length)), List.of(trueFun, falseFun), mdl, true, args);
  }
}
