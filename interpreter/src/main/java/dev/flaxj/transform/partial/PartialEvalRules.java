package dev.flaxj.transform.partial;

import dev.flaxj.lax.Primitive;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The table of partial-evaluation rules ({@link PartialEvalRule}), for the higher-order
 * primitives that register one from their own files. Other primitives need none.
 */
public final class PartialEvalRules {
  private static final Map<Primitive, PartialEvalRule> RULES = new IdentityHashMap<>();

  private PartialEvalRules() {}

  static {
    // higher-order primitives register here (or from their own class initialisers)
    PjitReverse.registerPartialEval();
    dev.flaxj.transform.control.CondReverse.registerPartialEval();
    dev.flaxj.transform.control.WhileRules.registerPartialEval();
    dev.flaxj.transform.control.ScanReverse.registerPartialEval();
  }

  public static void register(Primitive p, PartialEvalRule rule) {
    synchronized (RULES) {
      if (RULES.put(p, rule) != null) {
        throw new IllegalStateException("two partial-evaluation rules for " + p);
      }
    }
  }

  /** The rule for {@code p}, or null: stage the primitive whole. */
  static PartialEvalRule get(Primitive p) {
    synchronized (RULES) {
      return RULES.get(p);
    }
  }
}
