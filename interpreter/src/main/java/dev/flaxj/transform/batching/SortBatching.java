package dev.flaxj.transform.batching;

import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.SortPrimitive;
import java.util.List;

/**
 * Batching of {@code sort}: all operands are brought to the first mapped operand's batch
 * dimension (unmapped ones broadcast), and the sorted dimension is renumbered around it.
 */
final class SortBatching {
  private SortBatching() {}

  static void register() {
    BatchRules.register(SortPrimitive.SORT, SortBatching::sort);
  }

  private static BatchResult sort(List<Value> args, int[] dims, Params params, AxisData axis) {
    BatchDims.Aligned a = BatchDims.alignAll(args, dims, axis.size());
    Params batched = params.with("dimension",
        BatchDims.shift(params.getInt("dimension"), a.dim()));
    return BatchDims.at(a.dim(),
        Bind.bind(SortPrimitive.SORT, batched, a.values().toArray(new Value[0])));
  }
}
