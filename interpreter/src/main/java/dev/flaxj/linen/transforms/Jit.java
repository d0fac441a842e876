package dev.flaxj.linen.transforms;

import dev.flaxj.core.LiftJit;
import dev.flaxj.core.ScopeTreeFunction;

/**
 * {@code nn.jit}: the lifted {@code jax.jit} over a module class, function or method, with Flax's
 * RNG handling ({@link RngFork}). {@code static_argnums} count the module as argument 0, as in Flax.
 *
 * <p>As in Flax, each transformed function or method (each class and method name of the class and
 * method forms, each function of the function form) has one compilation cache, keyed by the
 * module's {@link dev.flaxj.linen.Module#fingerprint()} (its fields, state and scope state: RNG
 * counts, mutability, reservations) and the arguments' shapes: a later call with an equal module,
 * e.g. the same submodule in another {@code apply}, runs the compiled program without tracing and
 * replays the RNG counter changes of the traced call.
 */
public final class Jit extends RngForkTransform {
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

  /** The core {@code jit} of {@code fn (scopes, hashKey, args...)}. */
  @Override
  protected ScopeTreeFunction lift(ScopeTreeFunction fn) {
    return LiftJit.jit().variables(variables).rngs(rngs).staticArgnums(staticArgnums)
        .staticArgnames(staticArgnames).donateArgnums(donateArgnums).buildTree(fn);
  }
}
