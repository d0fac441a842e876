package dev.flaxj.transform;

import dev.flaxj.array.Value;

/** A value that stands for an array while a transformation traces a function. */
public abstract class Tracer implements Value {
  /** The trace this tracer belongs to. */
  public abstract Trace trace();

  /**
   * This tracer, or a lower-level value that means the same (for example a JVP tracer whose
   * tangent is known to be zero may lower to its primal). Default: itself.
   */
  public Value fullLower() {
    return this;
  }
}
