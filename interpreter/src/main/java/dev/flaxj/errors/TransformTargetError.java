package dev.flaxj.errors;

/** A linen transform was given a target that is neither a module class nor a function of a module (e.g. a module instance). */
public final class TransformTargetError extends FlaxError {
  public TransformTargetError(Object target) {
    super("Linen transformations must be applied to Modules classes or functions taking a Module instance as the first argument."
        + " The provided target is not a Module class or callable: " + target, "TransformTargetError");
  }
}
