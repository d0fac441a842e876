package dev.flaxj.transform.exec;

import dev.flaxj.array.Value;

/**
 * One step of an {@link ExecutionPlan}: reads its inputs from the plan's slots and writes its
 * outputs to other slots. The slots it reads and writes are fixed when the plan is built, so that
 * the plan knows when each buffer is last used.
 */
interface Step {
  /** Runs the step; {@code buffers} lends float32 result buffers (see {@link Buffers}). */
  void run(Value[] env, Buffers buffers);

  int[] inputSlots();

  int[] outputSlots();

  /** A short description for the plan's text form ({@code tanh}, {@code fused[mul,add,tanh]}). */
  String describe();
}
