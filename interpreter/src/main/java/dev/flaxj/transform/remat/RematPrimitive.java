package dev.flaxj.transform.remat;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.transform.ImplPrimitive;
import dev.flaxj.transform.ir.EvalJaxpr;
import dev.flaxj.transform.ir.Jaxpr;
import dev.flaxj.transform.custom.BodyTypes;
import java.util.List;

/**
 * The primitive of {@code jax.checkpoint}, named {@code remat2} in JAX 0.10.2 jaxprs. Parameters:
 * {@code jaxpr} (the body, a {@link Jaxpr} without constvars: closed-over values are its leading
 * inputs), {@code prevent_cse}, {@code differentiated} (true once partial evaluation has split it)
 * and {@code policy} (a {@link CheckpointPolicy}). Evaluating it runs the body; its partial
 * evaluation is where the policy decides what is saved and what is recomputed.
 */
public final class RematPrimitive extends Primitive implements ImplPrimitive {
  public static final Primitive REMAT = new RematPrimitive();

  static {
    RematPartialEval.register();
  }

  private RematPrimitive() {
    super("remat2");
  }

  static Params params(Jaxpr body, boolean preventCse, boolean differentiated, CheckpointPolicy policy) {
    if (!body.constvars().isEmpty()) {
      throw new IllegalArgumentException("remat2: the body must take its constants as inputs");
    }
    return Params.of("jaxpr", body, "prevent_cse", preventCse, "differentiated", differentiated,
        "policy", policy);
  }

  static Jaxpr body(Params params) {
    return (Jaxpr) params.get("jaxpr");
  }

  /** The policy; JAX records none (prints {@code policy=None}) for the default, nothing_saveable. */
  static CheckpointPolicy policy(Params params) {
    CheckpointPolicy p = (CheckpointPolicy) params.get("policy");
    return p == null ? CheckpointPolicies.NOTHING_SAVEABLE : p;
  }

  @Override
  public List<Value> impl(List<Value> args, Params params) {
    return EvalJaxpr.eval(body(params), List.of(), args);
  }

  @Override
  public List<ShapedArray> abstractEval(List<ShapedArray> inputs, Params params) {
    return BodyTypes.check(this, body(params), inputs);
  }
}
