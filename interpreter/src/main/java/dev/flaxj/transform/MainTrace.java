package dev.flaxj.transform;

import java.util.function.Function;

/**
 * One active transformation on the trace stack: its level (its position on the stack), how to
 * make a {@link Trace} for it, and data shared by all its traces (for example the builder of a
 * staged program). As in Autodidax, a tracer belongs to exactly one main trace.
 */
public final class MainTrace {
  private final int level;
  private final Function<MainTrace, Trace> traceFactory;
  private final Object globalData;

  MainTrace(int level, Function<MainTrace, Trace> traceFactory, Object globalData) {
    this.level = level;
    this.traceFactory = traceFactory;
    this.globalData = globalData;
  }

  public int level() {
    return level;
  }

  public Object globalData() {
    return globalData;
  }

  /** A fresh trace of this main trace's kind. */
  public Trace trace() {
    return traceFactory.apply(this);
  }

  @Override
  public String toString() {
    return "MainTrace(level=" + level + ")";
  }
}
