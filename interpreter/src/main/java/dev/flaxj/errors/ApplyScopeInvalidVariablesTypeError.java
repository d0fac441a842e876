package dev.flaxj.errors;

/** The variables passed to {@code apply} are not a map of collections with string keys. */
public final class ApplyScopeInvalidVariablesTypeError extends FlaxError {
  public ApplyScopeInvalidVariablesTypeError() {
    super("The first argument passed to an apply function should be a dictionary of collections. Each collection should be a dictionary with string keys.", "ApplyScopeInvalidVariablesTypeError");
  }
}
