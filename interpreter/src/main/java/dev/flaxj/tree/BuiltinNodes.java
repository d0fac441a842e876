package dev.flaxj.tree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The node types every pytree knows: dict (String-keyed Map), list, {@link Tuple} and None (null). */
final class BuiltinNodes {
  private BuiltinNodes() {}

  /** Python's order on str: by code point (String.compareTo compares UTF-16 units). */
  private static final Comparator<String> CODE_POINT_ORDER =
      (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
          int ca = a.codePointAt(i);
          int cb = b.codePointAt(j);
          if (ca != cb) {
            return Integer.compare(ca, cb);
          }
          i += Character.charCount(ca);
          j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
      };

  @SuppressWarnings({"unchecked", "rawtypes"})
  static final NodeType<Map<?, ?>> DICT =
      new NodeType<>("dict", (Class) Map.class, BuiltinNodes::flattenDict, BuiltinNodes::buildDict);

  @SuppressWarnings({"unchecked", "rawtypes"})
  static final NodeType<List<?>> LIST =
      new NodeType<List<?>>("list", (Class) List.class, BuiltinNodes::flattenSequence, (m, c) -> new ArrayList<>(c));

  static final NodeType<Tuple> TUPLE =
      new NodeType<>("tuple", Tuple.class, t -> flattenSequence(t.items()), (m, c) -> new Tuple(c));

  static final NodeType<Void> NONE =
      new NodeType<>("NoneType", Void.class, n -> Children.of(null, List.of()), (m, c) -> null);

  private static Children flattenDict(Map<?, ?> map) {
    List<String> keys = new ArrayList<>(map.size());
    for (Object key : map.keySet()) {
      if (!(key instanceof String s)) {
        throw new IllegalArgumentException(
            "pytree dict keys must be strings, got key " + PyRepr.of(key)
                + (key == null ? "" : " of type " + key.getClass().getSimpleName())
                + " in a map with keys " + map.keySet());
      }
      keys.add(s);
    }
    keys.sort(CODE_POINT_ORDER);
    List<Object> values = new ArrayList<>(keys.size());
    List<PathKey> pathKeys = new ArrayList<>(keys.size());
    for (String key : keys) {
      values.add(map.get(key));
      pathKeys.add(new PathKey.DictKey(key));
    }
    return new Children(List.copyOf(keys), values, pathKeys);
  }

  @SuppressWarnings("unchecked")
  private static Map<?, ?> buildDict(Object metadata, List<Object> children) {
    List<String> keys = (List<String>) metadata;
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      map.put(keys.get(i), children.get(i));
    }
    return map;
  }

  private static Children flattenSequence(List<?> items) {
    List<PathKey> keys = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      keys.add(new PathKey.SequenceKey(i));
    }
    return new Children(null, new ArrayList<>(items), keys);
  }
}
