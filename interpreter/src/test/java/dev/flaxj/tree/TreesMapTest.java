package dev.flaxj.tree;

import static dev.flaxj.tree.TreesFlattenTest.dict;
import static dev.flaxj.tree.TreesFlattenTest.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TreesMapTest {

  private static String failure(Executable call) {
    return assertThrows(IllegalArgumentException.class, call).getMessage();
  }

  @Test
  void mapAppliesToEveryLeafAndKeepsStructure() {
    Object tree = dict("b", list(1, 2), "a", Tuple.of(3, null));
    Object doubled = Trees.map((Integer x) -> x * 2, tree);
    assertEquals(dict("a", Tuple.of(6, null), "b", list(2, 4)), doubled);
    assertEquals(Trees.structure(tree), Trees.structure(doubled));
    assertEquals(dict(), Trees.map(x -> x, dict()));
  }

  @Test
  void mapOverTwoTreesPairsCorrespondingLeaves() {
    Object sum = Trees.map((Integer a, Integer b) -> a + b, list(1, Tuple.of(2, 3)), list(10, Tuple.of(20, 30)));
    assertEquals(list(11, Tuple.of(22, 33)), sum);
  }

  @Test
  void mapNTakesAnyNumberOfTrees() {
    Object tree = dict("x", 1, "y", list(2));
    Object result = Trees.mapN(args -> args, tree, dict("y", list(20), "x", 10), dict("x", 100, "y", list(200)));
    assertEquals(dict("x", List.of(1, 10, 100), "y", list(List.of(2, 20, 200))), result);
  }

  @Test
  void laterTreesMayHoldSubtreesWhereTheFirstHasLeaves() {
    // from jax 0.10.2: jax.tree.map(lambda a, b: (a, b), {'x': [1, 3]}, {'x': [[5, 6], [7]]})
    //   == {'x': [(1, [5, 6]), (3, [7])]}
    Object nested = Trees.map((a, b) -> Tuple.of(a, b), dict("x", list(1, 3)), dict("x", list(list(5, 6), list(7))));
    assertEquals(dict("x", list(Tuple.of(1, list(5, 6)), Tuple.of(3, list(7)))), nested);
    // from jax 0.10.2: jax.tree.map(lambda a, b: (a, b), {'x': [1, 3]}, {'x': [1, None]}) == {'x': [(1, 1), (3, None)]}
    Object withNone = Trees.map((a, b) -> Tuple.of(a, b), dict("x", list(1, 3)), dict("x", list(1, null)));
    assertEquals(dict("x", list(Tuple.of(1, 1), Tuple.of(3, null))), withNone);
  }

  @Test
  void dictKeyMismatchNamesKeysAndBothStructures() {
    // jax 0.10.2 reports "different pytree metadata" with ('a',) vs ('b',) for this call
    String message = failure(() -> Trees.map((a, b) -> a, dict("a", 1), dict("b", 2)));
    assertEquals("Trees.map: tree 2 does not match the structure of tree 1 at the root: dict key mismatch: "
        + "the keys are ['a'] in tree 1 but ['b'] in tree 2.\n"
        + "  tree 1: PyTreeDef({'a': *})\n"
        + "  tree 2: PyTreeDef({'b': *})", message);
    String extraKey = failure(() -> Trees.map((a, b) -> a, dict("a", 1), dict("a", 2, "b", 3)));
    assertTrue(extraKey.contains("['a'] in tree 1 but ['a', 'b'] in tree 2"), extraKey);
  }

  @Test
  void mismatchesDeepInsideGiveTheKeyPath() {
    // from jax 0.10.2: "different lengths of tuple at key path tree_map tree['x'][1]" for this call
    String length = failure(() ->
        Trees.map((a, b) -> a, dict("x", list(1, Tuple.of(2))), dict("x", list(1, Tuple.of(2, 3)))));
    assertTrue(length.contains("at key path ['x'][1]: different lengths of tuple: 1 in tree 1 but 2 in tree 2"),
        length);
    // from jax 0.10.2: "different types at key path tree_map tree['x'][1]" (NoneType vs int) for this call
    String none = failure(() -> Trees.map((a, b) -> a, dict("x", list(1, null)), dict("x", list(1, 3))));
    assertTrue(none.contains("at key path ['x'][1]: different types: tree 1 has None but tree 2 has a leaf of "
        + "type Integer"), none);
    assertTrue(none.contains("tree 1: PyTreeDef({'x': [*, None]})\n  tree 2: PyTreeDef({'x': [*, *]})"), none);
  }

  @Test
  void listAgainstTupleOrLeafIsATypeMismatch() {
    // from jax 0.10.2: jax.tree.map(f, [1, 2], (1, 2)) fails with "different types" (list vs tuple)
    String kinds = failure(() -> Trees.map((a, b) -> a, list(1, 2), Tuple.of(1, 2)));
    assertTrue(kinds.contains("at the root: different types: tree 1 has a list but tree 2 has a tuple"), kinds);
    String leaf = failure(() -> Trees.map((a, b) -> a, dict("x", 1), 5));
    assertTrue(leaf.contains("tree 1 has a dict but tree 2 has a leaf of type Integer"), leaf);
    // from jax 0.10.2: "different lengths of list" for jax.tree.map(f, [1, 2], [1])
    String shorter = failure(() -> Trees.map((a, b) -> a, list(1, 2), list(1)));
    assertTrue(shorter.contains("different lengths of list: 2 in tree 1 but 1 in tree 2"), shorter);
  }

  @Test
  void mismatchNamesWhichOfSeveralTreesDiffers() {
    String message = failure(() -> Trees.mapN(args -> 0, dict("x", 1), dict("x", 1), dict("y", 1)));
    assertTrue(message.startsWith("Trees.map: tree 3 does not match the structure of tree 1"), message);
  }

  @Test
  void aFirstTreeLeafAcceptsAnyOtherSubtree() {
    // from jax 0.10.2: jax.tree.map(lambda a, b: a, 5, {'x': 1}) == 5
    assertEquals(5, Trees.map((a, b) -> a, 5, dict("x", 1)));
  }

  @Test
  void mapWithPathGivesJaxKeyStrings() {
    Object tree = dict("c", null, "a", list(1, Tuple.of(2, dict("b", 3))));
    Object paths = Trees.mapWithPath((path, leaf) -> path.toString(), tree);
    // from jax 0.10.2: tree_map_with_path(lambda p, a: keystr(p), {'a': [1, (2, {'b': 3})], 'c': None})
    //   == {'a': ["['a'][0]", ("['a'][1][0]", {'b': "['a'][1][1]['b']"})], 'c': None}
    assertEquals(dict("a", list("['a'][0]", Tuple.of("['a'][1][0]", dict("b", "['a'][1][1]['b']"))), "c", null),
        paths);
    assertEquals("", Trees.mapWithPath((path, leaf) -> path.toString(), 7));
  }

  @Test
  void keyPathsPrintAsKeystr() {
    KeyPath path = KeyPath.of(new PathKey.DictKey("it's"), new PathKey.SequenceKey(2), new PathKey.GetAttrKey("w"),
        new PathKey.FlattenedIndexKey(3));
    // from jax 0.10.2: keystr((DictKey("it's"), SequenceKey(2), GetAttrKey('w'), FlattenedIndexKey(3)))
    assertEquals("[\"it's\"][2].w[<flat index 3>]", path.toString());
    assertEquals(path, KeyPath.of(new PathKey.DictKey("it's")).then(new PathKey.SequenceKey(2))
        .then(new PathKey.GetAttrKey("w")).then(new PathKey.FlattenedIndexKey(3)));
  }

  @Test
  void flattenUpToReturnsTheSubtreesUnderThePrefixLeaves() {
    TreeDef prefix = Trees.structure(Tuple.of(0, dict("a", 0)));
    Object full = Tuple.of(list(1, 2), dict("a", Tuple.of(3, 4)));
    assertEquals(List.of(list(1, 2), Tuple.of(3, 4)), prefix.flattenUpTo(full));
    String message = failure(() -> prefix.flattenUpTo(Tuple.of(1, 2)));
    assertTrue(message.startsWith("flattenUpTo: the tree does not match the structure of the tree definition "
        + "at key path [1]"), message);
  }
}
