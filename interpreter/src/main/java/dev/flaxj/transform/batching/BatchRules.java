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
