package dev.flaxj.python;

import org.graalvm.polyglot.Value;

/**
 * A Python object the Java side does not understand, carried through Java pytrees as a leaf (a
 * module instance, a function, a string-keyed object): converted back to the same Python object
 * when it returns to Python.
 */
public record PyObject(Value value) {
  @Override
  public String toString() {
    return value.toString();
  }
}
