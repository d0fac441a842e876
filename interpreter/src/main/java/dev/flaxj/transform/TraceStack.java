package dev.flaxj.transform;

import dev.flaxj.array.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The stack of active transformations of the current thread, bottom (level 0) evaluation.
 * A transformation pushes a {@link MainTrace} for as long as it traces a function, with
 * try-with-resources on {@link #push}. The "dynamic" main trace, when set, is where primitives
 * applied to constants only are staged (as jit does in JAX).
 */
public final class TraceStack {
  private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

  private TraceStack() {}

  private static final class State {
    final List<MainTrace> stack = new ArrayList<>();
    MainTrace dynamic;

    State() {
      MainTrace eval = new MainTrace(0, EvalTrace::new, null);
      stack.add(eval);
      dynamic = eval;
    }
  }

  /** An entry on the stack, removed by {@link #close()}. */
  public static final class Entry implements AutoCloseable {
    private final MainTrace main;
    private final MainTrace previousDynamic;

    private Entry(MainTrace main, MainTrace previousDynamic) {
      this.main = main;
      this.previousDynamic = previousDynamic;
    }

    public MainTrace main() {
      return main;
    }

    @Override
    public void close() {
      State s = STATE.get();
      MainTrace top = s.stack.remove(s.stack.size() - 1);
      if (top != main) {
        throw new IllegalStateException("trace stack closed out of order: " + top + " vs " + main);
      }
      s.dynamic = previousDynamic;
    }
  }

  /** Pushes a new main trace on top of the stack. */
  public static Entry push(Function<MainTrace, Trace> traceFactory, Object globalData) {
    State s = STATE.get();
    MainTrace m = new MainTrace(s.stack.size(), traceFactory, globalData);
    s.stack.add(m);
    return new Entry(m, s.dynamic);
  }

  /** Pushes a new main trace and makes it the dynamic one (used by staging). */
  public static Entry pushDynamic(Function<MainTrace, Trace> traceFactory, Object globalData) {
    State s = STATE.get();
    Entry e = push(traceFactory, globalData);
    s.dynamic = e.main();
    return e;
  }

  /**
   * The trace a primitive applied to {@code args} runs in: the highest-level main trace among the
   * arguments' tracers and the dynamic one.
   */
  public static Trace findTopTrace(List<Value> args) {
    MainTrace top = STATE.get().dynamic;
    for (Value v : args) {
      if (v instanceof Tracer) {
        MainTrace m = ((Tracer) v).trace().main();
        if (m.level() > top.level()) {
          top = m;
        }
      }
    }
    return top.trace();
  }

  /** The main traces on the stack, innermost (highest level) first, evaluation last. */
  public static List<MainTrace> fromTop() {
    List<MainTrace> out = new ArrayList<>(STATE.get().stack);
    java.util.Collections.reverse(out);
    return out;
  }

  /** Boxes {@code v} as a value of {@code trace}: pure for constants, lift for lower tracers. */
  public static Value fullRaise(Trace trace, Value v) {
    if (!(v instanceof Tracer)) {
      return trace.pure(v);
    }
    MainTrace vm = ((Tracer) v).trace().main();
    MainTrace tm = trace.main();
    if (vm == tm) {
      return v;
    }
    if (vm.level() < tm.level()) {
      return trace.lift(v);
    }
    if (vm.level() > tm.level()) {
      throw new IllegalStateException("cannot lift a tracer of level " + vm.level()
          + " to level " + tm.level() + ": a tracer escaped its transformation");
    }
    throw new IllegalStateException("different traces at the same level " + vm.level()
        + ": a tracer escaped its transformation");
  }

  /** The value a transformation returns to its caller: tracers lowered where possible. */
  public static Value fullLower(Value v) {
    return v instanceof Tracer ? ((Tracer) v).fullLower() : v;
  }
}
