package dev.flaxj.transform.ir;

import dev.flaxj.array.Array;
import dev.flaxj.array.ShapedArray;

/** A constant operand written into a jaxpr equation (scalars, as JAX inlines them). */
public record Literal(Array value) implements Atom {
  @Override
  public ShapedArray aval() {
    return value.aval();
  }
}
