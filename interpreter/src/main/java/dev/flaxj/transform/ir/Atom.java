package dev.flaxj.transform.ir;

import dev.flaxj.array.ShapedArray;

/** An operand of a jaxpr equation: a variable or a literal constant. */
public sealed interface Atom permits Var, Literal {
  ShapedArray aval();
}
