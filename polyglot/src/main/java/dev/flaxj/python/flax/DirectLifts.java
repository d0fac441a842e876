package dev.flaxj.python.flax;

import dev.flaxj.core.LiftCond;
import dev.flaxj.core.LiftCustomVjp;
import dev.flaxj.core.LiftJvp;
import dev.flaxj.core.LiftSwitch;
import dev.flaxj.core.LiftValueAndGrad;
import dev.flaxj.core.LiftVjp;
import dev.flaxj.core.LiftWhileLoop;
import dev.flaxj.core.Scope;
import dev.flaxj.core.ScopeFunction;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.jvp.JvpOutput;
import dev.flaxj.transform.partial.VjpOutput;
import dev.flaxj.tree.Tuple;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The lifted transforms Flax calls with a module and its arguments ({@code lift_direct_transform}:
 * while_loop, cond, switch, jvp, vjp, value_and_grad, custom_vjp), run on the module's scope with
 * the functions given as scope functions; options as in {@link Lifts}.
 */
final class DirectLifts {
  private DirectLifts() {}

  static Object run(String kind, Map<?, ?> o, Scope scope, List<ScopeFunction> f, Object[] a) {
    return switch (kind) {
      case "while_loop" -> {
        LiftWhileLoop w = LiftWhileLoop.whileLoop()
            .carryVariables(o.get("carry_variables"))
            .broadcastVariables(o.get("broadcast_variables"));
        for (Tuple p : Lifts.pairs(o.get("split_rngs"))) {
          w.splitRngs(p.get(0), (Boolean) p.get(1));
        }
        yield w.apply(f.get(0), f.get(1), scope, a[0]);
      }
      case "cond" -> LiftCond.cond().variables(o.get("variables")).rngs(o.get("rngs"))
          .apply(a[0], f.get(0), f.get(1), scope, rest(a));
      case "switch" -> LiftSwitch.switchCase().variables(o.get("variables")).rngs(o.get("rngs"))
          .apply(a[0], f, scope, rest(a));
      case "jvp" -> {
        JvpOutput out = LiftJvp.jvp().variables(o.get("variables")).rngs(o.get("rngs"))
            .call(f.get(0), scope, items(a[0]), items(a[1]), (Map<String, ?>) a[2]);
        yield Tuple.of(out.primalOut(), out.tangentOut());
      }
      case "vjp" -> {
        VjpOutput out = LiftVjp.vjp().hasAux((Boolean) o.get("has_aux"))
            .vjpVariables(o.get("vjp_variables")).variables(o.get("variables")).rngs(o.get("rngs"))
            .call(f.get(0), scope, a);
        yield Tuple.of(out.primalOut(), out.vjpFn(), out.aux());
      }
      case "value_and_grad" -> LiftValueAndGrad.valueAndGrad().hasAux((Boolean) o.get("has_aux"))
          .variables(o.get("variables")).rngs(o.get("rngs")).call(f.get(0), scope, a);
      case "custom_vjp" -> LiftCustomVjp.customVjp().gradVars(o.get("grad_vars"))
          .nondiffArgnums(Lifts.ints(o.get("nondiff_argnums")))
          .build(f.get(0), f.get(1), (TreeFunction) o.get("backward_fn"))
          .apply(scope, a);
      default -> throw new IllegalArgumentException("unknown lifted transform " + kind);
    };
  }

  private static Object[] rest(Object[] a) {
    return Arrays.copyOfRange(a, 1, a.length);
  }

  private static Object[] items(Object seq) {
    return seq instanceof Tuple t ? t.items().toArray() : ((List<?>) seq).toArray();
  }
}
