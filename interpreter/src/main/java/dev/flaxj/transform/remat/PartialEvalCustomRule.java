package dev.flaxj.transform.remat;

import dev.flaxj.transform.ir.JaxprEqn;
import dev.flaxj.transform.ir.Var;
import java.util.List;

/**
 * How policy-driven partial evaluation ({@link PolicyPartialEval}) splits one equation of a
 * higher-order primitive (JAX's {@code partial_eval_jaxpr_custom_rules}), instead of staging it
 * whole as soon as one input is unknown: its body is split with the same policy, so that the
 * known side computes what it can (the primal part of a differentiated loop, say) and the staged
 * side recomputes or reads residuals for the rest.
 */
@FunctionalInterface
public interface PartialEvalCustomRule {
  /**
   * Splits {@code eqn}, given per input whether it is unknown and whether the staged side has it
   * (instantiated).
   */
  Result apply(JaxprEqn eqn, boolean[] inUnknowns, boolean[] inInstantiated, CheckpointPolicy policy);

  /**
   * The split equation.
   *
   * @param known the equation for the known side, or null; it defines the known outputs of
   *     {@code eqn} and any new residual variables
   * @param staged the equation for the staged side, or null; it defines the instantiated
   *     outputs of {@code eqn}
   * @param outUnknowns per output of {@code eqn}, whether it is unknown
   * @param outInstantiated per output of {@code eqn}, whether the staged side has it
   * @param residuals the known variables the staged equation reads that the staged side did not
   *     have yet: inputs of {@code eqn} that were not instantiated, and new residuals that
   *     {@code known} defines
   */
  record Result(JaxprEqn known, JaxprEqn staged, boolean[] outUnknowns, boolean[] outInstantiated,
      List<Var> residuals) {
    public Result {
      outUnknowns = outUnknowns.clone();
      outInstantiated = outInstantiated.clone();
      residuals = List.copyOf(residuals);
    }
  }
}
