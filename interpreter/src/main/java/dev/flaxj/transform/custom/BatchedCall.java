package dev.flaxj.transform.custom;

import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.transform.batching.AxisData;
import dev.flaxj.transform.batching.BatchResult;
import dev.flaxj.transform.batching.Batching;
import dev.flaxj.transform.jvp.Zero;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A function of flat values run on batched arguments with every output's batch moved to the
 * front (broadcast there if the output does not depend on the batch): how the batching rules of
 * the custom-derivative primitives batch the user's rules. Symbolic zeros stay symbolic.
 */
public final class BatchedCall {
  private BatchedCall() {}

  public static List<Value> atFront(Function<List<Value>, List<Value>> f, AxisData axis,
      List<? extends Value> args, int[] dims) {
    List<ShapedArray> zeroAvals = new ArrayList<>();
    BatchResult r = Batching.batch(xs -> {
      List<Value> outs = f.apply(xs);
      List<Value> nonzero = new ArrayList<>();
      zeroAvals.clear();
      for (Value v : outs) {
        zeroAvals.add(Zero.is(v) ? v.aval() : null);
        if (!Zero.is(v)) {
          nonzero.add(v);
        }
      }
      return nonzero;
    }, axis, args, dims);
    List<Value> out = new ArrayList<>(zeroAvals.size());
    int next = 0;
    for (ShapedArray zero : zeroAvals) {
      if (zero != null) {
        out.add(Zero.of(withBatch(zero, axis.size())));
      } else {
        out.add(Batching.moveBatch(r.outs().get(next), r.dims()[next], 0, axis.size()));
        next++;
      }
    }
    return out;
  }

  /** {@code aval} with a leading batch dimension of {@code size}. */
  public static ShapedArray withBatch(ShapedArray aval, int size) {
    int[] dims = aval.shape().dims();
    int[] batched = new int[dims.length + 1];
    batched[0] = size;
    System.arraycopy(dims, 0, batched, 1, dims.length);
    return aval.withShape(Shape.of(batched));
  }
}
