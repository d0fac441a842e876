package dev.flaxj.transform.batching;

import dev.flaxj.lax.NamedAxisPrimitive;
import dev.flaxj.transform.MainTrace;
import dev.flaxj.transform.Trace;
import dev.flaxj.transform.TraceStack;
import java.util.List;

/**
 * The named axes of the active {@code vmap}s: a name refers to the innermost batch main trace
 * whose {@link AxisData} carries it (inner names shadow outer ones).
 */
public final class AxisEnv {
  private AxisEnv() {}

  /** The innermost batch main trace named {@code name}; {@code p}'s unbound-name error if none. */
  static MainTrace lookup(NamedAxisPrimitive p, String name) {
    for (MainTrace m : TraceStack.fromTop()) {
      if (m.globalData() instanceof AxisData && name.equals(((AxisData) m.globalData()).name())) {
        return m;
      }
    }
    throw new IllegalArgumentException(p.unboundMessage(name));
  }

  /**
   * The named axes in scope, innermost first. A staged program that uses collectives depends on
   * them beyond its arguments (JAX keys its jit cache on them: pmean divides by an axis size,
   * all_gather records one).
   */
  public static List<AxisData> named() {
    List<AxisData> out = new java.util.ArrayList<>();
    for (MainTrace m : TraceStack.fromTop()) {
      if (m.globalData() instanceof AxisData && ((AxisData) m.globalData()).name() != null) {
        out.add((AxisData) m.globalData());
      }
    }
    return out;
  }

  /** The size of the axis {@code name}, for {@code p} (whose message reports an unbound name). */
  public static int axisSize(NamedAxisPrimitive p, String name) {
    return ((AxisData) lookup(p, name).globalData()).size();
  }

  /**
   * {@code top}, or the trace of the highest batch main trace among {@code names} when that is
   * higher: a collective is interpreted by every vmap it names.
   */
  public static Trace dispatchTrace(Trace top, NamedAxisPrimitive p, List<String> names) {
    MainTrace highest = top.main();
    for (String name : names) {
      MainTrace m = lookup(p, name);
      if (m.level() > highest.level()) {
        highest = m;
      }
    }
    return highest == top.main() ? top : highest.trace();
  }
}
