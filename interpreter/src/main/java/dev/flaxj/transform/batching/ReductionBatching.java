package dev.flaxj.transform.batching;

import static dev.flaxj.lax.ReductionPrimitives.*;

import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import java.util.List;

/**
 * Batching of reductions: the reduced axes are renumbered around the batch dimension, which is
 * never reduced and stays in place (shifted left past the reduced axes before it).
 */
final class ReductionBatching {
  private ReductionBatching() {}

  static void register() {
    for (Primitive p : List.of(REDUCE_SUM, REDUCE_PROD, REDUCE_MAX, REDUCE_MIN, REDUCE_AND,
        REDUCE_OR, ARGMAX, ARGMIN)) {
      BatchRules.register(p, overAxes(p));
    }
    for (Primitive p : List.of(CUMSUM, CUMPROD, CUMMAX, CUMMIN)) {
      BatchRules.register(p, cumulative(p));
    }
  }

  /** Reductions with parameter {@code axes} (the monoid reductions, argmax and argmin). */
  private static BatchRule overAxes(Primitive p) {
    return (args, dims, params, axis) -> {
      int d = dims[0];
      int[] axes = params.getInts("axes");
      Params batched = params.with("axes", BatchDims.shift(axes, d));
      Value y = Bind.bind1(p, batched, args.get(0));
      return BatchDims.one(y, d - BatchDims.countBelow(axes, d));
    };
  }

  /** Scans with parameter {@code axis}: the shape is kept, so is the batch dimension. */
  private static BatchRule cumulative(Primitive p) {
    return (args, dims, params, axis) -> {
      int d = dims[0];
      Params batched = params.with("axis", BatchDims.shift(params.getInt("axis"), d));
      return BatchDims.one(Bind.bind1(p, batched, args.get(0)), d);
    };
  }
}
