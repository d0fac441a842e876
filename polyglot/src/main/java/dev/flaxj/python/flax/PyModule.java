package dev.flaxj.python.flax;

import dev.flaxj.linen.Module;
import dev.flaxj.python.PyBridge;
import org.graalvm.polyglot.Value;

/**
 * The Java side of a Python {@code flax.linen.Module}: a {@link Module} whose {@code setup} and
 * {@code forward} call back into the Python object it stands for. Scopes, names, variables, RNGs
 * and lifting are the Java module's; fields, {@code setup} and the method bodies are Python's.
 * Every copy the Java side makes (binding, adoption, lifting) gets a fresh Python object made from
 * the dataclass fields of the original, as Flax's {@code clone}.
 */
public final class PyModule extends Module {
  private Value python;

  private PyModule(Value python, String name) {
    super(name);
    this.python = python;
  }

  /** A module for Python object {@code python}, auto-named after {@code typeName} ({@code Foo_0}). */
  static PyModule create(Value python, String typeName, String name) {
    return Module.namedAfter(typeName, () -> new PyModule(python, name));
  }

  /** The Python module object this module stands for. */
  Value python() {
    return python;
  }

  /** Runs a Python thunk as a method of this bound module (setup first, module on the stack). */
  Object run(Value thunk) {
    return wrap(thunk::execute);
  }

  /** Names and binds a submodule the Python object holds in attribute {@code attribute}. */
  Module adopt(Module child, String attribute) {
    return claimChild(child, attribute);
  }

  @Override
  protected void setup() {
    python.invokeMember("_flaxj_setup");
  }

  @Override
  protected Object forward(Object... args) {
    return PyBridge.toJava(python.invokeMember("_flaxj_forward", args));
  }

  @Override
  protected Object clone() throws CloneNotSupportedException {
    PyModule copy = (PyModule) super.clone();
    copy.python = python.invokeMember("_flaxj_copy", copy);
    return copy;
  }
}
