package dev.flaxj.linen.transforms;

import dev.flaxj.core.LiftFoldRngs;
import dev.flaxj.core.Scope;
import dev.flaxj.core.ScopeTreeFunction;
import dev.flaxj.linen.Module;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What {@code lift_transform_cached} adds around the core {@code jit} and {@code fold_rngs}, for one
 * transformed function or method (a site): the core lift is built once, and each call forks the
 * module's own scope (the last of the lifted scopes; {@code fork_rngs}, one count of each stream)
 * and passes a hash key first, Flax's {@code _HashableProxy}: equal for calls whose module has the
 * same {@link Module#fingerprint()}. A call whose key equals an earlier one's reuses its compiled
 * program and replays its RNG counter changes; the function to trace travels in the key.
 */
final class RngFork {
  /** The hash key: equality by the module fingerprint; the call's function is held weakly, as Flax's weakref. */
  private static final class HashKey {
    private final Object fingerprint;
    private final WeakReference<ScopeTreeFunction> fn;

    HashKey(Object fingerprint, ScopeTreeFunction fn) {
      this.fingerprint = fingerprint;
      this.fn = new WeakReference<>(fn);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof HashKey k && fingerprint.equals(k.fingerprint);
    }

    @Override
    public int hashCode() {
      return fingerprint.hashCode();
    }
  }

  private final ScopeTreeFunction lifted;

  /** The site's core lift ({@code coreLift} of a function of {@code (scopes, hashKey, args...)}). */
  RngFork(UnaryOperator<ScopeTreeFunction> coreLift) {
    lifted = coreLift.apply((scopes, a) -> ((HashKey) a[0]).fn.get().apply(scopes, Arrays.copyOfRange(a, 1, a.length)));
  }

  /** {@code fn} run through the site's lift for one call on {@code owner}. */
  ScopeTreeFunction call(ScopeTreeFunction fn, Module owner) {
    return (scopes, args) -> {
      List<Object> tree = new ArrayList<>((List<?>) scopes);
      int own = tree.size() - 1;
      tree.set(own, LiftFoldRngs.forkRngs((Scope) tree.get(own)));
      Object[] withKey = new Object[args.length + 1];
      withKey[0] = new HashKey(owner.fingerprint(), fn);
      System.arraycopy(args, 0, withKey, 1, args.length);
      try {
        return lifted.apply(tree, withKey);
      } finally {
        Reference.reachabilityFence(fn);
      }
    };
  }
}
