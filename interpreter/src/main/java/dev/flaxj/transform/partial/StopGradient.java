package dev.flaxj.transform.partial;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.transform.ImplPrimitive;
import dev.flaxj.transform.batching.BatchResult;
import dev.flaxj.transform.batching.BatchRules;
import dev.flaxj.transform.jvp.JvpResult;
import dev.flaxj.transform.jvp.JvpRules;
import dev.flaxj.transform.jvp.Zero;
import dev.flaxj.tree.Trees;
import java.util.List;

/**
 * {@code jax.lax.stop_gradient}: the identity, whose derivative is zero. As in JAX it binds a
 * primitive {@code stop_gradient} (visible in jaxprs) on floating leaves and leaves the others
 * alone; its JVP rule gives a {@link Zero} tangent, it batches elementwise, and evaluation
 * returns the operand itself.
 */
public final class StopGradient {
  private StopGradient() {}

  /** The {@code stop_gradient} primitive: one operand, returned unchanged. */
  public static final Primitive STOP_GRADIENT = new StopGradientPrimitive();

  /** {@code jax.lax.stop_gradient(x)} for a pytree {@code x}. */
  public static Object stopGradient(Object tree) {
    return Trees.map(StopGradient::leaf, tree);
  }

  /** {@code stop_gradient} of one array. */
  public static Value stopGradient(Value x) {
    return x.dtype().isFloating() ? Bind.bind1(STOP_GRADIENT, Params.EMPTY, x) : x;
  }

  private static Object leaf(Object x) {
    return x instanceof Value ? stopGradient((Value) x) : x;
  }

  /** Registers the JVP rule (called from {@link JvpRules}' table). */
  public static void registerJvp() {
    JvpRules.register(STOP_GRADIENT, (primals, tangents, params) -> {
      Value out = Bind.bind1(STOP_GRADIENT, params, primals.get(0));
      return new JvpResult(List.of(out), List.of(Zero.of(out.aval())));
    });
  }

  /** Registers the batching rule (called from {@link BatchRules}' table). */
  public static void registerBatching() {
    BatchRules.register(STOP_GRADIENT, (args, dims, params, axis) ->
        new BatchResult(List.of(Bind.bind1(STOP_GRADIENT, params, args.get(0))), dims));
  }

  private static final class StopGradientPrimitive extends Primitive implements ImplPrimitive {
    StopGradientPrimitive() {
      super("stop_gradient");
    }

    @Override
    public List<ShapedArray> abstractEval(List<ShapedArray> inputs, Params params) {
      if (inputs.size() != 1) {
        throw error("expects one operand, got " + inputs.size());
      }
      return List.of(inputs.get(0));
    }

    @Override
    public List<Value> impl(List<Value> args, Params params) {
      return List.of(args.get(0));
    }
  }
}
