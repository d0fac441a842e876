package dev.flaxj.transform;

import dev.flaxj.array.Value;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import java.util.List;

/**
 * An interpreter of primitives at one level of the trace stack (evaluation, JVP, batching,
 * staging, ...). {@link dev.flaxj.lax.Bind} raises every argument to the innermost trace involved
 * and hands the primitive to it.
 */
public abstract class Trace {
  protected final MainTrace main;

  protected Trace(MainTrace main) {
    this.main = main;
  }

  public final MainTrace main() {
    return main;
  }

  /** Boxes a value from outside any transformation (a constant) as a value of this trace. */
  public abstract Value pure(Value constant);

  /** Boxes a value of a lower-level trace as a value of this trace. */
  public abstract Value lift(Value lower);

  /** Applies {@code primitive} to arguments that are all values of this trace. */
  public abstract List<Value> processPrimitive(Primitive primitive, List<Value> args, Params params);
}
