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
 * JAX's {@code custom_vjp_call}: evaluating it runs {@code call_jaxpr} (the primal function, its
 * {@code num_consts} closed-over values as leading inputs); differentiating it runs the user's
 * {@code fwd} rule, keeps its residuals, and leaves a {@code custom_lin} whose transpose calls
 * {@code bwd}. Parameters: {@code name}, {@code call_jaxpr}, {@code fwd} (a {@link FlatFwd}),
 * {@code bwd} (a {@link FlatBwd}), {@code num_consts}, {@code symbolic_zeros}.
 */
public final class CustomVjpCallPrimitive extends Primitive implements ImplPrimitive {
  public static final Primitive CUSTOM_VJP_CALL = new CustomVjpCallPrimitive();

  static {
    JaxprPrinter.register(CUSTOM_VJP_CALL, new CustomPrintRule());
  }

  private CustomVjpCallPrimitive() {
    super("custom_vjp_call");
  }

  static Params params(String name, Jaxpr callJaxpr, FlatFwd fwd, FlatBwd bwd, int numConsts) {
    return Params.of("name", name, "call_jaxpr", callJaxpr, "fwd", fwd, "bwd", bwd,
        "num_consts", numConsts, "symbolic_zeros", false);
  }

  static Jaxpr callJaxpr(Params params) {
    return (Jaxpr) params.get("call_jaxpr");
  }

  static FlatFwd fwd(Params params) {
    return (FlatFwd) params.get("fwd");
  }

  static FlatBwd bwd(Params params) {
    return (FlatBwd) params.get("bwd");
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
