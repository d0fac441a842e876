package dev.flaxj.linen.transforms;

import dev.flaxj.core.Scope;
import dev.flaxj.linen.Module;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The bound modules a module holds in its fields that belong to another part of the model (Flax's
 * modules passed "from the outside" as dataclass attributes): their scopes are lifted with the
 * module's, and the module's copy inside the transform holds copies bound to the inner scopes.
 * Modules held in lists are included; modules bound below the module's own scope (its setup
 * children) are not, as the copy rebuilds those itself.
 */
final class FieldRefs {
  /** A field of the prototype holding {@code module}, at {@code index} of a list field (or -1). */
  record Ref(Field field, int index, Module module) {}

  private FieldRefs() {}

  static List<Ref> collect(Module prototype, Scope ownScope) {
    List<Ref> refs = new ArrayList<>();
    for (Class<?> c = prototype.getClass(); c != Module.class && c != null; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        Object value = read(f, prototype);
        if (value instanceof Module m && isForeign(m, ownScope)) {
          refs.add(new Ref(f, -1, m));
        } else if (value instanceof List<?> list) {
          for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Module m && isForeign(m, ownScope)) {
              refs.add(new Ref(f, i, m));
            }
          }
        }
      }
    }
    return refs;
  }

  /** Sets {@code ref}'s field (or list element) of {@code target} to {@code value}. */
  static void set(Ref ref, Module target, Module value) {
    try {
      if (ref.index() < 0) {
        ref.field().set(target, value);
      } else {
        List<Object> list = new ArrayList<>((List<?>) ref.field().get(target));
        list.set(ref.index(), value);
        ref.field().set(target, java.util.Collections.unmodifiableList(list));
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot write field " + ref.field().getName(), e);
    }
  }

  private static boolean isForeign(Module m, Scope ownScope) {
    if (m.scope() == null) {
      return false;
    }
    for (Scope s = m.scope(); s != null; s = s.parent()) {
      if (s == ownScope) {
        return false;
      }
    }
    return true;
  }

  private static Object read(Field f, Object owner) {
    try {
      f.setAccessible(true);
      return f.get(owner);
    } catch (IllegalAccessException | RuntimeException e) {
      return null;
    }
  }
}
