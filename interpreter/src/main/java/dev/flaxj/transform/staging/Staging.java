package dev.flaxj.transform.staging;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.TraceStack;
import dev.flaxj.transform.Tracer;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.Jaxpr;
import dev.flaxj.transform.ir.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Staging of functions to jaxprs (JAX's {@code trace_to_jaxpr_dynamic}), the entry point of
 * {@code jit}, {@code make_jaxpr} and every higher-order primitive that holds a jaxpr.
 */
public final class Staging {
  private Staging() {}

  /**
   * Stages {@code f} called on values of types {@code inAvals}: returns the jaxpr of everything it
   * computes, closed over the values it used from outside. The function's output structure is
   * then {@code f.outTree()}.
   *
   * <p>The staging trace is pushed as the dynamic trace, so every primitive applied inside
   * {@code f} is staged, even one whose inputs are all constants (as under {@code jax.jit}).
   * Closed-over scalar arrays are inlined as literals; other closed-over arrays, and tracers of
   * enclosing transformations, become the jaxpr's constants ({@link ClosedJaxpr#consts()}, one
   * per distinct object). Values of enclosing transformations thus appear among the consts; see
   * {@link #constsAsInputs} for passing them as operands instead.
   */
  public static ClosedJaxpr traceToJaxpr(FlatFunction f, List<ShapedArray> inAvals) {
    return traceToJaxpr(f::call, inAvals);
  }

  /** As {@link #traceToJaxpr(FlatFunction, List)} for any function of flat value lists. */
  public static ClosedJaxpr traceToJaxpr(Function<List<Value>, List<Value>> f,
      List<ShapedArray> inAvals) {
    JaxprBuilder builder = new JaxprBuilder();
    try (TraceStack.Entry entry = TraceStack.pushDynamic(StagingTrace::new, builder)) {
      StagingTrace trace = (StagingTrace) entry.main().trace();
      List<Value> ins = new ArrayList<>(inAvals.size());
      for (ShapedArray aval : inAvals) {
        ins.add(builder.newInput(trace, aval));
      }
      List<Value> outs = f.apply(ins);
      List<StagingTracer> outTracers = new ArrayList<>(outs.size());
      for (Value v : outs) {
        outTracers.add((StagingTracer) TraceStack.fullRaise(trace, v));
      }
      return builder.build(outTracers);
    }
  }

  /**
   * The jaxpr with its constant variables turned into leading input variables (JAX's
   * {@code convert_constvars_jaxpr}), closed over nothing: call it with
   * {@code closed.consts()} followed by the original arguments.
   */
  public static ClosedJaxpr constsAsInputs(ClosedJaxpr closed) {
    Jaxpr j = closed.jaxpr();
    List<Var> invars = new ArrayList<>(j.constvars());
    invars.addAll(j.invars());
    return new ClosedJaxpr(new Jaxpr(List.of(), invars, j.eqns(), j.outvars()), List.of());
  }

  /** Whether some constant of {@code closed} is a tracer of an enclosing transformation. */
  public static boolean closesOverTracers(ClosedJaxpr closed) {
    for (Value c : closed.consts()) {
      if (c instanceof Tracer) {
        return true;
      }
    }
    return false;
  }
}
