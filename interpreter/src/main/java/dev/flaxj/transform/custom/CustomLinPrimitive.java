package dev.flaxj.transform.custom;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.transform.ImplPrimitive;
import dev.flaxj.transform.ir.EqnPrintRule;
import dev.flaxj.transform.ir.JaxprPrinter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JAX's {@code custom_lin}: the tangent of a {@code custom_vjp} function, left for reverse mode to
 * transpose into a call of the user's {@code bwd}. Operands: {@code num_res} residuals, then the
 * nonzero input tangents ({@code in_zeros} marks the explicit inputs whose tangent is zero).
 * Parameters: {@code num_res}, {@code bwd}, {@code out_avals}, {@code in_zeros},
 * {@code symbolic_zeros}. It is never evaluated: forward-mode differentiation of a custom_vjp
 * function fails with JAX's message when it is.
 */
public final class CustomLinPrimitive extends Primitive implements ImplPrimitive {
  public static final Primitive CUSTOM_LIN = new CustomLinPrimitive();

  static {
    JaxprPrinter.register(CUSTOM_LIN, new EqnPrintRule() {
      @Override
      public Map<String, Object> printed(Params params) {
        Map<String, Object> shown = new TreeMap<>(params.asMap());
        shown.remove("out_avals");
        shown.put("bwd", "bwd");
        List<String> zeros = new ArrayList<>();
        for (boolean z : (boolean[]) params.get("in_zeros")) {
          zeros.add(z ? "True" : "False");
        }
        shown.put("in_zeros", zeros.toString());
        return new LinkedHashMap<>(shown);
      }
    });
  }

  /** JAX's TypeError when a custom_vjp function is differentiated in forward mode. */
  static final String JVP_MESSAGE = "can't apply forward-mode autodiff (jvp) to a custom_vjp function.";

  private CustomLinPrimitive() {
    super("custom_lin");
  }

  static Params params(int numRes, FlatBwd bwd, List<ShapedArray> outAvals, boolean[] inZeros) {
    return Params.of("num_res", numRes, "bwd", bwd, "out_avals", outAvals.toArray(new ShapedArray[0]),
        "in_zeros", inZeros, "symbolic_zeros", false);
  }

  static List<ShapedArray> outAvals(Params params) {
    return List.of((ShapedArray[]) params.get("out_avals"));
  }

  @Override
  public List<Value> impl(List<Value> args, Params params) {
    throw new IllegalArgumentException(JVP_MESSAGE);
  }

  @Override
  public List<ShapedArray> abstractEval(List<ShapedArray> inputs, Params params) {
    return outAvals(params);
  }
}
