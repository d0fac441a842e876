package dev.flaxj.transform.partial;

import dev.flaxj.lax.Primitive;
import java.util.IdentityHashMap;
import java.util.Map;

/** The table of transpose rules for the linear primitives, registered by one file per family. */
public final class TransposeRules {
  private static final Map<Primitive, TransposeRule> RULES = new IdentityHashMap<>();

  private TransposeRules() {}

  static {
    // families register here
    dev.flaxj.transform.remat.RematRules.registerTranspose();
    dev.flaxj.transform.custom.CustomJvpRules.registerTranspose();
    dev.flaxj.transform.custom.CustomVjpRules.registerTranspose();
    ElementwiseTranspose.register();
    ShapeTranspose.register();
    IndexingTranspose.register();
    ReductionTranspose.register();
    DotGeneralTranspose.register();
    CollectiveTranspose.register();
    PjitReverse.registerTranspose();
    dev.flaxj.transform.control.CondReverse.registerTranspose();
    dev.flaxj.transform.control.WhileRules.registerTranspose();
    dev.flaxj.transform.control.ScanReverse.registerTranspose();
  }

  public static void register(Primitive p, TransposeRule rule) {
    if (RULES.put(p, rule) != null) {
      throw new IllegalStateException("two transpose rules for " + p);
    }
  }

  public static TransposeRule get(Primitive p) {
    TransposeRule r = RULES.get(p);
    if (r == null) {
      throw new UnsupportedOperationException("Transpose rule (for reverse-mode differentiation) for '"
          + p.name() + "' not implemented");
    }
    return r;
  }
}
