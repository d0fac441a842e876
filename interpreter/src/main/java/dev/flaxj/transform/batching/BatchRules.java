package dev.flaxj.transform.batching;

import dev.flaxj.lax.Primitive;
import java.util.IdentityHashMap;
import java.util.Map;

/** The table of batching rules, one per primitive, registered by one file per primitive family. */
public final class BatchRules {
  /** The batch dimension of a value that is not mapped. */
  public static final int NOT_MAPPED = -1;

  private static final Map<Primitive, BatchRule> RULES = new IdentityHashMap<>();

  private BatchRules() {}

  static {
    // families register here
    dev.flaxj.transform.staging.PjitBatching.register();
    dev.flaxj.transform.remat.RematRules.registerBatching();
    dev.flaxj.transform.custom.CustomJvpRules.registerBatching();
    dev.flaxj.transform.custom.CustomVjpRules.registerBatching();
    dev.flaxj.transform.partial.StopGradient.registerBatching();
    dev.flaxj.transform.control.CondRules.registerBatching();
    dev.flaxj.transform.control.WhileRules.registerBatching();
    dev.flaxj.transform.control.ScanRules.registerBatching();
    ElementwiseBatching.register();
    ShapeBatching.register();
    IndexingBatching.register();
    ReductionBatching.register();
    DotGeneralBatching.register();
    SortBatching.register();
    RandomBatching.register();
    LinalgBatching.register();
    Collectives.register();
  }

  public static void register(Primitive p, BatchRule rule) {
    if (RULES.put(p, rule) != null) {
      throw new IllegalStateException("two batching rules for " + p);
    }
  }

  public static BatchRule get(Primitive p) {
    BatchRule r = RULES.get(p);
    if (r == null) {
      throw new UnsupportedOperationException("Batching rule for '" + p.name() + "' not implemented");
    }
    return r;
  }
}
