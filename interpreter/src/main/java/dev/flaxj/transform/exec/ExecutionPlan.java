package dev.flaxj.transform.exec;

import dev.flaxj.array.Value;
import dev.flaxj.backend.Backend;
import dev.flaxj.backend.Backends;
import dev.flaxj.transform.ir.ClosedJaxpr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * A staged program turned into steps once, so that running it again does only the kernels' work:
 * what {@link dev.flaxj.transform.staging.Jitted} runs when a jitted function is called on
 * concrete arrays. Building the plan
 * <ul>
 *   <li>numbers every variable with a slot and looks up each primitive's kernel and output types
 *       once (no abstract evaluation per call);
 *   <li>folds a {@code transpose} of a {@code dot_general}'s result into the dot
 *       ({@link DotTransposeFolding});
 *   <li>inlines calls ({@code jit}, {@code remat2}, {@code custom_jvp_call}, {@code
 *       custom_vjp_call}) and the identities {@code name} and {@code stop_gradient};
 *   <li>fuses runs of float32 elementwise primitives over one shape into one loop
 *       ({@link FusedStep}) where the backend accepts it ({@link Backend#fusibleFloat32});
 *   <li>runs {@code scan}, {@code cond} and {@code while} through plans of their bodies;
 *   <li>drops each slot's reference after its last use, so the buffer can be collected while the
 *       rest of the program runs, or reused by a later fused step of the same run
 *       ({@link Buffers}).
 * </ul>
 * Its results equal {@link dev.flaxj.transform.ir.EvalJaxpr} of the same program on concrete
 * arrays, bit for bit. A plan is immutable and may run on several threads at once.
 */
public final class ExecutionPlan {
  private final Backend backend;
  private final Value[] template;
  private final int[] inSlots;
  private final Step[] steps;
  private final int[][] freeAfter;
  private final int[] outSlots;

  ExecutionPlan(Backend backend, Value[] template, int[] inSlots, Step[] steps, int[][] freeAfter,
      int[] outSlots) {
    this.backend = backend;
    this.template = template;
    this.inSlots = inSlots;
    this.steps = steps;
    this.freeAfter = freeAfter;
    this.outSlots = outSlots;
  }

  /** The plan of {@code jaxpr} on the current backend ({@link Backends#current()}). */
  public static ExecutionPlan of(ClosedJaxpr jaxpr) {
    return of(jaxpr, Backends.current());
  }

  public static ExecutionPlan of(ClosedJaxpr jaxpr, Backend backend) {
    return PlanBuilder.build(jaxpr.jaxpr(), jaxpr.consts(), backend);
  }

  /** The backend whose kernels the plan calls. */
  public Backend backend() {
    return backend;
  }

  /** Runs the program on concrete arrays of the types it was staged for. */
  public List<Value> run(List<? extends Value> args) {
    if (args.size() != inSlots.length) {
      throw new IllegalArgumentException("the plan takes " + inSlots.length + " arguments, got "
          + args.size());
    }
    Value[] env = template.clone();
    for (int i = 0; i < inSlots.length; i++) {
      env[inSlots[i]] = args.get(i);
    }
    return Arrays.asList(runSteps(env));
  }

  /**
   * Runs the program on {@code args}, one per argument (for the steps that run sub-plans, which
   * pass the right number); returns the results in a new array.
   */
  Value[] run(Value[] args) {
    Value[] env = template.clone();
    for (int i = 0; i < inSlots.length; i++) {
      env[inSlots[i]] = args[i];
    }
    return runSteps(env);
  }

  /** Runs the steps on {@code env}, the template with the arguments in place. */
  private Value[] runSteps(Value[] env) {
    Buffers buffers = new Buffers();
    for (int s = 0; s < steps.length; s++) {
      steps[s].run(env, buffers);
      for (int slot : freeAfter[s]) {
        Value dead = env[slot];
        env[slot] = null;
        buffers.release(dead, env);
      }
    }
    Value[] out = new Value[outSlots.length];
    for (int i = 0; i < outSlots.length; i++) {
      out[i] = env[outSlots[i]];
    }
    return out;
  }

  /** The steps, separated by {@code ; } (for tests and debugging). */
  String describe() {
    StringJoiner s = new StringJoiner("; ");
    for (Step step : steps) {
      s.add(step.describe());
    }
    return s.toString();
  }

  /** The slots freed after each step (for tests). */
  List<int[]> frees() {
    return Arrays.asList(freeAfter);
  }

  /** The slots each step writes (for tests). */
  List<int[]> writes() {
    List<int[]> out = new ArrayList<>();
    for (Step step : steps) {
      out.add(step.outputSlots());
    }
    return out;
  }

  @Override
  public String toString() {
    return "ExecutionPlan[" + backend.name() + "]{" + describe() + "}";
  }
}
