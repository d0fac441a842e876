package dev.flaxj.lax;

import dev.flaxj.array.ShapedArray;
import java.util.List;

/**
 * A lax-level primitive operation. A primitive owns its abstract-evaluation rule; its kernels
 * live in each backend, and (later) its transformation rules in one table per transformation.
 * Primitives are compared by identity; each exists once, as a constant.
 */
public abstract class Primitive {
  private final String name;

  protected Primitive(String name) {
    this.name = name;
  }

  /** The name JAX gives this primitive in a jaxpr ({@code add}, {@code dot_general}, ...). */
  public final String name() {
    return name;
  }

  /**
   * Output shapes and dtypes for these inputs and parameters. Bad shapes or dtypes raise an
   * {@link IllegalArgumentException} whose message names the primitive and the shapes.
   */
  public abstract List<ShapedArray> abstractEval(List<ShapedArray> inputs, Params params);

  @Override
  public final String toString() {
    return name;
  }

  /** Convenience for rule implementations: an error naming this primitive. */
  protected final IllegalArgumentException error(String message) {
    return new IllegalArgumentException(name + ": " + message);
  }
}
