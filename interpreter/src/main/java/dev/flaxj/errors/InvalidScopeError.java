package dev.flaxj.errors;

/** A scope is used after it was invalidated (after {@code apply} returned, or by a lifted transformation). */
public final class InvalidScopeError extends FlaxError {
  public InvalidScopeError(String scopeName) {
    super("The scope \"" + scopeName + "\" is no longer valid.", "InvalidScopeError");
  }
}
