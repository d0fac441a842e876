package dev.flaxj.transform.exec;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;

/**
 * {@code while} with a scalar predicate through plans of its condition and body: operands
 * {@code [*cond_consts, *body_consts, *init]}. (A batched predicate runs as an {@link ImplStep}.)
 */
record WhileStep(ExecutionPlan cond, int condNconsts, ExecutionPlan body, int bodyNconsts,
    int[] inputSlots, int[] outputSlots) implements Step {

  @Override
  public void run(Value[] env, Buffers buffers) {
    int carryStart = condNconsts + bodyNconsts;
    int numCarry = inputSlots.length - carryStart;
    Value[] condArgs = new Value[condNconsts + numCarry];
    Value[] bodyArgs = new Value[bodyNconsts + numCarry];
    for (int i = 0; i < condNconsts; i++) {
      condArgs[i] = env[inputSlots[i]];
    }
    for (int i = 0; i < bodyNconsts; i++) {
      bodyArgs[i] = env[inputSlots[condNconsts + i]];
    }
    Value[] carry = new Value[numCarry];
    for (int i = 0; i < numCarry; i++) {
      carry[i] = env[inputSlots[carryStart + i]];
    }
    while (true) {
      System.arraycopy(carry, 0, condArgs, condNconsts, numCarry);
      if (!((Array) cond.run(condArgs)[0]).rawBools()[0]) {
        break;
      }
      System.arraycopy(carry, 0, bodyArgs, bodyNconsts, numCarry);
      carry = body.run(bodyArgs);
    }
    for (int i = 0; i < outputSlots.length; i++) {
      env[outputSlots[i]] = carry[i];
    }
  }

  @Override
  public String describe() {
    return "while{" + cond.describe() + "}{" + body.describe() + "}";
  }
}
