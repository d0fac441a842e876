package dev.flaxj.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TreesFlattenTest {

  /** A map that keeps insertion order, so that sorting is what puts keys in order. */
  static Map<String, Object> dict(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static List<Object> list(Object... items) {
    return new ArrayList<>(Arrays.asList(items));
  }

  @Test
  void dictLeavesComeInSortedKeyOrderWhateverTheInsertionOrder() {
    Object tree = dict("b", 1, "a", Tuple.of(2, null));
    Flattened flat = Trees.flatten(tree);
    // from jax 0.10.2: tree_flatten({'b': 1, 'a': (2, None)}) == ([2, 1], PyTreeDef({'a': (*, None), 'b': *}))
    assertEquals(List.of(2, 1), flat.leaves());
    assertEquals("PyTreeDef({'a': (*, None), 'b': *})", flat.treedef().toString());
    assertEquals(flat.treedef(), Trees.structure(dict("a", Tuple.of(7, null), "b", 8)));
  }

  @Test
  void unflattenBuildsSortedLinkedHashMaps() {
    Object rebuilt = Trees.structure(dict("b", 1, "a", 2, "c", 3)).unflatten(List.of(10, 20, 30));
    assertTrue(rebuilt instanceof LinkedHashMap);
    assertEquals(List.of("a", "b", "c"), new ArrayList<>(((Map<?, ?>) rebuilt).keySet()));
    assertEquals(Map.of("a", 10, "b", 20, "c", 30), rebuilt);
  }

  @Test
  void keysSortByCodePointAsPythonSortsStrings() {
    Object tree = dict("\uffff", 4, "\uD83D\uDE00", 5, "it's", 1, "a\"b", 2, "\u00e9", 3);
    // from jax 0.10.2: PyTreeDef({'a"b': *, "it's": *, 'é': *, '\uffff': *, '😀': *})
    // (Python prints U+FFFF as an escape; the order is the point here)
    assertEquals(List.of(2, 1, 3, 4, 5), Trees.leaves(tree));
    assertEquals("PyTreeDef({'a\"b': *, \"it's\": *, '\u00e9': *, '\uffff': *, '\uD83D\uDE00': *})",
        Trees.structure(tree).toString());
  }

  @Test
  void nestedListsTuplesNoneAndEmptyContainers() {
    Object tree = list(1, list(2, 3), Tuple.of(), list(), dict(), null);
    TreeDef def = Trees.structure(tree);
    // from jax 0.10.2: tree_structure([1, [2, 3], (), [], {}, None])
    assertEquals("PyTreeDef([*, [*, *], (), [], {}, None])", def.toString());
    assertEquals(List.of(1, 2, 3), Trees.leaves(tree));
    assertEquals(3, def.numLeaves());
    assertEquals(tree, def.unflatten(List.of(1, 2, 3)));
  }

  @Test
  void noneIsANodeWithoutLeaves() {
    // from jax 0.10.2: tree_leaves([None, (None,), {'a': None}]) == [], PyTreeDef(None)
    assertEquals(List.of(), Trees.leaves(list(null, Tuple.of((Object) null), dict("a", null))));
    assertEquals("PyTreeDef(None)", Trees.structure(null).toString());
    assertEquals(0, Trees.structure(null).numLeaves());
    assertEquals(null, Trees.structure(null).unflatten(List.of()));
  }

  @Test
  void leavesAreEverythingElse() {
    Array array = Array.of(new float[] {1, 2}, 2);
    // from jax 0.10.2: PyTreeDef(*), PyTreeDef((*,)), PyTreeDef({}), PyTreeDef({'a': [*, {'c': *}]})
    assertEquals("PyTreeDef(*)", Trees.structure(array).toString());
    assertTrue(Trees.structure("text").isLeaf());
    assertEquals("PyTreeDef((*,))", Trees.structure(Tuple.of(1.5)).toString());
    assertEquals("PyTreeDef({})", Trees.structure(new HashMap<>()).toString());
    assertEquals("PyTreeDef({'a': [*, {'c': *}]})", Trees.structure(dict("a", list(1, dict("c", 2)))).toString());
    assertEquals(List.of(array), Trees.leaves(array));
    assertEquals(array, Trees.structure(array).unflatten(List.of(array)));
  }

  @Test
  void roundTripKeepsTypesAndLeafIdentity() {
    Array x = Array.scalar(1f);
    Array y = Array.of(new int[] {1, 2, 3}, 3);
    Object tree = dict("params", dict("kernel", x, "bias", y), "extra", list(Tuple.of(x, null), "s"));
    Flattened flat = Trees.flatten(tree);
    Object rebuilt = flat.treedef().unflatten(flat.leaves());
    assertEquals(tree, rebuilt);
    Object extra = ((Map<?, ?>) rebuilt).get("extra");
    assertTrue(extra instanceof List);
    assertTrue(((List<?>) extra).get(0) instanceof Tuple);
    // sorted keys: extra = [(x, None), "s"] comes before params = {bias: y, kernel: x}
    assertEquals(List.of(x, "s", y, x), flat.leaves());
    assertTrue(flat.leaves().get(0) == x && flat.leaves().get(2) == y && flat.leaves().get(3) == x);
  }

  @Test
  void structuresCompareByNodeTypesKeysAndNesting() {
    assertEquals(Trees.structure(list(1, Tuple.of(2, 3))), Trees.structure(list("a", Tuple.of(4.0, true))));
    assertEquals(Trees.structure(list(1, 2)).hashCode(), Trees.structure(list(3, 4)).hashCode());
    assertNotEquals(Trees.structure(list(1, 2)), Trees.structure(Tuple.of(1, 2)));
    assertNotEquals(Trees.structure(list(1, 2)), Trees.structure(list(1, list(2))));
    assertNotEquals(Trees.structure(dict("a", 1)), Trees.structure(dict("b", 1)));
    assertNotEquals(Trees.structure(list(1, null)), Trees.structure(list(1, 2)));
  }

  @Test
  void unflattenRejectsWrongLeafCounts() {
    TreeDef def = Trees.structure(dict("a", 1, "b", Tuple.of(2, null)));
    // from jax 0.10.2: "Too few leaves for PyTreeDef; expected 2, got 1"
    IllegalArgumentException few = assertThrows(IllegalArgumentException.class, () -> def.unflatten(List.of(1)));
    assertEquals("Too few leaves for PyTreeDef({'a': *, 'b': (*, None)}); expected 2, got 1", few.getMessage());
    IllegalArgumentException many =
        assertThrows(IllegalArgumentException.class, () -> def.unflatten(List.of(1, 2, 3)));
    assertTrue(many.getMessage().startsWith("Too many leaves for PyTreeDef("), many.getMessage());
  }

  @Test
  void nonStringDictKeysAreRejected() {
    Map<Object, Object> bad = new LinkedHashMap<>();
    bad.put("a", 1);
    bad.put(2, 3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trees.flatten(list(bad)));
    assertTrue(e.getMessage().contains("dict keys must be strings, got key 2 of type Integer"), e.getMessage());
    Map<Object, Object> nullKey = new HashMap<>();
    nullKey.put(null, 1);
    assertThrows(IllegalArgumentException.class, () -> Trees.structure(nullKey));
  }

  @Test
  void tuplePrintsAsPython() {
    assertEquals("()", Tuple.of().toString());
    assertEquals("('a',)", Tuple.of("a").toString());
    assertEquals("(1, None, \"it's\", True)", Tuple.of(1, null, "it's", true).toString());
    assertEquals(Tuple.of(1, null), new Tuple(list(1, null)));
    assertThrows(UnsupportedOperationException.class, () -> Tuple.of(1).items().set(0, 2));
  }

  @Test
  void flattenedLeavesAreReadOnly() {
    assertThrows(UnsupportedOperationException.class, () -> Trees.flatten(list(1)).leaves().add(2));
    assertThrows(UnsupportedOperationException.class, () -> Trees.leaves(list(1)).add(2));
  }
}
