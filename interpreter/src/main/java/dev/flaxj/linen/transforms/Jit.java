package dev.flaxj.linen.transforms;

import dev.flaxj.core.LiftJit;
import dev.flaxj.core.ScopeTreeFunction;

/**
 * {@code nn.jit}: the lifted {@code jax.jit} over a module class, function or method, with Flax's
 * RNG handling ({@link RngFork}). {@code static_argnums} count the module as argument 0, as in Flax.
 *
 * <p>Flax keys the compilation cache by a fingerprint of the module's fields; Java modules have no
 * such fingerprint yet, so every call traces anew. Results and RNG counters are those of a fresh
 * trace, which is what Flax's cache reproduces; only the work saved by the cache is missing.
 */
public final class Jit extends ModuleTransform {
  private Object variables = true;
  private Object rngs = true;
  private int[] staticArgnums = {};
  private String[] staticArgnames = {};
  private int[] donateArgnums = {};

  private Jit() {
    super("jit");
  }

  public static Jit jit() {
    return new Jit();
  }

  public Jit variables(Object filter) {
    variables = filter;
    return this;
  }

  public Jit rngs(Object filter) {
    rngs = filter;
    return this;
  }

  public Jit staticArgnums(int... argnums) {
    staticArgnums = argnums.clone();
    return this;
  }

  /** Keyword arguments (a trailing {@link dev.flaxj.transform.staging.Kwargs}) that are static. */
  public Jit staticArgnames(String... argnames) {
    staticArgnames = argnames.clone();
    return this;
  }

  /** Accepted; flaxj's arrays are immutable, so donation changes nothing. */
  public Jit donateArgnums(int... argnums) {
    donateArgnums = argnums.clone();
    return this;
  }

  @Override
  protected ScopeTreeFunction lift(ScopeTreeFunction fn) {
    return RngFork.around(fn, inner -> LiftJit.jit().variables(variables).rngs(rngs).staticArgnums(staticArgnums)
        .staticArgnames(staticArgnames).donateArgnums(donateArgnums).buildTree(inner));
  }
}
