package dev.flaxj.linen.transforms;

import dev.flaxj.core.LiftFoldRngs;
import dev.flaxj.core.ScopeTreeFunction;

/**
 * {@code nn.fold_rngs}: {@link Jit}'s RNG handling ({@link RngFork}) without the compilation; the
 * RNG counter changes are recorded and replayed per module fingerprint as {@link Jit}'s are.
 */
public final class FoldRngs extends RngForkTransform {
  private Object variables = true;
  private Object rngs = true;

  private FoldRngs() {
    super("fold_rngs");
  }

  public static FoldRngs foldRngs() {
    return new FoldRngs();
  }

  public FoldRngs variables(Object filter) {
    variables = filter;
    return this;
  }

  public FoldRngs rngs(Object filter) {
    rngs = filter;
    return this;
  }

  /** The core {@code fold_rngs} of {@code fn (scopes, hashKey, args...)}. */
  @Override
  protected ScopeTreeFunction lift(ScopeTreeFunction fn) {
    return LiftFoldRngs.foldRngs().variables(variables).rngs(rngs).buildTree(fn);
  }
}
