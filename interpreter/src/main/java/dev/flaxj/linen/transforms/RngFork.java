package dev.flaxj.linen.transforms;

import dev.flaxj.core.LiftFoldRngs;
import dev.flaxj.core.Scope;
import dev.flaxj.core.ScopeTreeFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What {@code lift_transform_cached} adds around the core {@code jit} and {@code fold_rngs}: the
 * module's own scope (the last of the lifted scopes) gets fresh streams ({@code fork_rngs}, one
 * count of each stream), and a hash key is passed before the arguments. The key is new for every
 * call (see {@link Jit}), so nothing is reused between calls.
 */
final class RngFork {
  private RngFork() {}

  /** {@code coreLift} of {@code fn}, called with the module scope forked and a hash key first. */
  static ScopeTreeFunction around(ScopeTreeFunction fn, UnaryOperator<ScopeTreeFunction> coreLift) {
    ScopeTreeFunction lifted = coreLift.apply((scopes, a) -> fn.apply(scopes, Arrays.copyOfRange(a, 1, a.length)));
    return (scopes, args) -> {
      List<Object> tree = new ArrayList<>((List<?>) scopes);
      int own = tree.size() - 1;
      tree.set(own, LiftFoldRngs.forkRngs((Scope) tree.get(own)));
      Object[] withKey = new Object[args.length + 1];
      withKey[0] = new Object();
      System.arraycopy(args, 0, withKey, 1, args.length);
      return lifted.apply(tree, withKey);
    };
  }
}
