package dev.flaxj.transform;

import dev.flaxj.array.Array;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.backend.Backends;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import java.util.ArrayList;
import java.util.List;

/**
 * The bottom of the trace stack: evaluation on concrete arrays. The primitive's abstract rule
 * checks the inputs and types the outputs; the current backend's kernel computes them.
 */
final class EvalTrace extends Trace {
  EvalTrace(MainTrace main) {
    super(main);
  }

  @Override
  public Value pure(Value constant) {
    return constant;
  }

  @Override
  public Value lift(Value lower) {
    return lower;
  }

  @Override
  public List<Value> processPrimitive(Primitive primitive, List<Value> args, Params params) {
    List<ShapedArray> inAvals = new ArrayList<>(args.size());
    List<Array> arrays = new ArrayList<>(args.size());
    for (Value v : args) {
      if (!(v instanceof Array)) {
        throw new IllegalStateException(primitive.name() + ": evaluation got a "
            + v.getClass().getSimpleName() + " where a concrete array was expected");
      }
      inAvals.add(v.aval());
      arrays.add((Array) v);
    }
    List<ShapedArray> outAvals = primitive.abstractEval(inAvals, params);
    if (primitive instanceof ImplPrimitive) {
      return new ArrayList<>(((ImplPrimitive) primitive).impl(args, params));
    }
    return new ArrayList<>(Backends.current().execute(primitive, arrays, params, outAvals));
  }
}
