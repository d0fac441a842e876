package dev.flaxj.transform.partial;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.transform.Trace;
import dev.flaxj.transform.TraceStack;
import dev.flaxj.transform.Tracer;

/**
 * A value of the partial-evaluation trace ({@link PartialEvalTrace}): a {@link PartialVal}, and
 * for unknown values the {@link Recipe} that will compute it in the staged program.
 */
public final class PartialEvalTracer extends Tracer {
  private final PartialEvalTrace trace;
  private final PartialVal pval;
  private final Recipe recipe;

  PartialEvalTracer(PartialEvalTrace trace, PartialVal pval, Recipe recipe) {
    this.trace = trace;
    this.pval = pval;
    this.recipe = recipe;
  }

  @Override
  public Trace trace() {
    return trace;
  }

  public PartialVal pval() {
    return pval;
  }

  public boolean isKnown() {
    return pval.isKnown();
  }

  Recipe recipe() {
    return recipe;
  }

  @Override
  public ShapedArray aval() {
    return pval.aval();
  }

  /** A known tracer stands for its value, lowered as far as possible. */
  @Override
  public Value fullLower() {
    return pval.isKnown() ? TraceStack.fullLower(pval.value()) : this;
  }

  @Override
  public String toString() {
    return "PartialEvalTracer(" + aval().str() + (isKnown() ? ", known" : ", unknown")
        + ", level=" + trace.main().level() + ")";
  }
}
