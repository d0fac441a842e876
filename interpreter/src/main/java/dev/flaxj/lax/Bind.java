package dev.flaxj.lax;

import dev.flaxj.array.Array;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.backend.Backends;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a primitive to values. With concrete arrays this is evaluation: the primitive's
 * abstract rule checks the inputs and gives the output types, then the current backend's kernel
 * computes them. (The transform core adds tracers and dispatches them to their interpreters.)
 */
public final class Bind {
  private Bind() {}

  /** Applies {@code p}; returns all of its outputs. */
  public static List<Value> bind(Primitive p, Params params, Value... args) {
    List<ShapedArray> inAvals = new ArrayList<>(args.length);
    List<Array> arrays = new ArrayList<>(args.length);
    for (Value v : args) {
      if (!(v instanceof Array)) {
        throw new UnsupportedOperationException(
            p.name() + ": no interpreter for values of type " + v.getClass().getName());
      }
      inAvals.add(v.aval());
      arrays.add((Array) v);
    }
    List<ShapedArray> outAvals = p.abstractEval(inAvals, params);
    List<Array> outs = Backends.current().execute(p, arrays, params, outAvals);
    return new ArrayList<>(outs);
  }

  /** Applies a primitive that has exactly one output. */
  public static Value bind1(Primitive p, Params params, Value... args) {
    return bind(p, params, args).get(0);
  }
}
