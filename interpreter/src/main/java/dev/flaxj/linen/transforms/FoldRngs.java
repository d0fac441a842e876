package dev.flaxj.linen.transforms;

import dev.flaxj.core.LiftFoldRngs;
import dev.flaxj.core.ScopeTreeFunction;

/** {@code nn.fold_rngs}: {@link Jit}'s RNG handling ({@link RngFork}) without the compilation. */
public final class FoldRngs extends ModuleTransform {
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

  @Override
  protected ScopeTreeFunction lift(ScopeTreeFunction fn) {
    return RngFork.around(fn, inner -> LiftFoldRngs.foldRngs().variables(variables).rngs(rngs).buildTree(inner));
  }
}
