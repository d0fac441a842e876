package dev.flaxj.linen;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Names the submodules a module holds in its fields, as Flax names dataclass attributes and
 * {@code setup} assignments: a module field is named after the field, a list field's modules
 * {@code field_<index>}. Unbound modules passed in from outside are copied and adopted.
 */
final class FieldModules {
  private FieldModules() {}

  static void adopt(Module owner) {
    for (Class<?> c = owner.getClass(); c != Module.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers())) {
          adoptField(owner, f);
        }
      }
    }
  }

  private static void adoptField(Module owner, Field f) {
    try {
      f.setAccessible(true);
      Object value = f.get(owner);
      if (value instanceof Module m) {
        Module claimed = owner.claim(m, f.getName());
        if (claimed != m) {
          f.set(owner, claimed);
        }
      } else if (value instanceof List<?> list) {
        List<Object> out = new ArrayList<>(list);
        boolean changed = false;
        for (int i = 0; i < out.size(); i++) {
          if (out.get(i) instanceof Module m) {
            Module claimed = owner.claim(m, f.getName() + "_" + i);
            changed |= claimed != m;
            out.set(i, claimed);
          }
        }
        if (changed) {
          f.set(owner, Collections.unmodifiableList(out));
        }
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read field " + f.getName() + " of "
          + owner.getClass().getName(), e);
    }
  }
}
