package dev.flaxj.transform.remat;

import dev.flaxj.lax.Primitive;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The table of {@link PartialEvalCustomRule}s: how {@link PolicyPartialEval} splits the
 * higher-order primitives it meets inside a checkpoint. A primitive without a rule is staged
 * whole when one of its inputs is unknown, and otherwise computed on the known side, its outputs
 * saved or recomputed as the policy says. Nested checkpoints are split by
 * {@link PolicyPartialEval} itself.
 */
public final class PartialEvalCustomRules {
  private static final Map<Primitive, PartialEvalCustomRule> RULES = new IdentityHashMap<>();

  private PartialEvalCustomRules() {}

  static {
    dev.flaxj.transform.control.ScanPartialEvalCustom.register();
    dev.flaxj.transform.control.CondPartialEvalCustom.register();
    dev.flaxj.transform.control.WhilePartialEvalCustom.register();
  }

  public static void register(Primitive p, PartialEvalCustomRule rule) {
    synchronized (RULES) {
      if (RULES.put(p, rule) != null) {
        throw new IllegalStateException("two custom partial-evaluation rules for " + p);
      }
    }
  }

  /** The rule for {@code p}, or null. */
  static PartialEvalCustomRule get(Primitive p) {
    synchronized (RULES) {
      return RULES.get(p);
    }
  }
}
