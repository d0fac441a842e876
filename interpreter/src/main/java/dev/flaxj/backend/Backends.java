package dev.flaxj.backend;

import dev.flaxj.backend.reference.ReferenceBackend;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Chooses the backend: the system property {@code flaxj.backend}, else the environment variable
 * {@code FLAXJ_BACKEND}, else {@code reference}. Other backends are found with
 * {@link ServiceLoader}.
 */
public final class Backends {
  private static volatile Backend current;
  private static final ThreadLocal<Backend> scoped = new ThreadLocal<>();

  private Backends() {}

  public static Backend current() {
    Backend s = scoped.get();
    if (s != null) {
      return s;
    }
    Backend b = current;
    if (b == null) {
      synchronized (Backends.class) {
        if (current == null) {
          current = byName(configuredName());
        }
        b = current;
      }
    }
    return b;
  }

  /** Switches the process-wide backend (tests that compare backends use this). */
  public static void use(Backend backend) {
    current = backend;
  }

  /**
   * Runs {@code block} with {@code backend} as the current backend of this thread only, then
   * restores the previous choice (even if {@code block} throws); blocks may nest. Tests that
   * evaluate one program on two backends in one JVM use this.
   */
  public static <T> T with(Backend backend, Supplier<T> block) {
    Backend previous = scoped.get();
    scoped.set(backend);
    try {
      return block.get();
    } finally {
      if (previous == null) {
        scoped.remove();
      } else {
        scoped.set(previous);
      }
    }
  }

  static String configuredName() {
    String name = System.getProperty("flaxj.backend");
    if (name == null || name.isEmpty()) {
      name = System.getenv("FLAXJ_BACKEND");
    }
    return name == null || name.isEmpty() ? ReferenceBackend.NAME : name;
  }

  /** The backend with this name, or an {@link IllegalArgumentException} listing those found. */
  public static Backend byName(String name) {
    if (ReferenceBackend.NAME.equals(name)) {
      return ReferenceBackend.INSTANCE;
    }
    StringBuilder found = new StringBuilder(ReferenceBackend.NAME);
    for (Backend b : ServiceLoader.load(Backend.class)) {
      if (b.name().equals(name)) {
        return b;
      }
      found.append(", ").append(b.name());
    }
    throw new IllegalArgumentException("unknown backend '" + name + "'; available: " + found);
  }
}
