package dev.flaxj.linen.transforms;

import dev.flaxj.core.LiftCustomVjp;
import dev.flaxj.linen.ModuleMethod;
import dev.flaxj.transform.TreeFunction;
import java.util.List;

/**
 * {@code nn.custom_vjp(fn, forward_fn, backward_fn, grad_vars=, nondiff_argnums=)}: a function of a
 * module and arguments that runs {@code fn}, but whose reverse-mode derivative, with respect to the
 * arguments and the module's collections {@code gradVars} matches (default {@code "params"}), is
 * given by the rules. {@code forwardFn(mdl, *args)} returns {@code (output, residuals)} (e.g. what
 * {@link Vjp} returns); {@code backwardFn(*nondiff_args, residuals, output_cotangent)} runs without
 * a module and returns {@code (variable cotangents, *argument cotangents)}. Argument numbers in
 * {@code nondiffArgnums} count the module as 0. Only the module's own scope is lifted.
 */
public final class CustomVjp {
  private final LiftCustomVjp core = LiftCustomVjp.customVjp();

  private CustomVjp() {}

  public static CustomVjp customVjp() {
    return new CustomVjp();
  }

  public CustomVjp gradVars(Object filter) {
    core.gradVars(filter);
    return this;
  }

  public CustomVjp nondiffArgnums(int... argnums) {
    core.nondiffArgnums(argnums);
    return this;
  }

  /** The function {@code (mdl, *args)} with the custom VJP. */
  public ModuleMethod build(ModuleMethod fn, ModuleMethod forwardFn, TreeFunction backwardFn) {
    return (mdl, args) -> LinenLift.direct("custom_vjp",
        fns -> core.buildTree(fns.get(0), fns.get(1), backwardFn), List.of(fn, forwardFn), mdl, false, args);
  }
}
