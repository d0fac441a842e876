package dev.flaxj.transform.exec;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code while} with a scalar predicate through plans of its condition and body: operands
 * {@code [*cond_consts, *body_consts, *init]}. (A batched predicate runs as an {@link ImplStep}.)
 */
record WhileStep(ExecutionPlan cond, int condNconsts, ExecutionPlan body, int bodyNconsts,
    int[] inputSlots, int[] outputSlots) implements Step {

  @Override
  public void run(Value[] env, Buffers buffers) {
    int carryStart = condNconsts + bodyNconsts;
    List<Value> condArgs = new ArrayList<>();
    List<Value> bodyArgs = new ArrayList<>();
    for (int i = 0; i < condNconsts; i++) {
      condArgs.add(env[inputSlots[i]]);
    }
    for (int i = condNconsts; i < carryStart; i++) {
      bodyArgs.add(env[inputSlots[i]]);
    }
    List<Value> carry = new ArrayList<>();
    for (int i = carryStart; i < inputSlots.length; i++) {
      carry.add(env[inputSlots[i]]);
    }
    while (((Array) cond.run(withCarry(condArgs, condNconsts, carry)).get(0)).rawBools()[0]) {
      carry = body.run(withCarry(bodyArgs, bodyNconsts, carry));
    }
    for (int i = 0; i < outputSlots.length; i++) {
      env[outputSlots[i]] = carry.get(i);
    }
  }

  private static List<Value> withCarry(List<Value> args, int nconsts, List<Value> carry) {
    args.subList(nconsts, args.size()).clear();
    args.addAll(carry);
    return args;
  }

  @Override
  public String describe() {
    return "while{" + cond.describe() + "}{" + body.describe() + "}";
  }
}
