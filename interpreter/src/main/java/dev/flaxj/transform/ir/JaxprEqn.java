package dev.flaxj.transform.ir;

import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import java.util.List;

/** One equation of a jaxpr: {@code outvars = primitive[params] inputs}. */
public record JaxprEqn(Primitive primitive, Params params, List<Atom> inputs, List<Var> outvars) {
  public JaxprEqn {
    inputs = List.copyOf(inputs);
    outvars = List.copyOf(outvars);
  }
}
