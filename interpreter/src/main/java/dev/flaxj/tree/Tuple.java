package dev.flaxj.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An immutable Python tuple: a pytree node whose children are its items. Items may be {@code null}
 * (Python's {@code None}).
 */
public record Tuple(List<Object> items) {
  public Tuple {
    items = Collections.unmodifiableList(new ArrayList<>(items));
  }

  public static Tuple of(Object... items) {
    return new Tuple(Arrays.asList(items));
  }

  public int size() {
    return items.size();
  }

  public Object get(int index) {
    return items.get(index);
  }

  /** Python's repr: {@code ()}, {@code ('a',)}, {@code (1, None)}. */
  @Override
  public String toString() {
    return PyRepr.join(items, "(", ")", true);
  }
}
