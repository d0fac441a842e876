package dev.flaxj.tree;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A kind of pytree node: how to take a container of class {@code type} apart into {@link Children}
 * and how to rebuild it from metadata and (possibly transformed) children. Custom kinds are made
 * known with {@link NodeRegistry#register}.
 */
public record NodeType<T>(
    String name,
    Class<T> type,
    Function<? super T, Children> flatten,
    BiFunction<Object, List<Object>, ? extends T> unflatten) {

  /** A custom node type named after its class. */
  public static <T> NodeType<T> of(
      Class<T> type,
      Function<? super T, Children> flatten,
      BiFunction<Object, List<Object>, ? extends T> unflatten) {
    return new NodeType<>(type.getSimpleName(), type, flatten, unflatten);
  }

  Children children(Object node) {
    return flatten.apply(type.cast(node));
  }

  Object rebuild(Object metadata, List<Object> children) {
    return unflatten.apply(metadata, children);
  }

  @Override
  public String toString() {
    return "NodeType[" + name + "]";
  }
}
