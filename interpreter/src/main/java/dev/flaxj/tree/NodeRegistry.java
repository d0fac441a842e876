package dev.flaxj.tree;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which objects are pytree nodes. Custom node types are looked up by exact class, before the
 * built-in ones, so a registered class that implements {@code Map} or {@code List} is flattened by
 * its own rules. Everything that is neither registered nor built in is a leaf.
 */
public final class NodeRegistry {
  private static final Map<Class<?>, NodeType<?>> CUSTOM = new ConcurrentHashMap<>();

  private NodeRegistry() {}

  /** Makes a custom node type known; a class may be registered once. */
  public static <T> NodeType<T> register(NodeType<T> nodeType) {
    Class<T> type = nodeType.type();
    if (type == Tuple.class || type == Map.class || type == List.class) {
      throw new IllegalArgumentException("NodeRegistry.register: " + type.getName() + " is a built-in pytree node");
    }
    if (CUSTOM.putIfAbsent(type, nodeType) != null) {
      throw new IllegalArgumentException("NodeRegistry.register: duplicate custom pytree node registration for " + type.getName());
    }
    return nodeType;
  }

  public static boolean isRegistered(Class<?> type) {
    return CUSTOM.containsKey(type);
  }

  /** The node type of {@code value}, or null when it is a leaf. */
  static NodeType<?> lookup(Object value) {
    if (value == null) {
      return BuiltinNodes.NONE;
    }
    NodeType<?> custom = CUSTOM.get(value.getClass());
    if (custom != null) {
      return custom;
    }
    if (value instanceof Tuple) {
      return BuiltinNodes.TUPLE;
    }
    if (value instanceof Map) {
      return BuiltinNodes.DICT;
    }
    if (value instanceof List) {
      return BuiltinNodes.LIST;
    }
    return null;
  }
}
