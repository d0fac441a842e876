package dev.flaxj.linen.transforms;

import dev.flaxj.core.LiftWhileLoop;
import dev.flaxj.linen.Module;
import dev.flaxj.linen.ModuleMethod;
import java.util.List;

/**
 * {@code nn.while_loop(cond_fn, body_fn, mdl, init, carry_variables=, broadcast_variables=,
 * split_rngs=)}: see {@link LiftWhileLoop}. {@code condFn} and {@code bodyFn} take the module
 * (bound inside the loop) and the carry.
 */
public final class WhileLoop {
  private final LiftWhileLoop core = LiftWhileLoop.whileLoop();

  private WhileLoop() {}

  public static WhileLoop whileLoop() {
    return new WhileLoop();
  }

  public WhileLoop carryVariables(Object filter) {
    core.carryVariables(filter);
    return this;
  }

  public WhileLoop broadcastVariables(Object filter) {
    core.broadcastVariables(filter);
    return this;
  }

  public WhileLoop splitRngs(Object filter, boolean split) {
    core.splitRngs(filter, split);
    return this;
  }

  /** The final carry. */
  public Object call(ModuleMethod condFn, ModuleMethod bodyFn, Module mdl, Object init) {
    return LinenLift.direct("while_loop", fns -> (scopes, a) -> core.applyTree(fns.get(0), fns.get(1), scopes, a[0]),
        List.of(condFn, bodyFn), mdl, true, init);
  }
}
