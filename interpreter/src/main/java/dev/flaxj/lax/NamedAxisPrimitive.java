package dev.flaxj.lax;

import dev.flaxj.transform.Trace;
import dev.flaxj.transform.batching.AxisEnv;
import java.util.List;

/**
 * A primitive that refers to named axes of enclosing {@code vmap}s ({@code psum},
 * {@code all_gather}, {@code axis_index}, ...). {@link Bind} hands it at least to the innermost
 * batch trace of each of its axis names, even when no argument is traced there (a constant
 * summed over an axis, or {@code axis_index}, which has no arguments), as JAX's axis environment
 * does.
 */
public abstract class NamedAxisPrimitive extends Primitive {
  protected NamedAxisPrimitive(String name) {
    super(name);
  }

  /** The axis names this application refers to. */
  public abstract List<String> axisNames(Params params);

  /** JAX's message when {@code axisName} is bound by no enclosing {@code vmap}. */
  public String unboundMessage(String axisName) {
    return "Found an unbound axis name: " + axisName + ". To fix this, please call " + name()
        + " under `jax.shard_map`.";
  }

  /** The trace that interprets this application: {@code top} or a higher, named batch trace. */
  final Trace dispatchTrace(Trace top, Params params) {
    return AxisEnv.dispatchTrace(top, this, axisNames(params));
  }
}
