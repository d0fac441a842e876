package dev.flaxj.transform.staging;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.transform.ImplPrimitive;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.EqnPrintRule;
import dev.flaxj.transform.ir.EvalJaxpr;
import dev.flaxj.transform.ir.Jaxpr;
import dev.flaxj.transform.ir.JaxprPrinter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The primitive {@code jax.jit} binds (JAX's {@code jit_p}, formerly {@code pjit_p}; it prints as
 * {@code jit} in JAX 0.10.2 jaxprs): {@code jit[jaxpr, name](args)} runs the staged program
 * {@code jaxpr} (a {@link ClosedJaxpr} over concrete constants only) on the arguments. Evaluation
 * runs the jaxpr equation by equation; its JVP and batching rules ({@link PjitJvp},
 * {@link PjitBatching}) transform the jaxpr and stage the result into a new {@code jit}, so
 * transformations of a jitted function stay jitted.
 */
public final class Pjit extends Primitive implements ImplPrimitive {
  public static final Pjit PJIT = new Pjit();

  static {
    JaxprPrinter.register(PJIT, new EqnPrintRule() {
      @Override
      public Map<String, Object> printed(Params params) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("name", params.get("name"));
        shown.putAll(EqnPrintRule.super.printed(params));
        return shown;
      }

      @Override
      public Jaxpr namedLikeEquation(Params params) {
        return jaxpr(params).jaxpr();
      }
    });
  }

  private Pjit() {
    super("jit");
  }

  /** The parameters {@code jaxpr} and {@code name}; the jaxpr may close over arrays only. */
  public static Params params(ClosedJaxpr jaxpr, String name) {
    if (Staging.closesOverTracers(jaxpr)) {
      throw new IllegalArgumentException("jit: the jaxpr of " + name
          + " closes over tracers; pass them as arguments (see Staging.constsAsInputs)");
    }
    return Params.of("jaxpr", jaxpr, "name", name);
  }

  public static ClosedJaxpr jaxpr(Params params) {
    return (ClosedJaxpr) params.get("jaxpr");
  }

  public static String name(Params params) {
    return params.getString("name");
  }

  /**
   * Binds {@code jit} to {@code args}. A jaxpr that closes over tracers of enclosing
   * transformations has them passed as leading arguments instead, so those transformations see
   * them (JAX does the same).
   */
  public static List<Value> call(ClosedJaxpr jaxpr, String name, List<? extends Value> args) {
    ClosedJaxpr program = jaxpr;
    List<Value> operands = new ArrayList<>();
    if (Staging.closesOverTracers(jaxpr)) {
      program = Staging.constsAsInputs(jaxpr);
      operands.addAll(jaxpr.consts());
    }
    operands.addAll(args);
    return Bind.bind(PJIT, params(program, name), operands.toArray(new Value[0]));
  }

  @Override
  public List<ShapedArray> abstractEval(List<ShapedArray> inputs, Params params) {
    ClosedJaxpr jaxpr = jaxpr(params);
    List<ShapedArray> expected = jaxpr.inAvals();
    if (inputs.size() != expected.size()) {
      throw error(name(params) + " takes " + expected.size() + " arguments, got " + inputs.size());
    }
    for (int i = 0; i < inputs.size(); i++) {
      ShapedArray want = expected.get(i);
      ShapedArray got = inputs.get(i);
      if (!want.shape().equals(got.shape()) || want.dtype() != got.dtype()) {
        throw error(name(params) + ": argument " + i + " has type " + got.str()
            + " but the jaxpr expects " + want.str());
      }
    }
    return jaxpr.outAvals();
  }

  @Override
  public List<Value> impl(List<Value> args, Params params) {
    return EvalJaxpr.eval(jaxpr(params), args);
  }
}
