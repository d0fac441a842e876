package dev.flaxj.transform.batching;

import static dev.flaxj.lax.CollectivePrimitives.ALL_GATHER;
import static dev.flaxj.lax.CollectivePrimitives.AXIS_INDEX;
import static dev.flaxj.lax.CollectivePrimitives.PMAX;
import static dev.flaxj.lax.CollectivePrimitives.PMIN;
import static dev.flaxj.lax.CollectivePrimitives.PSUM;
import static dev.flaxj.transform.batching.BatchRules.NOT_MAPPED;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.NamedAxisPrimitive;
import dev.flaxj.lax.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Batching of the collectives, which is where they get their meaning. At the batch trace of a
 * named axis, psum/pmax/pmin reduce over the batch dimension (an unmapped value is the same at
 * every index: psum multiplies it by the axis size, pmax and pmin keep it), all_gather turns the
 * batch into the gathered dimension, and axis_index is an iota along the batch; the results are
 * the same for every index, so not mapped. A collective over other names is applied to the
 * batched values as it is (all_gather with the batch moved in front), for the traces below.
 */
final class Collectives {
  private Collectives() {}

  static void register() {
    BatchRules.register(PSUM, allReduce(PSUM, Lax::reduceSum, Collectives::timesSize));
    BatchRules.register(PMAX, allReduce(PMAX, Lax::reduceMax, (x, n) -> x));
    BatchRules.register(PMIN, allReduce(PMIN, Lax::reduceMin, (x, n) -> x));
    BatchRules.register(ALL_GATHER, Collectives::allGather);
    BatchRules.register(AXIS_INDEX, Collectives::axisIndex);
  }

  /**
   * The rule of an all-reduce: {@code overBatch} reduces a mapped value over its batch dimension,
   * {@code unmapped} combines the {@code size} equal values of an unmapped one.
   */
  private static BatchRule allReduce(NamedAxisPrimitive p,
      BiFunction<Value, int[], Value> overBatch, BiFunction<Value, Integer, Value> unmapped) {
    return (args, dims, params, axis) -> {
      List<String> names = p.axisNames(params);
      if (!names.contains(axis.name())) {
        return new BatchResult(Bind.bind(p, params, args.toArray(new Value[0])), dims);
      }
      Value[] reduced = new Value[args.size()];
      for (int i = 0; i < reduced.length; i++) {
        reduced[i] = dims[i] == NOT_MAPPED ? unmapped.apply(args.get(i), axis.size())
            : overBatch.apply(args.get(i), new int[] {dims[i]});
      }
      List<String> rest = new ArrayList<>(names);
      rest.removeIf(n -> n.equals(axis.name()));
      if (rest.isEmpty()) {
        return BatchDims.unmapped(List.of(reduced));
      }
      Params outer = params.with("axes", rest.toArray(new String[0]));
      return BatchDims.unmapped(Bind.bind(p, outer, reduced));
    };
  }

  /** {@code x * size} in {@code x}'s type. */
  private static Value timesSize(Value x, int size) {
    Value n = BatchDims.scalar(size, x.dtype(), x.aval().weakType());
    return Lax.mul(x, Lax.broadcastInDim(n, x.shape().dims(), new int[0]));
  }

  private static BatchResult allGather(List<Value> args, int[] dims, Params params,
      AxisData axis) {
    Value x = args.get(0);
    int d = dims[0];
    int dimension = params.getInt("all_gather_dimension");
    if (!ALL_GATHER.axisNames(params).contains(axis.name())) {
      if (d == NOT_MAPPED) {
        return BatchDims.unmapped(Bind.bind(ALL_GATHER, params, x));
      }
      Params shifted = params.with("all_gather_dimension", dimension + 1);
      return BatchDims.one(Bind.bind1(ALL_GATHER, shifted, BatchDims.moveaxis(x, d, 0)), 0);
    }
    Value gathered = BatchDims.toAxis(x, d, axis.size(), dimension);
    if (params.getBoolean("tiled")) {
      int[] shape = gathered.shape().dims();
      int[] merged = BatchDims.without(shape, dimension + 1);
      merged[dimension] = shape[dimension] * shape[dimension + 1];
      gathered = Lax.reshape(gathered, merged);
    }
    return BatchDims.one(gathered, NOT_MAPPED);
  }

  private static BatchResult axisIndex(List<Value> args, int[] dims, Params params,
      AxisData axis) {
    if (AXIS_INDEX.axisNames(params).contains(axis.name())) {
      return BatchDims.one(Lax.iota(DType.INT32, axis.size()), 0);
    }
    return BatchDims.unmapped(Bind.bind(AXIS_INDEX, params));
  }
}
