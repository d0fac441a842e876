package dev.flaxj.errors;

/** The variables passed to {@code apply} have an extra {@code params} layer. */
public final class ApplyScopeInvalidVariablesStructureError extends FlaxError {
  public ApplyScopeInvalidVariablesStructureError() {
    super("Expect the `variables` (first argument) passed to apply() to be a dict with the structure {\"params\": ...}, but got a dict with an extra params layer, i.e.  {\"params\": {\"params\": ... } }. You should instead pass in your dict's [\"params\"].", "ApplyScopeInvalidVariablesStructureError");
  }
}
