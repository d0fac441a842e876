package dev.flaxj.transform.batching;

import dev.flaxj.array.Value;
import dev.flaxj.lax.Params;
import java.util.List;

/**
 * The batching rule of one primitive: given the unbatched-shaped inputs' batched values and where
 * each carries its batch dimension ({@link BatchRules#NOT_MAPPED} if it has none), compute the
 * outputs and their batch dimensions.
 */
@FunctionalInterface
public interface BatchRule {
  BatchResult apply(List<Value> args, int[] dims, Params params, AxisData axis);
}
