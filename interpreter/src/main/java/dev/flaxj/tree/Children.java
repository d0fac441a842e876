package dev.flaxj.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A pytree node taken apart: its children in order, the key of each (for key paths), and the
 * static metadata needed to rebuild it. Metadata is compared with {@code equals} when tree
 * structures are compared, so it must implement {@code equals} and {@code hashCode}.
 */
public record Children(Object metadata, List<Object> values, List<PathKey> keys) {
  public Children {
    values = Collections.unmodifiableList(new ArrayList<>(values));
    keys = List.copyOf(keys);
    if (keys.size() != values.size()) {
      throw new IllegalArgumentException(
          "pytree node children: " + values.size() + " children but " + keys.size() + " keys");
    }
  }

  /** Children keyed by position, as JAX keys nodes registered without keys ({@code [<flat index i>]}). */
  public static Children of(Object metadata, List<?> values) {
    List<PathKey> keys = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      keys.add(new PathKey.FlattenedIndexKey(i));
    }
    return new Children(metadata, new ArrayList<>(values), keys);
  }

  int size() {
    return values.size();
  }

  boolean sameMetadata(Object otherMetadata) {
    return Objects.equals(metadata, otherMetadata);
  }
}
