package dev.flaxj.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.HostAccess;

/**
 * The Python packages shipped as resources under {@code flaxj-python/} ({@code jax}, {@code flax},
 * the runtime), served to the import hook that {@code _flaxj_importer.py} installs, so that Python
 * never needs file access to import them.
 */
public final class ResourceModules {
  static final String ROOT = "flaxj-python/";

  /** The resource path of module {@code name}, or null if there is none. */
  @HostAccess.Export
  public String path(String name) {
    String base = ROOT + name.replace('.', '/');
    if (exists(base + "/__init__.py")) {
      return base + "/__init__.py";
    }
    return exists(base + ".py") ? base + ".py" : null;
  }

  /** The source text of a resource found by {@link #path}. */
  @HostAccess.Export
  public String source(String path) {
    return read(path);
  }

  static String read(String path) {
    try (InputStream in = ResourceModules.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean exists(String path) {
    return ResourceModules.class.getClassLoader().getResource(path) != null;
  }
}
