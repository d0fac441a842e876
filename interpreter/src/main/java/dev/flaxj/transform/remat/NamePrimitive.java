package dev.flaxj.transform.remat;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.transform.ImplPrimitive;
import java.util.List;

/**
 * JAX's {@code name} primitive, bound by {@link Checkpoint#checkpointName}: the identity on one
 * array, carrying a {@code name} parameter that {@link CheckpointPolicies#saveOnlyTheseNames}
 * looks for. Every transformation passes it through (the tangent is not named).
 */
public final class NamePrimitive extends Primitive implements ImplPrimitive {
  public static final Primitive NAME = new NamePrimitive();

  private NamePrimitive() {
    super("name");
  }

  @Override
  public List<Value> impl(List<Value> args, Params params) {
    return args;
  }

  @Override
  public List<ShapedArray> abstractEval(List<ShapedArray> inputs, Params params) {
    if (inputs.size() != 1) {
      throw error("expects one operand, got " + inputs.size());
    }
    return List.of(inputs.get(0));
  }
}
