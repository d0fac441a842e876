package dev.flaxj.python;

import org.graalvm.polyglot.Engine;

/**
 * The one GraalPy engine of the process: every {@link PythonSession} (a script, a doctest run, a
 * test) shares it, so parsed and warmed-up code is reused and only the first session pays for
 * starting the language.
 */
public final class PythonEngine {
  private static Engine engine;

  private PythonEngine() {}

  static synchronized Engine shared() {
    if (engine == null) {
      engine = Engine.newBuilder("python")
          .option("engine.WarnInterpreterOnly", "false")
          .build();
    }
    return engine;
  }
}
