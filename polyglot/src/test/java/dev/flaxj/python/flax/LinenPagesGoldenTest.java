package dev.flaxj.python.flax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Doctest pages of flax.linen (the transforms' literal examples made runnable, Sequential,
 * Dropout): every example raises and prints what it did under flax 0.12.8 and binds the values
 * recorded then (the goldens).
 */
class LinenPagesGoldenTest {
  private static final Path ROOT = SeedPageGoldenTest.ROOT;

  @Test
  void transformsCombinatorsAndStochasticPagesEqualTheGoldens() throws IOException {
    try (FlaxPython py = new FlaxPython(ROOT)) {
      for (String page : List.of("flax.linen.transforms-converted", "flax.linen.combinators",
          "flax.linen.stochastic")) {
        assertEquals(List.of(), py.goldenMismatches(
            ROOT.resolve("conformance-tests/goldens/" + page + ".json")), page);
      }
    }
  }
}
