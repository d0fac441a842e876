package dev.flaxj.transform.staging;

import dev.flaxj.transform.ir.Var;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where in the user's program staged equations come from (JAX's {@code source_info}), recorded
 * only on request: {@link #recording} runs a body with a locator that is asked, for each equation
 * staged on this thread meanwhile, where the program is, and keeps the answer for each of the
 * equation's output variables.
 */
public final class SourceInfo {
  private record Recording(Supplier<String> where, Map<Var, String> sources) {}

  private static final ThreadLocal<Recording> CURRENT = new ThreadLocal<>();

  private SourceInfo() {}

  /** {@code body}'s result; meanwhile each staged output variable's location goes to {@code sources}. */
  public static <T> T recording(Supplier<String> where, Map<Var, String> sources, Supplier<T> body) {
    Recording outer = CURRENT.get();
    CURRENT.set(new Recording(where, sources));
    try {
      return body.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** Records where the equation with these outputs is being staged, if someone asked. */
  static void note(List<Var> outvars) {
    Recording r = CURRENT.get();
    if (r != null) {
      String at = r.where().get();
      for (Var v : outvars) {
        r.sources().put(v, at);
      }
    }
  }
}
