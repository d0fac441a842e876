package dev.flaxj.transform.jvp;

import dev.flaxj.lax.Primitive;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The table of forward-mode rules, one per primitive. Rules are registered by one file per
 * primitive family (listed in the static block), so that a primitive's JVP is found in one place.
 */
public final class JvpRules {
  private static final Map<Primitive, JvpRule> RULES = new IdentityHashMap<>();

  private JvpRules() {}

  static {
    // families register here
    dev.flaxj.transform.staging.PjitJvp.register();
    dev.flaxj.transform.partial.StopGradient.registerJvp();
    dev.flaxj.transform.remat.RematRules.registerJvp();
    dev.flaxj.transform.custom.CustomJvpRules.registerJvp();
    dev.flaxj.transform.custom.CustomVjpRules.registerJvp();
    ElementwiseJvp.register();
    ShapeJvp.register();
    IndexingJvp.register();
    ReductionJvp.register();
    SortJvp.register();
    DotGeneralJvp.register();
    LinalgJvp.register();
    RandomJvp.register();
    CollectiveJvp.register();
    dev.flaxj.transform.control.CondRules.registerJvp();
    dev.flaxj.transform.control.WhileRules.registerJvp();
    dev.flaxj.transform.control.ScanRules.registerJvp();
  }

  public static void register(Primitive p, JvpRule rule) {
    if (RULES.put(p, rule) != null) {
      throw new IllegalStateException("two JVP rules for " + p);
    }
  }

  /** The rule for {@code p}, or JAX's error when there is none. */
  public static JvpRule get(Primitive p) {
    JvpRule r = RULES.get(p);
    if (r == null) {
      throw new UnsupportedOperationException("Differentiation rule for '" + p.name() + "' not implemented");
    }
    return r;
  }
}
