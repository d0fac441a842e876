package dev.flaxj.transform.ir;

import dev.flaxj.array.ShapedArray;

/**
 * A variable of a jaxpr, typed by its abstract value. Variables compare by identity; names are
 * given when a jaxpr is printed.
 */
public final class Var implements Atom {
  private final ShapedArray aval;

  public Var(ShapedArray aval) {
    this.aval = aval;
  }

  @Override
  public ShapedArray aval() {
    return aval;
  }

  @Override
  public String toString() {
    return "Var(" + aval.str() + ")@" + Integer.toHexString(System.identityHashCode(this));
  }
}
