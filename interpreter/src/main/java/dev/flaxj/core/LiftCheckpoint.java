package dev.flaxj.core;

import dev.flaxj.transform.remat.Checkpoint;
import dev.flaxj.transform.remat.CheckpointPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Flax's lifted {@code checkpoint} / {@code remat} ({@code flax.core.lift.checkpoint}): {@code
 * jax.checkpoint} of a function of a scope. The collections {@code variables} matches and the RNG
 * streams {@code rngs} matches are lifted (all by default); RNG keys are not split.
 */
public final class LiftCheckpoint {
  private Object variables = true;
  private Object rngs = true;
  private boolean preventCse = true;
  private int[] staticArgnums = {};
  private CheckpointPolicy policy;

  private LiftCheckpoint() {}

  public static LiftCheckpoint checkpoint() {
    return new LiftCheckpoint();
  }

  public LiftCheckpoint variables(Object filter) {
    variables = filter;
    return this;
  }

  public LiftCheckpoint rngs(Object filter) {
    rngs = filter;
    return this;
  }

  public LiftCheckpoint preventCse(boolean preventCse) {
    this.preventCse = preventCse;
    return this;
  }

  /** Positions among the arguments after the scope that are static (not traced). */
  public LiftCheckpoint staticArgnums(int... argnums) {
    staticArgnums = argnums.clone();
    return this;
  }

  public LiftCheckpoint policy(CheckpointPolicy policy) {
    this.policy = policy;
    return this;
  }

  /** The rematerialising scope function. */
  public ScopeFunction build(ScopeFunction fn) {
    return buildTree(ScopeTreeFunction.of(fn)).onScope();
  }

  /** The rematerialising function of a scope tree. */
  public ScopeTreeFunction buildTree(ScopeTreeFunction fn) {
    int[] shifted = Arrays.stream(staticArgnums).map(i -> i + 2).toArray();
    Pack.Body body = (pack, variableGroups, rngGroups, args) -> {
      Checkpoint remat = Checkpoint.checkpoint(a -> {
        Object inner = pack.innerScopes((List<?>) a[0], (List<?>) a[1]);
        Object y = fn.apply(inner, Arrays.copyOfRange(a, 2, a.length));
        return dev.flaxj.tree.Tuple.of(y, pack.repack(inner));
      }).preventCse(preventCse).staticArgnums(shifted);
      if (policy != null) {
        remat = remat.policy(policy);
      }
      List<Object> all = new ArrayList<>(List.of(variableGroups, rngGroups));
      all.addAll(Arrays.asList(args));
      return (dev.flaxj.tree.Tuple) remat.apply(all.toArray());
    };
    return Pack.pack("remat", body, List.of(variables), List.of(variables), List.of(rngs));
  }
}
