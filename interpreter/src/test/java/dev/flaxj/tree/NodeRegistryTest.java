package dev.flaxj.tree;

import static dev.flaxj.tree.TreesFlattenTest.dict;
import static dev.flaxj.tree.TreesFlattenTest.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeRegistryTest {

  /** A tagged pair whose children are keyed by field name, like a registered dataclass. */
  record Pair(Object x, Object y, String tag) {}

  /** Registered without keys: its children are keyed by flat index. */
  static class Box {
    final Object content;

    Box(Object content) {
      this.content = content;
    }
  }

  /** Not registered: subclasses of a node type are leaves, as in JAX. */
  static final class SubBox extends Box {
    SubBox(Object content) {
      super(content);
    }
  }

  /** A read-only Map registered on its own, as the Flax layer registers FrozenDict. */
  static final class FrozenDict extends AbstractMap<String, Object> {
    private final Map<String, Object> entries;

    FrozenDict(Map<String, Object> entries) {
      this.entries = new LinkedHashMap<>(entries);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return java.util.Collections.unmodifiableMap(entries).entrySet();
    }
  }

  static {
    NodeRegistry.register(NodeType.of(Pair.class,
        p -> new Children(p.tag(), list(p.x(), p.y()), List.of(new PathKey.GetAttrKey("x"), new PathKey.GetAttrKey("y"))),
        (tag, c) -> new Pair(c.get(0), c.get(1), (String) tag)));
    NodeRegistry.register(NodeType.of(Box.class, b -> Children.of(null, list(b.content)), (m, c) -> new Box(c.get(0))));
    NodeRegistry.register(NodeType.of(FrozenDict.class, NodeRegistryTest::flattenFrozen, NodeRegistryTest::unflattenFrozen));
  }

  private static Children flattenFrozen(FrozenDict d) {
    List<String> keys = new ArrayList<>(d.keySet());
    keys.sort(null);
    List<Object> values = new ArrayList<>();
    List<PathKey> pathKeys = new ArrayList<>();
    for (String key : keys) {
      values.add(d.get(key));
      pathKeys.add(new PathKey.DictKey(key));
    }
    return new Children(new Tuple(new ArrayList<>(keys)), values, pathKeys);
  }

  private static FrozenDict unflattenFrozen(Object metadata, List<Object> children) {
    Map<String, Object> entries = new LinkedHashMap<>();
    Tuple keys = (Tuple) metadata;
    for (int i = 0; i < keys.size(); i++) {
      entries.put((String) keys.get(i), children.get(i));
    }
    return new FrozenDict(entries);
  }

  @Test
  void customNodesFlattenAndRebuild() {
    Object tree = list(new Pair(1, list(2, 3), "meta"), 4);
    Flattened flat = Trees.flatten(tree);
    assertEquals(List.of(1, 2, 3, 4), flat.leaves());
    // from jax 0.10.2, for a class P registered with metadata 'meta': PyTreeDef(CustomNode(P[meta], [*, [*, *]]))
    assertEquals("PyTreeDef([CustomNode(Pair[meta], [*, [*, *]]), *])", flat.treedef().toString());
    Object rebuilt = Trees.map((Integer v) -> v * 10, tree);
    assertEquals(list(new Pair(10, list(20, 30), "meta"), 40), rebuilt);
  }

  @Test
  void registeredMapClassesUseTheirOwnRulesNotTheDictRules() {
    Object tree = new FrozenDict(dict("b", 1, "a", list(2)));
    // from jax 0.10.2: tree_structure(freeze({'b': 1, 'a': [2]})) == PyTreeDef(CustomNode(FrozenDict[('a', 'b')], [[*], *]))
    assertEquals("PyTreeDef(CustomNode(FrozenDict[('a', 'b')], [[*], *]))", Trees.structure(tree).toString());
    Object rebuilt = Trees.map((Integer v) -> -v, tree);
    assertTrue(rebuilt instanceof FrozenDict);
    assertEquals(dict("a", list(-2), "b", -1), rebuilt);
    assertFalse(Trees.structure(tree).equals(Trees.structure(dict("b", 1, "a", list(2)))));
  }

  @Test
  void customKeysAppearInPaths() {
    // from jax 0.10.2: FrozenDict children are keyed ['a'][0] and ['b']; keyed fields print .x and .y[0];
    // children of a node registered without keys print [<flat index 0>]
    Object tree = list(new FrozenDict(dict("b", 1, "a", list(2))), new Pair(3, list(4), "t"), new Box(5));
    Object paths = Trees.mapWithPath((path, leaf) -> path.toString(), tree);
    assertEquals(List.of("[0]['a'][0]", "[0]['b']", "[1].x", "[1].y[0]", "[2][<flat index 0>]"), Trees.leaves(paths));
  }

  @Test
  void lookupIsByExactClass() {
    assertEquals(List.of(7), Trees.leaves(new Box(7)));
    SubBox sub = new SubBox(7);
    // from jax 0.10.2: a subclass of a registered class has structure PyTreeDef(*)
    assertEquals(List.of(sub), Trees.leaves(sub));
  }

  @Test
  void metadataAndTypeMismatchesAreReported() {
    String tags = assertThrows(IllegalArgumentException.class,
        () -> Trees.map((a, b) -> a, new Pair(1, 2, "p"), new Pair(1, 2, "q"))).getMessage();
    assertTrue(tags.contains("at the root: custom node metadata mismatch for Pair: 'p' in tree 1 but 'q' in tree 2"),
        tags);
    String types = assertThrows(IllegalArgumentException.class,
        () -> Trees.map((a, b) -> a, list(new Box(1)), list(new Pair(1, 2, "p")))).getMessage();
    assertTrue(types.contains("at key path [0]: different types: tree 1 has a Box node but tree 2 has a Pair node"),
        types);
  }

  @Test
  void aClassRegistersOnceAndBuiltinsCannotBeReplaced() {
    assertTrue(NodeRegistry.isRegistered(Box.class));
    assertFalse(NodeRegistry.isRegistered(SubBox.class));
    // jax 0.10.2: "Duplicate custom PyTreeDef type registration for <class ...>"
    IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
        () -> NodeRegistry.register(NodeType.of(Box.class, b -> Children.of(null, List.of()), (m, c) -> new Box(null))));
    assertTrue(duplicate.getMessage().contains("duplicate custom pytree node registration"), duplicate.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> NodeRegistry.register(NodeType.of(Tuple.class, t -> Children.of(null, List.of()), (m, c) -> Tuple.of())));
  }

  @Test
  void childrenNeedOneKeyPerChild() {
    assertThrows(IllegalArgumentException.class, () -> new Children(null, List.of(1, 2), List.of(new PathKey.SequenceKey(0))));
  }
}
