package dev.flaxj.errors;

/** A variable is read that does not exist and cannot be created (immutable collection or no initialiser). */
public final class ScopeVariableNotFoundError extends FlaxError {
  public ScopeVariableNotFoundError(String name, String col, String scopePath) {
    super("No Variable named \"" + name + "\" for collection \"" + col + "\" exists in \"" + scopePath + "\".", "ScopeVariableNotFoundError");
  }
}
