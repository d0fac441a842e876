package dev.flaxj.errors;

/** A submodule was constructed outside {@code setup()} and outside a compact method. */
public final class AssignSubModuleError extends FlaxError {
  public AssignSubModuleError(String className) {
    super("Submodule " + className + " must be defined in `setup()` or in a method wrapped in `@compact`",
        "AssignSubModuleError");
  }
}
