package dev.flaxj.transform.custom;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.lax.Primitive;
import dev.flaxj.transform.ir.Jaxpr;
import java.util.ArrayList;
import java.util.List;

/**
 * Abstract evaluation of a primitive that calls a jaxpr taking its operands: the operands must
 * have the jaxpr's input shapes and dtypes; the outputs have its output types.
 */
public final class BodyTypes {
  private BodyTypes() {}

  public static List<ShapedArray> check(Primitive p, Jaxpr body, List<ShapedArray> inputs) {
    if (inputs.size() != body.invars().size()) {
      throw new IllegalArgumentException(p.name() + ": the body takes " + body.invars().size()
          + " inputs, got " + inputs.size());
    }
    for (int i = 0; i < inputs.size(); i++) {
      ShapedArray want = body.invars().get(i).aval();
      ShapedArray got = inputs.get(i);
      if (!want.shape().equals(got.shape()) || want.dtype() != got.dtype()) {
        throw new IllegalArgumentException(p.name() + ": input " + i + " of the body is "
            + want.str() + ", got " + got.str());
      }
    }
    List<ShapedArray> outs = new ArrayList<>();
    body.outvars().forEach(a -> outs.add(a.aval()));
    return outs;
  }
}
