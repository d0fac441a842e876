package dev.flaxj.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TreesPropertiesTest {

  @Provide
  Arbitrary<Optional<Object>> trees() {
    return tree(4);
  }

  /** Random trees of ints, lists, tuples, dicts and None; wrapped in Optional because None is null. */
  private static Arbitrary<Optional<Object>> tree(int depth) {
    Arbitrary<Optional<Object>> leaf = Arbitraries.integers().between(-9, 9).map(Optional::of);
    Arbitrary<Optional<Object>> none = Arbitraries.just(Optional.empty());
    if (depth == 0) {
      return Arbitraries.oneOf(leaf, none);
    }
    Arbitrary<List<Object>> items = tree(depth - 1).list().ofMaxSize(3).map(TreesPropertiesTest::unwrap);
    Arbitrary<Optional<Object>> dict = Arbitraries.maps(
            Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(2), tree(depth - 1))
        .ofMaxSize(3)
        .map(m -> {
          Map<String, Object> plain = new HashMap<>();
          m.forEach((k, v) -> plain.put(k, v.orElse(null)));
          return Optional.of(plain);
        });
    return Arbitraries.oneOf(leaf, none, items.map(Optional::of), items.map(l -> Optional.of(new Tuple(l))), dict);
  }

  private static List<Object> unwrap(List<Optional<Object>> items) {
    List<Object> out = new ArrayList<>();
    items.forEach(item -> out.add(item.orElse(null)));
    return out;
  }

  @Property(tries = 300)
  void unflattenInvertsFlatten(@ForAll("trees") Optional<Object> wrapped) {
    Object tree = wrapped.orElse(null);
    Flattened flat = Trees.flatten(tree);
    Object rebuilt = flat.treedef().unflatten(flat.leaves());
    assertEquals(tree, rebuilt);
    assertEquals(flat.treedef(), Trees.structure(rebuilt));
    assertEquals(flat.leaves().size(), flat.treedef().numLeaves());
  }

  @Property(tries = 300)
  void everyLeafHasItsOwnPath(@ForAll("trees") Optional<Object> wrapped) {
    List<Object> paths = Trees.leaves(Trees.mapWithPath((path, leaf) -> path, wrapped.orElse(null)));
    assertEquals(paths.size(), new HashSet<>(paths).size());
  }

  @Property(tries = 300)
  void aTreeIsItsOwnPrefix(@ForAll("trees") Optional<Object> wrapped) {
    Object tree = wrapped.orElse(null);
    List<Object> leaves = Trees.leaves(tree);
    assertEquals(leaves, Trees.broadcastPrefix(tree, tree));
    assertEquals(Collections.nCopies(leaves.size(), 0), Trees.broadcastPrefix(0, tree));
    assertEquals(tree, Trees.map((a, b) -> b, tree, tree));
  }
}
