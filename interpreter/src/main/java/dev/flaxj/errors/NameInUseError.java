package dev.flaxj.errors;

/** A submodule, parameter or variable name is used twice in one module ({@code keyType} is param, variable or submodule). */
public final class NameInUseError extends FlaxError {
  public NameInUseError(String keyType, String value, String moduleName) {
    super("Could not create " + keyType + " \"" + value + "\" in Module " + moduleName + ": Name in use.", "NameInUseError");
  }
}
