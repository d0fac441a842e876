package dev.flaxj.linen.transforms;

import dev.flaxj.core.LiftCheckpoint;
import dev.flaxj.core.ScopeTreeFunction;
import dev.flaxj.errors.PyNotImplementedError;
import dev.flaxj.transform.remat.CheckpointPolicy;
import java.util.Arrays;

/**
 * {@code nn.checkpoint} / {@code nn.remat}: the lifted {@code jax.checkpoint} over a module class,
 * function or method. {@code static_argnums} count the module as argument 0, as in Flax.
 */
public final class Checkpoint extends ModuleTransform {
  private Object variables = true;
  private Object rngs = true;
  private boolean concrete;
  private boolean preventCse = true;
  private int[] staticArgnums = {};
  private CheckpointPolicy policy;

  private Checkpoint() {
    super("checkpoint");
  }

  public static Checkpoint checkpoint() {
    return new Checkpoint();
  }

  /** {@code nn.remat}, the alias of {@code nn.checkpoint} (the class name stays {@code Checkpoint...}). */
  public static Checkpoint remat() {
    return new Checkpoint();
  }

  public Checkpoint variables(Object filter) {
    variables = filter;
    return this;
  }

  public Checkpoint rngs(Object filter) {
    rngs = filter;
    return this;
  }

  /** True is refused (NotImplementedError in Flax) when the transform runs. */
  public Checkpoint concrete(boolean c) {
    concrete = c;
    return this;
  }

  public Checkpoint preventCse(boolean p) {
    preventCse = p;
    return this;
  }

  /** Static positions among the method's arguments, the module being argument 0. */
  public Checkpoint staticArgnums(int... argnums) {
    staticArgnums = argnums.clone();
    return this;
  }

  public Checkpoint policy(CheckpointPolicy p) {
    policy = p;
    return this;
  }

  @Override
  protected ScopeTreeFunction lift(ScopeTreeFunction fn) {
    if (concrete) {
      throw new PyNotImplementedError("The concrete argument is deprecated. Use static_argnums instead."
          + " for more information, see https://docs.jax.dev/en/latest/jep/11830-new-remat-checkpoint.html");
    }
    return LiftCheckpoint.checkpoint().variables(variables).rngs(rngs).preventCse(preventCse)
        .staticArgnums(Arrays.stream(staticArgnums).map(i -> i - 1).toArray()).policy(policy).buildTree(fn);
  }
}
