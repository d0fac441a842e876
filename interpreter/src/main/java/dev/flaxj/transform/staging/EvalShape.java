package dev.flaxj.transform.staging;

import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.TreeFunction;
import java.util.Set;

/**
 * {@code jax.eval_shape}: the output types of a function, computed by staging it without running
 * anything. Arguments are as for {@link MakeJaxpr}; the result has the function's output structure
 * with a {@link dev.flaxj.array.ShapedArray} (JAX's {@code ShapeDtypeStruct}) at each leaf.
 */
public final class EvalShape {
  private EvalShape() {}

  public static Object evalShape(TreeFunction f, Object... args) {
    CallArgs call = CallArgs.split(args, new int[0], Set.of());
    FlatFunction flat = new FlatFunction(call.dynamicFunction(f), call.dynamicTree());
    var jaxpr = Staging.traceToJaxpr(flat, call.avals(FunctionNames.of(f), true));
    return flat.outTree().unflatten(jaxpr.outAvals());
  }
}
