package dev.flaxj.transform.partial;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.transform.ir.ClosedJaxpr;
import java.util.List;

/**
 * A jaxpr unzipped by {@link PartialEval#partialEvalJaxpr} into a known and an unknown part
 * (JAX's {@code partial_eval_jaxpr_nounits}).
 *
 * @param known takes the known inputs (in order); returns the known outputs, then the residuals
 * @param unknown takes the residuals, then the unknown inputs; returns the unknown outputs
 * @param outUnknowns which outputs of the original jaxpr are unknown
 * @param residuals the types of the residuals
 */
public record JaxprSplit(ClosedJaxpr known, ClosedJaxpr unknown, boolean[] outUnknowns,
    List<ShapedArray> residuals) {
  public JaxprSplit {
    outUnknowns = outUnknowns.clone();
    residuals = List.copyOf(residuals);
  }

  @Override
  public boolean[] outUnknowns() {
    return outUnknowns.clone();
  }

  /** The number of known outputs (the residuals follow them in {@link #known}'s outputs). */
  public int numKnownOutputs() {
    int n = 0;
    for (boolean u : outUnknowns) {
      n += u ? 0 : 1;
    }
    return n;
  }
}
