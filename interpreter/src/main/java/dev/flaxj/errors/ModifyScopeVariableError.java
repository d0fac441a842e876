package dev.flaxj.errors;

/** A variable of an immutable collection is written. */
public final class ModifyScopeVariableError extends FlaxError {
  public ModifyScopeVariableError(String col, String variableName, String scopePath) {
    super("Cannot update variable \"" + variableName + "\" in \"" + scopePath + "\" because collection \"" + col + "\" is immutable.", "ModifyScopeVariableError");
  }
}
