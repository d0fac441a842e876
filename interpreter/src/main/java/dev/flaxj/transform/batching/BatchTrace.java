package dev.flaxj.transform.batching;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.NamedAxisPrimitive;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.transform.MainTrace;
import dev.flaxj.transform.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * The interpreter of {@code vmap} (Autodidax's BatchTrace): each primitive is applied once to
 * the batched values by its {@link BatchRule}. Its main trace's global data is the
 * {@link AxisData} of the mapped axis.
 */
public final class BatchTrace extends Trace {
  public BatchTrace(MainTrace main) {
    super(main);
  }

  public AxisData axisData() {
    return (AxisData) main.globalData();
  }

  @Override
  public Value pure(Value constant) {
    return new BatchTracer(this, constant, BatchRules.NOT_MAPPED);
  }

  @Override
  public Value lift(Value lower) {
    return new BatchTracer(this, lower, BatchRules.NOT_MAPPED);
  }

  /**
   * Applies the primitive's batching rule. When nothing is mapped, the primitive is applied to
   * the bare values instead, except for collectives, whose result depends on the axis anyway.
   * The primitive's abstract evaluation first checks the examples' types (so that errors name
   * them, and a program that is wrong per example is not accepted because its batched form
   * happens to be valid); the rule's results must have the types it gives.
   */
  @Override
  public List<Value> processPrimitive(Primitive primitive, List<Value> args, Params params) {
    List<Value> vals = new ArrayList<>(args.size());
    List<ShapedArray> avals = new ArrayList<>(args.size());
    int[] dims = new int[args.size()];
    boolean anyMapped = false;
    for (int i = 0; i < dims.length; i++) {
      BatchTracer t = (BatchTracer) args.get(i);
      vals.add(t.val());
      avals.add(t.aval());
      dims[i] = t.batchDim();
      anyMapped |= dims[i] != BatchRules.NOT_MAPPED;
    }
    if (!anyMapped && !(primitive instanceof NamedAxisPrimitive)) {
      List<Value> outs = Bind.bind(primitive, params, vals.toArray(new Value[0]));
      return wrap(BatchDims.unmapped(outs), null, primitive);
    }
    List<ShapedArray> expected = primitive.abstractEval(avals, params);
    return wrap(BatchRules.get(primitive).apply(vals, dims, params, axisData()), expected,
        primitive);
  }

  /** The results as tracers of this trace, checked against the expected example types. */
  private List<Value> wrap(BatchResult result, List<ShapedArray> expected, Primitive primitive) {
    List<Value> outs = new ArrayList<>(result.outs().size());
    int[] outDims = result.dims();
    for (int i = 0; i < outDims.length; i++) {
      BatchTracer t = new BatchTracer(this, result.outs().get(i), outDims[i]);
      if (expected != null && !t.aval().equals(expected.get(i))) {
        throw new IllegalStateException("the batching rule of " + primitive.name()
            + " gave an output of type " + t.aval().str() + " per example where "
            + expected.get(i).str() + " was expected");
      }
      outs.add(t);
    }
    return outs;
  }
}
