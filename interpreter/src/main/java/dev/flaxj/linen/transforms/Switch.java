package dev.flaxj.linen.transforms;

import dev.flaxj.core.LiftSwitch;
import dev.flaxj.linen.Module;
import dev.flaxj.linen.ModuleMethod;
import java.util.Arrays;
import java.util.List;

/**
 * {@code nn.switch(index, branches, mdl, *operands, variables=, rngs=)}: see {@link LiftSwitch}.
 * The branches take the module (bound inside the branch) and the operands.
 */
public final class Switch {
  private final LiftSwitch core = LiftSwitch.switchCase();

  private Switch() {}

  public static Switch switchCase() {
    return new Switch();
  }

  public Switch variables(Object filter) {
    core.variables(filter);
    return this;
  }

  public Switch rngs(Object filter) {
    core.rngs(filter);
    return this;
  }

  public Object call(Object index, List<? extends ModuleMethod> branches, Module mdl, Object... operands) {
    Object[] args = new Object[operands.length + 1];
    args[0] = index;
    System.arraycopy(operands, 0, args, 1, operands.length);
    return LinenLift.direct("switch", fns -> (scopes, a) -> core.applyTree(a[0], fns, scopes,
        Arrays.copyOfRange(a, 1, a.length)), List.copyOf(branches), mdl, true, args);
  }
}
