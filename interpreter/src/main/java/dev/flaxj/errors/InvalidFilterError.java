package dev.flaxj.errors;

/** A collection filter is not a boolean, a string, a collection of strings or a DenyList. */
public final class InvalidFilterError extends FlaxError {
  public InvalidFilterError(Object filterLike) {
    super("Invalid Filter: \"" + filterLike + "\"", "InvalidFilterError");
  }
}
