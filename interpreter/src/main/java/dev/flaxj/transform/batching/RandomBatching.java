package dev.flaxj.transform.batching;

import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.RandomPrimitives;
import java.util.List;

/**
 * Batching of the random primitives. {@code threefry2x32} is elementwise (scalar key words stay
 * scalars when unmapped). {@code random_wrap} needs the trailing key-data dimension of 2 last, so
 * a batch found there moves to the front; {@code random_unwrap} appends that dimension, which
 * leaves the batch where it is.
 */
final class RandomBatching {
  private RandomBatching() {}

  static void register() {
    BatchRules.register(RandomPrimitives.THREEFRY2X32,
        ElementwiseBatching.rule(RandomPrimitives.THREEFRY2X32));
    BatchRules.register(RandomPrimitives.RANDOM_WRAP, RandomBatching::wrap);
    BatchRules.register(RandomPrimitives.RANDOM_UNWRAP, RandomBatching::unwrap);
  }

  private static BatchResult wrap(List<Value> args, int[] dims, Params params, AxisData axis) {
    Value data = args.get(0);
    int d = dims[0] == data.rank() - 1 ? 0 : dims[0];
    Value moved = BatchDims.moveaxis(data, dims[0], d);
    return BatchDims.one(Bind.bind1(RandomPrimitives.RANDOM_WRAP, params, moved), d);
  }

  private static BatchResult unwrap(List<Value> args, int[] dims, Params params, AxisData axis) {
    Value data = Bind.bind1(RandomPrimitives.RANDOM_UNWRAP, params, args.get(0));
    return BatchDims.one(data, dims[0]);
  }
}
