package dev.flaxj.transform.ir;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import java.util.ArrayList;
import java.util.List;

/** A jaxpr together with the values of its constant variables. */
public record ClosedJaxpr(Jaxpr jaxpr, List<Value> consts) {
  public ClosedJaxpr {
    if (consts.size() != jaxpr.constvars().size()) {
      throw new IllegalArgumentException("a jaxpr with " + jaxpr.constvars().size()
          + " constvars closed over " + consts.size() + " values");
    }
    consts = List.copyOf(consts);
  }

  public List<ShapedArray> inAvals() {
    List<ShapedArray> out = new ArrayList<>();
    for (Var v : jaxpr.invars()) {
      out.add(v.aval());
    }
    return out;
  }

  public List<ShapedArray> outAvals() {
    List<ShapedArray> out = new ArrayList<>();
    for (Atom a : jaxpr.outvars()) {
      out.add(a.aval());
    }
    return out;
  }

  /** The jaxpr's text form, as JAX prints a closed jaxpr; see {@link JaxprPrinter}. */
  @Override
  public String toString() {
    return JaxprPrinter.print(this);
  }
}
