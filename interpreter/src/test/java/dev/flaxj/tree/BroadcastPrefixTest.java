package dev.flaxj.tree;

import static dev.flaxj.tree.TreesFlattenTest.dict;
import static dev.flaxj.tree.TreesFlattenTest.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values from jax 0.10.2's jax._src.api_util.flatten_axes, which reads vmap's in_axes. */
class BroadcastPrefixTest {

  @Test
  void aLeafOfThePrefixCoversItsWholeSubtree() {
    // flatten_axes("vmap in_axes", tree_structure(([1, 2], {'a': 3})), (0, 1)) == [0, 0, 1]
    assertEquals(List.of(0, 0, 1), Trees.broadcastPrefix(Tuple.of(0, 1), Tuple.of(list(1, 2), dict("a", 3))));
  }

  @Test
  void noneInThePrefixIsALeafValue() {
    // flatten_axes(..., tree_structure(([1, 2], {'a': 3})), (0, None)) == [0, 0, None]
    assertEquals(Arrays.asList(0, 0, null),
        Trees.broadcastPrefix(Tuple.of(0, null), Tuple.of(list(1, 2), dict("a", 3))));
    // flatten_axes(..., tree_structure(([1, 2], {'a': 3})), None) == [None, None, None]
    assertEquals(Arrays.asList(null, null, null), Trees.broadcastPrefix(null, Tuple.of(list(1, 2), dict("a", 3))));
  }

  @Test
  void nestedPrefixesAndNoneInTheFullTree() {
    // flatten_axes(..., tree_structure(([1, 2], {'a': 3, 'b': None})), (0, {'a': None, 'b': 1})) == [0, 0, None]
    Object full = Tuple.of(list(1, 2), dict("a", 3, "b", null));
    assertEquals(Arrays.asList(0, 0, null), Trees.broadcastPrefix(Tuple.of(0, dict("b", 1, "a", null)), full));
    // flatten_axes(..., tree_structure(([1, 2], None)), (0, 1)) == [0, 0]: None covers no leaves
    assertEquals(List.of(0, 0), Trees.broadcastPrefix(Tuple.of(0, 1), Tuple.of(list(1, 2), null)));
    assertEquals(List.of(), Trees.broadcastPrefix(0, Tuple.of()));
  }

  @Test
  void aPrefixThatIsNotAPrefixFailsWithThePath() {
    // jax 0.10.2: "vmap in_axes specification must be a tree prefix of the corresponding value; ...
    //   different types at key path vmap in_axes[1]" (list vs dict)
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Trees.broadcastPrefix(Tuple.of(0, list(1)), Tuple.of(list(1, 2), dict("a", 3))));
    assertTrue(e.getMessage().startsWith("Trees.broadcastPrefix: the full tree does not match the structure of the "
        + "prefix tree at key path [1]: different types: the prefix tree has a list but the full tree has a dict"),
        e.getMessage());
    assertTrue(e.getMessage().contains("the prefix tree: PyTreeDef((*, [*]))"), e.getMessage());
    // jax 0.10.2: in_axes ([0],) for a single array argument fails with "different types at key path vmap in_axes[0]"
    assertThrows(IllegalArgumentException.class, () -> Trees.broadcastPrefix(Tuple.of(list(0)), Tuple.of(1)));
  }
}
