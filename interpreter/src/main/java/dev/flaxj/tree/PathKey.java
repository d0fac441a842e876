package dev.flaxj.tree;

/** One step of a key path from the root of a pytree to a subtree; prints as in JAX's keystr. */
public sealed interface PathKey {

  /** A dict entry: {@code ['name']}. */
  record DictKey(String key) implements PathKey {
    @Override
    public String toString() {
      return "[" + PyRepr.string(key) + "]";
    }
  }

  /** An item of a list or tuple: {@code [0]}. */
  record SequenceKey(int index) implements PathKey {
    @Override
    public String toString() {
      return "[" + index + "]";
    }
  }

  /** A named field of a custom node: {@code .name}. */
  record GetAttrKey(String name) implements PathKey {
    @Override
    public String toString() {
      return "." + name;
    }
  }

  /** A child of a custom node registered without keys, by position: {@code [<flat index 0>]}. */
  record FlattenedIndexKey(int index) implements PathKey {
    @Override
    public String toString() {
      return "[<flat index " + index + ">]";
    }
  }
}
