package dev.flaxj.errors;

/** A transformed module method returned a Module or Variable, which cannot leave the transform. */
public final class TransformedMethodReturnValueError extends FlaxError {
  public TransformedMethodReturnValueError(String methodName) {
    super("Transformed module method " + methodName + " cannot return Modules or Variables.",
        "TransformedMethodReturnValueError");
  }
}
