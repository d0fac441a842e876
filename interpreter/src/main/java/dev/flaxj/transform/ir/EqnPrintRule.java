package dev.flaxj.transform.ir;

import dev.flaxj.lax.Params;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the equations of one primitive print (JAX's {@code pp_eqn_rules}): which parameters are
 * shown and in what order, and, for call-like primitives such as {@code jit}, which sub-jaxpr
 * takes the equation's variable names for its inputs and outputs. Register with
 * {@link JaxprPrinter#register}.
 */
public interface EqnPrintRule {
  /** The parameters to print, in order. The default: all of them, sorted by name. */
  default Map<String, Object> printed(Params params) {
    return new LinkedHashMap<>(new TreeMap<>(params.asMap()));
  }

  /** A sub-jaxpr whose variables are named like the equation's inputs and outputs, or null. */
  default Jaxpr namedLikeEquation(Params params) {
    return null;
  }
}
