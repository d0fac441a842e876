package dev.flaxj.tree;

import java.util.ArrayList;
import java.util.List;

/** The keys from the root of a pytree to one of its subtrees; prints as JAX's keystr, e.g. {@code ['a'][0]}. */
public record KeyPath(List<PathKey> keys) {
  static final KeyPath ROOT = new KeyPath(List.of());

  public KeyPath {
    keys = List.copyOf(keys);
  }

  public static KeyPath of(PathKey... keys) {
    return new KeyPath(List.of(keys));
  }

  /** This path extended by one key. */
  public KeyPath then(PathKey key) {
    List<PathKey> longer = new ArrayList<>(keys.size() + 1);
    longer.addAll(keys);
    longer.add(key);
    return new KeyPath(longer);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    keys.forEach(out::append);
    return out.toString();
  }
}
