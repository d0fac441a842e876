package dev.flaxj.linen.transforms;

import dev.flaxj.core.LiftRematScan;
import dev.flaxj.core.ScopeTreeFunction;
import dev.flaxj.transform.remat.CheckpointPolicy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code nn.remat_scan}: a module (or function) of {@code (module, carry) -> carry} repeated {@code
 * prod(lengths)} times by nested scans, every level but the innermost rematerialised (see {@link
 * LiftRematScan}). Defaults as Flax's: every collection scanned along axis 0, every stream split.
 */
public final class RematScan extends ModuleTransform {
  private final int[] lengths;
  private Map<Object, Integer> variableAxes = Map.of(true, 0);
  private Map<Object, Boolean> splitRngs = Map.of(true, true);
  private CheckpointPolicy policy;
  private Object variableBroadcast = false;
  private Object variableCarry = false;

  private RematScan(int[] lengths) {
    super("remat_scan");
    this.lengths = lengths.clone();
  }

  public static RematScan rematScan(int... lengths) {
    return new RematScan(lengths);
  }

  public RematScan policy(CheckpointPolicy p) {
    policy = p;
    return this;
  }

  public RematScan variableBroadcast(Object filter) {
    variableBroadcast = filter;
    return this;
  }

  public RematScan variableCarry(Object filter) {
    variableCarry = filter;
    return this;
  }

  /** The scanned collections: filter -> axis, in order (default {@code {True: 0}}; empty: none). */
  public RematScan variableAxes(Map<?, Integer> axes) {
    variableAxes = new LinkedHashMap<>(axes);
    return this;
  }

  /** The streams split per step: filter -> flag, in order (default {@code {True: True}}). */
  public RematScan splitRngs(Map<?, Boolean> splits) {
    splitRngs = new LinkedHashMap<>(splits);
    return this;
  }

  @Override
  protected ScopeTreeFunction lift(ScopeTreeFunction fn) {
    return LiftRematScan.rematScan(lengths).policy(policy).variableBroadcast(variableBroadcast)
        .variableCarry(variableCarry).variableAxes(variableAxes).splitRngs(splitRngs).buildTree(fn);
  }
}
