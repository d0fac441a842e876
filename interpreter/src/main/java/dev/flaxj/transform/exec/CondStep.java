package dev.flaxj.transform.exec;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import java.util.List;

/**
 * {@code cond} through plans of its branches: operand 0 is the int32 index, as XLA's conditional
 * an index out of range (negative included) runs the last branch.
 */
record CondStep(List<ExecutionPlan> branches, int[] inputSlots, int[] outputSlots)
    implements Step {

  @Override
  public void run(Value[] env, Buffers buffers) {
    int index = (int) ((Array) env[inputSlots[0]]).getLong(0);
    int chosen = index < 0 || index >= branches.size() ? branches.size() - 1 : index;
    Value[] operands = new Value[inputSlots.length - 1];
    for (int i = 1; i < inputSlots.length; i++) {
      operands[i - 1] = env[inputSlots[i]];
    }
    Value[] out = branches.get(chosen).run(operands);
    for (int i = 0; i < outputSlots.length; i++) {
      env[outputSlots[i]] = out[i];
    }
  }

  @Override
  public String describe() {
    StringBuilder s = new StringBuilder("cond");
    for (ExecutionPlan branch : branches) {
      s.append('{').append(branch.describe()).append('}');
    }
    return s.toString();
  }
}
