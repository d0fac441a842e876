package dev.flaxj.transform.ir;

import java.util.List;

/**
 * A staged program, as JAX's {@code Jaxpr}: constant variables, input variables, equations in
 * order, and the output atoms.
 */
public record Jaxpr(List<Var> constvars, List<Var> invars, List<JaxprEqn> eqns, List<Atom> outvars) {
  public Jaxpr {
    constvars = List.copyOf(constvars);
    invars = List.copyOf(invars);
    eqns = List.copyOf(eqns);
    outvars = List.copyOf(outvars);
  }

  /** JAX's text form; see {@link JaxprPrinter}. */
  @Override
  public String toString() {
    return JaxprPrinter.print(this);
  }
}
