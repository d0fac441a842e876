package dev.flaxj.transform.partial;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.transform.MainTrace;
import dev.flaxj.transform.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * The partial-evaluation interpreter (Autodidax's {@code PartialEvalTrace}, JAX's
 * {@code JaxprTrace}): a primitive whose inputs are all known is applied now (at the levels
 * below); one with an unknown input is staged, through its {@link PartialEvalRule} if it has one,
 * into a program over the unknown values that {@link RecipeJaxpr} builds afterwards.
 */
public final class PartialEvalTrace extends Trace {
  PartialEvalTrace(MainTrace main) {
    super(main);
  }

  @Override
  public Value pure(Value constant) {
    return new PartialEvalTracer(this, PartialVal.known(constant), null);
  }

  @Override
  public Value lift(Value lower) {
    return pure(lower);
  }

  /** An input of the traced function: known, or unknown and then an input of the staged program. */
  PartialEvalTracer newArg(PartialVal pval) {
    return new PartialEvalTracer(this, pval, pval.isKnown() ? null : new Recipe.LambdaBinding());
  }

  /** A known tracer of this trace holding {@code value}. */
  public PartialEvalTracer known(Value value) {
    return (PartialEvalTracer) pure(value);
  }

  /** {@code t} as an unknown value: a known one becomes a constant of the staged program. */
  public PartialEvalTracer instantiateConst(PartialEvalTracer t) {
    if (!t.isKnown()) {
      return t;
    }
    return new PartialEvalTracer(this, PartialVal.unknown(t.aval()),
        new Recipe.Const(t.pval().value()));
  }

  /**
   * Stages {@code primitive} on {@code inputs} (known ones become constants of the staged
   * program); returns its unknown outputs, typed {@code outAvals}.
   */
  public List<PartialEvalTracer> stage(Primitive primitive, List<PartialEvalTracer> inputs,
      Params params, List<ShapedArray> outAvals) {
    List<PartialEvalTracer> in = new ArrayList<>(inputs.size());
    for (PartialEvalTracer t : inputs) {
      in.add(instantiateConst(t));
    }
    Recipe.Eqn eqn = new Recipe.Eqn(primitive, in, params, outAvals);
    List<PartialEvalTracer> out = new ArrayList<>(outAvals.size());
    for (ShapedArray aval : outAvals) {
      out.add(new PartialEvalTracer(this, PartialVal.unknown(aval), eqn));
    }
    eqn.setOutputs(out);
    return out;
  }

  @Override
  public List<Value> processPrimitive(Primitive primitive, List<Value> args, Params params) {
    List<PartialEvalTracer> tracers = new ArrayList<>(args.size());
    boolean allKnown = true;
    for (Value v : args) {
      PartialEvalTracer t = (PartialEvalTracer) v;
      tracers.add(t);
      allKnown &= t.isKnown();
    }
    if (allKnown) {
      Value[] known = new Value[tracers.size()];
      for (int i = 0; i < known.length; i++) {
        known[i] = tracers.get(i).fullLower();
      }
      return Bind.bind(primitive, params, known);
    }
    PartialEvalRule rule = PartialEvalRules.get(primitive);
    if (rule != null) {
      return rule.apply(this, tracers, params);
    }
    List<ShapedArray> inAvals = new ArrayList<>(tracers.size());
    for (PartialEvalTracer t : tracers) {
      inAvals.add(t.aval());
    }
    return new ArrayList<>(stage(primitive, tracers, params, primitive.abstractEval(inAvals, params)));
  }
}
