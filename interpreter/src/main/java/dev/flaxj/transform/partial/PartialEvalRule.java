package dev.flaxj.transform.partial;

import dev.flaxj.array.Value;
import dev.flaxj.lax.Params;
import java.util.List;

/**
 * How a primitive with some unknown inputs is partially evaluated, for primitives that can do
 * better than staging whole (JAX's {@code custom_partial_eval_rules}): higher-order primitives
 * compute their known part now and stage only the rest. Without a rule a primitive with any
 * unknown input is staged whole. The result holds one value per output: known values, or
 * unknown tracers made with {@link PartialEvalTrace#stage}.
 */
@FunctionalInterface
public interface PartialEvalRule {
  List<Value> apply(PartialEvalTrace trace, List<PartialEvalTracer> args, Params params);
}
