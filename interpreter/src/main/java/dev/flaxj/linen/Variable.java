package dev.flaxj.linen;

import dev.flaxj.core.Scope;

/** Flax's {@code Variable}: a named slot of a collection in a module's scope, read and written through it. */
public final class Variable {
  private final Scope scope;
  private final String collection;
  private final String name;

  Variable(Scope scope, String collection, String name) {
    this.scope = scope;
    this.collection = collection;
    this.name = name;
  }

  /** The scope holding the variable. */
  public Scope scope() {
    return scope;
  }

  /** For lifted transforms: the same variable read and written through {@code s}. */
  public Variable reboundTo(Scope s) {
    return new Variable(s, collection, name);
  }

  public String collection() {
    return collection;
  }

  public String name() {
    return name;
  }

  public Object value() {
    return scope.getVariable(collection, name);
  }

  /** Writes the variable; throws ModifyScopeVariableError if its collection is not mutable. */
  public void setValue(Object value) {
    scope.putVariable(collection, name, value);
  }
}
