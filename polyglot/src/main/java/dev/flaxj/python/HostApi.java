package dev.flaxj.python;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.graalvm.polyglot.HostAccess;

/**
 * The host access of every flaxj context: the public methods and fields of the classes in
 * {@link Bridges} (those declared by flaxj classes, so no {@code Object}/{@code Class} methods), read access to
 * Java arrays they return, and nothing else. Python cannot implement Java interfaces directly;
 * callables cross through {@link PyBridge}.
 */
final class HostApi {
  private HostApi() {}

  static HostAccess access() {
    HostAccess.Builder b = HostAccess.newBuilder()
        .allowArrayAccess(true)
        .allowAccessAnnotatedBy(HostAccess.Export.class);
    for (Class<?> c : Bridges.FACADES) {
      allowFlaxjMethods(b, c);
    }
    for (Class<?> c : Bridges.TYPES) {
      allowFlaxjMethods(b, c);
    }
    return b.build();
  }

  private static void allowFlaxjMethods(HostAccess.Builder b, Class<?> c) {
    for (java.lang.reflect.Field f : c.getFields()) {
      if (f.getDeclaringClass().getName().startsWith("dev.flaxj.")) {
        b.allowAccess(f);
      }
    }
    for (Method m : c.getMethods()) {
      if (m.getDeclaringClass().getName().startsWith("dev.flaxj.")
          && Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
        b.allowAccess(m);
      }
    }
  }
}
