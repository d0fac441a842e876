package dev.flaxj.transform.partial;

import dev.flaxj.array.Value;
import dev.flaxj.lax.Params;
import java.util.List;

/**
 * The transpose of a primitive that is linear in some inputs. {@code args} holds, per input,
 * either an {@link UndefinedPrimal} (a linear input) or a known {@link Value}. The result holds
 * one cotangent per input: a value (possibly a symbolic zero) for each undefined input, null for
 * known inputs.
 */
@FunctionalInterface
public interface TransposeRule {
  List<Value> apply(List<Value> cotangents, List<Object> args, Params params);
}
