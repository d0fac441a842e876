package dev.flaxj.core;

import dev.flaxj.array.Value;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.control.ControlFlow;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flax's lifted {@code while_loop} ({@code flax.core.lift.while_loop}): {@code carry =
 * bodyFn(scope, carry)} while {@code condFn(scope, carry)}. The collections {@code
 * carryVariables} matches are carried through the loop (mutable, but they keep their structure,
 * shapes and dtypes, so variables cannot be created in the body); those {@code
 * broadcastVariables} matches are read-only; {@code condFn} sees an immutable scope. A stream whose
 * {@code splitRngs} flag is true has the iteration number {@code i} folded into its base key in the
 * body and {@code -i} in the condition.
 */
public final class LiftWhileLoop {
  private Object carryVariables = false;
  private Object broadcastVariables = true;
  private final Map<Object, Boolean> splitRngs = new LinkedHashMap<>();

  private LiftWhileLoop() {}

  public static LiftWhileLoop whileLoop() {
    return new LiftWhileLoop();
  }

  public LiftWhileLoop carryVariables(Object filter) {
    carryVariables = filter;
    return this;
  }

  public LiftWhileLoop broadcastVariables(Object filter) {
    broadcastVariables = filter;
    return this;
  }

  public LiftWhileLoop splitRngs(Object filter, boolean split) {
    splitRngs.put(filter, split);
    return this;
  }

  /** Runs the loop on {@code scope} from {@code init}; returns the final carry. */
  public Object apply(ScopeFunction condFn, ScopeFunction bodyFn, Scope scope, Object init) {
    return applyTree(ScopeTreeFunction.of(condFn), ScopeTreeFunction.of(bodyFn), scope, init);
  }

  /** Runs the loop on a tree of scopes from {@code init}; returns the final carry. */
  public Object applyTree(ScopeTreeFunction condFn, ScopeTreeFunction bodyFn, Object scopes, Object init) {
    List<Boolean> splits = new ArrayList<>(splitRngs.values());
    Pack.Body body = (pack, variableGroups, rngGroups, args) -> {
      Object broadcast = variableGroups.get(1);
      TreeFunction cond = a -> {
        Tuple c = (Tuple) a[0];
        Object inner = pack.innerScopes(List.of(c.get(1), broadcast),
            loopRngs(rngGroups, splits, Jnp.negative(c.get(0))), false);
        return condFn.apply(inner, c.get(2));
      };
      TreeFunction step = a -> {
        Tuple c = (Tuple) a[0];
        Object inner = pack.innerScopes(List.of(c.get(1), broadcast), loopRngs(rngGroups, splits, (Value) c.get(0)));
        Object carry = bodyFn.apply(inner, c.get(2));
        return Tuple.of(Jnp.add(c.get(0), 1), pack.repack(inner).get(0), carry);
      };
      Tuple out = (Tuple) ControlFlow.whileLoop(cond, step, Tuple.of(0, variableGroups.get(0), init));
      return Tuple.of(out.get(2), List.of(out.get(1)));
    };
    return Pack.pack("while_loop", body, List.of(carryVariables, broadcastVariables), List.of(carryVariables),
        new ArrayList<>(splitRngs.keySet())).apply(scopes);
  }

  /** The RNG groups of iteration {@code i}: {@code fold_in(key, i)} for the keys of split groups. */
  private static List<Object> loopRngs(List<Object> groups, List<Boolean> splits, Value i) {
    List<Object> out = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      out.add(splits.get(g) ? Trees.map((Value key) -> Random.foldIn(key, i), groups.get(g)) : groups.get(g));
    }
    return out;
  }
}
