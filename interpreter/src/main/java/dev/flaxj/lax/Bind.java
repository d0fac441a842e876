package dev.flaxj.lax;

import dev.flaxj.array.Value;
import dev.flaxj.transform.Trace;
import dev.flaxj.transform.TraceStack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Applies a primitive to values, as JAX's {@code bind}: the innermost transformation among the
 * arguments (or evaluation, for concrete arrays) interprets it.
 */
public final class Bind {
  private Bind() {}

  /** Applies {@code p}; returns all of its outputs. */
  public static List<Value> bind(Primitive p, Params params, Value... args) {
    List<Value> argList = Arrays.asList(args);
    Trace top = TraceStack.findTopTrace(argList);
    if (p instanceof NamedAxisPrimitive) {
      top = ((NamedAxisPrimitive) p).dispatchTrace(top, params);
    }
    List<Value> raised = new ArrayList<>(args.length);
    for (Value v : argList) {
      raised.add(TraceStack.fullRaise(top, v));
    }
    List<Value> outs = top.processPrimitive(p, raised, params);
    List<Value> lowered = new ArrayList<>(outs.size());
    for (Value v : outs) {
      lowered.add(TraceStack.fullLower(v));
    }
    return lowered;
  }

  /** Applies a primitive that has exactly one output. */
  public static Value bind1(Primitive p, Params params, Value... args) {
    return bind(p, params, args).get(0);
  }
}
