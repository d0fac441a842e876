package dev.flaxj.transform.exec;

import dev.flaxj.array.Value;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.transform.ImplPrimitive;
import java.util.ArrayList;
import java.util.List;

/**
 * A higher-order primitive the plan has no step of its own for (a batched-predicate
 * {@code while}, {@code custom_lin}, ...): run by its evaluation rule, exactly as equation by
 * equation evaluation runs it.
 */
record ImplStep(Primitive primitive, Params params, int[] inputSlots, int[] outputSlots)
    implements Step {

  @Override
  public void run(Value[] env, Buffers buffers) {
    List<Value> in = new ArrayList<>(inputSlots.length);
    for (int slot : inputSlots) {
      in.add(env[slot]);
    }
    List<Value> out = ((ImplPrimitive) primitive).impl(in, params);
    for (int i = 0; i < outputSlots.length; i++) {
      env[outputSlots[i]] = out.get(i);
    }
  }

  @Override
  public String describe() {
    return primitive.name();
  }
}
