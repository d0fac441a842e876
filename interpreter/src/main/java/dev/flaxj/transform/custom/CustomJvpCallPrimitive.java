package dev.flaxj.transform.custom;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.transform.ImplPrimitive;
import dev.flaxj.transform.ir.EvalJaxpr;
import dev.flaxj.transform.ir.Jaxpr;
import dev.flaxj.transform.ir.JaxprPrinter;
import java.util.List;

/**
 * JAX's {@code custom_jvp_call}: evaluating it runs {@code call_jaxpr} (the primal function, its
 * {@code num_consts} closed-over values as leading inputs); differentiating it calls the user's
 * rule {@code jvp} instead of differentiating the body. Parameters: {@code name},
 * {@code call_jaxpr}, {@code jvp} (a {@link FlatJvp}), {@code num_consts},
 * {@code symbolic_zeros}.
 */
public final class CustomJvpCallPrimitive extends Primitive implements ImplPrimitive {
  public static final Primitive CUSTOM_JVP_CALL = new CustomJvpCallPrimitive();

  static {
    JaxprPrinter.register(CUSTOM_JVP_CALL, new CustomPrintRule());
  }

  private CustomJvpCallPrimitive() {
    super("custom_jvp_call");
  }

  static Params params(String name, Jaxpr callJaxpr, FlatJvp jvp, int numConsts) {
    return Params.of("name", name, "call_jaxpr", callJaxpr, "jvp", jvp, "num_consts", numConsts,
        "symbolic_zeros", false);
  }

  static Jaxpr callJaxpr(Params params) {
    return (Jaxpr) params.get("call_jaxpr");
  }

  static FlatJvp jvp(Params params) {
    return (FlatJvp) params.get("jvp");
  }

  @Override
  public List<Value> impl(List<Value> args, Params params) {
    return EvalJaxpr.eval(callJaxpr(params), List.of(), args);
  }

  @Override
  public List<ShapedArray> abstractEval(List<ShapedArray> inputs, Params params) {
    return BodyTypes.check(this, callJaxpr(params), inputs);
  }
}
