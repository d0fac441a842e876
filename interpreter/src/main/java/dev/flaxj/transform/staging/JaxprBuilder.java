package dev.flaxj.transform.staging;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.transform.ir.Atom;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.Jaxpr;
import dev.flaxj.transform.ir.JaxprEqn;
import dev.flaxj.transform.ir.Literal;
import dev.flaxj.transform.ir.Var;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The jaxpr one staging trace is building (JAX's {@code JaxprStackFrame}): its inputs, its
 * equations so far and its constants. A scalar constant array is written into equations as a
 * {@link Literal}; any other constant (a larger array, or a tracer of an enclosing
 * transformation) becomes one constant variable per distinct object.
 */
final class JaxprBuilder {
  private final List<Var> invars = new ArrayList<>();
  private final List<JaxprEqn> eqns = new ArrayList<>();
  private final List<Var> constvars = new ArrayList<>();
  private final List<Value> constValues = new ArrayList<>();
  private final Map<Value, StagingTracer> constTracers = new IdentityHashMap<>();

  StagingTracer newInput(StagingTrace trace, ShapedArray aval) {
    Var v = new Var(aval);
    invars.add(v);
    return new StagingTracer(trace, v);
  }

  StagingTracer constant(StagingTrace trace, Value value) {
    if (value instanceof Array a && a.rank() == 0 && a.dtype() != DType.KEY) {
      return new StagingTracer(trace, new Literal(a));
    }
    return constTracers.computeIfAbsent(value, v -> {
      Var var = new Var(v.aval());
      constvars.add(var);
      constValues.add(v);
      return new StagingTracer(trace, var);
    });
  }

  List<Value> addEquation(StagingTrace trace, Primitive primitive, Params params, List<Value> args) {
    List<ShapedArray> inAvals = new ArrayList<>(args.size());
    List<Atom> inputs = new ArrayList<>(args.size());
    for (Value v : args) {
      inAvals.add(v.aval());
      inputs.add(((StagingTracer) v).atom());
    }
    List<ShapedArray> outAvals = primitive.abstractEval(inAvals, params);
    List<Var> outvars = new ArrayList<>(outAvals.size());
    List<Value> outs = new ArrayList<>(outAvals.size());
    for (ShapedArray aval : outAvals) {
      Var v = new Var(aval);
      outvars.add(v);
      outs.add(new StagingTracer(trace, v));
    }
    eqns.add(new JaxprEqn(primitive, params, inputs, outvars));
    SourceInfo.note(outvars);
    return outs;
  }

  ClosedJaxpr build(List<StagingTracer> outs) {
    List<Atom> outvars = new ArrayList<>(outs.size());
    for (StagingTracer t : outs) {
      outvars.add(t.atom());
    }
    return new ClosedJaxpr(new Jaxpr(constvars, invars, eqns, outvars), constValues);
  }
}
