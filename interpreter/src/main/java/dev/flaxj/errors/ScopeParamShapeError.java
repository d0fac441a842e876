package dev.flaxj.errors;

import dev.flaxj.array.Shape;

/** An existing parameter's shape differs from the shape its initialiser would create. */
public final class ScopeParamShapeError extends FlaxError {
  public ScopeParamShapeError(String paramName, String scopePath, Shape valueShape, Shape initShape) {
    super(
        "For parameter \"" + paramName + "\" in \"" + scopePath
            + "\", the given initializer is expected to generate shape " + initShape
            + ", but the existing parameter it received has shape " + valueShape + ".",
        "ScopeParamShapeError");
  }
}
