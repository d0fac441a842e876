package dev.flaxj.core;

import dev.flaxj.transform.remat.CheckpointPolicy;
import dev.flaxj.tree.Tuple;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flax's {@code remat_scan} ({@code flax.core.lift.remat_scan}): a body {@code (scope, carry) ->
 * carry} repeated {@code prod(lengths)} times by nested lifted scans, one per entry of {@code
 * lengths} (outermost first); every level but the innermost runs its inner loop under lifted {@code
 * checkpoint} with {@code prevent_cse=False} and {@code policy}. Scanned variables get one leading
 * axis per level, e.g. lengths (10, 10) give a Dense kernel of shape (10, 10, in, out). By default
 * every collection is scanned along axis 0 and every RNG stream split.
 */
public final class LiftRematScan {
  private final int[] lengths;
  private Map<Object, Integer> variableAxes = Map.of(true, 0);
  private Map<Object, Boolean> splitRngs = Map.of(true, true);
  private CheckpointPolicy policy;
  private Object variableBroadcast = false;
  private Object variableCarry = false;

  private LiftRematScan(int[] lengths) {
    if (lengths.length == 0) {
      throw new IllegalArgumentException("remat_scan needs at least one length");
    }
    this.lengths = lengths.clone();
  }

  public static LiftRematScan rematScan(int... lengths) {
    return new LiftRematScan(lengths);
  }

  public LiftRematScan policy(CheckpointPolicy policy) {
    this.policy = policy;
    return this;
  }

  public LiftRematScan variableBroadcast(Object filter) {
    variableBroadcast = filter;
    return this;
  }

  public LiftRematScan variableCarry(Object filter) {
    variableCarry = filter;
    return this;
  }

  /** The scanned collections: filter -> axis, in order (default {@code {True: 0}}; empty: none). */
  public LiftRematScan variableAxes(Map<?, Integer> axes) {
    variableAxes = new LinkedHashMap<>(axes);
    return this;
  }

  /** The streams split per step: filter -> flag, in order (default {@code {True: True}}). */
  public LiftRematScan splitRngs(Map<?, Boolean> splits) {
    splitRngs = new LinkedHashMap<>(splits);
    return this;
  }

  /** The repeated scope function {@code (scope, carry) -> carry}. */
  public ScopeFunction build(ScopeFunction body) {
    return buildTree(ScopeTreeFunction.of(body)).onScope();
  }

  /** The repeated function of a scope tree {@code (scopes, carry) -> carry}. */
  public ScopeTreeFunction buildTree(ScopeTreeFunction body) {
    return level(body, 0);
  }

  private ScopeTreeFunction level(ScopeTreeFunction body, int depth) {
    ScopeTreeFunction step;
    if (depth == lengths.length - 1) {
      step = (scopes, a) -> Tuple.of(body.apply(scopes, a[0]), Tuple.of());
    } else {
      ScopeTreeFunction innerLoop = level(body, depth + 1);
      step = LiftCheckpoint.checkpoint().policy(policy).preventCse(false)
          .buildTree((scopes, a) -> Tuple.of(innerLoop.apply(scopes, a[0]), Tuple.of()));
    }
    ScopeTreeFunction loop = scan().length(lengths[depth]).buildTree(step);
    return (scopes, a) -> ((Tuple) loop.apply(scopes, a[0])).get(0);
  }

  private LiftScan scan() {
    LiftScan scan = LiftScan.scan().variableBroadcast(variableBroadcast).variableCarry(variableCarry);
    variableAxes.forEach(scan::variableAxes);
    splitRngs.forEach(scan::splitRngs);
    return scan;
  }
}
