package dev.flaxj.errors;

/** A parameter is read that does not exist and the {@code params} collection is immutable. */
public final class ScopeParamNotFoundError extends FlaxError {
  public ScopeParamNotFoundError(String paramName, String scopePath) {
    super("Could not find parameter named \"" + paramName + "\" in scope \"" + scopePath + "\".", "ScopeParamNotFoundError");
  }
}
