package dev.flaxj.transform.staging;

/**
 * The name JAX would print for a function ({@code __name__}): {@code <lambda>} for Java lambdas,
 * method references and anonymous classes, else the simple name of the function's class.
 */
final class FunctionNames {
  private FunctionNames() {}

  static String of(Object fn) {
    Class<?> c = fn.getClass();
    if (c.isSynthetic() || c.isAnonymousClass()) {
      return "<lambda>";
    }
    return c.getSimpleName();
  }
}
