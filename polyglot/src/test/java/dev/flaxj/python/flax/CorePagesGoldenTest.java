package dev.flaxj.python.flax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The functional-core pages (flax.core.lift's examples made runnable, flax.core.frozen_dict's
 * doctests): every example raises and prints what it did under flax 0.12.8 and binds the values
 * recorded then (the goldens).
 */
class CorePagesGoldenTest {
  private static final Path ROOT = SeedPageGoldenTest.ROOT;

  @Test
  void liftAndFrozenDictPagesEqualTheGoldens() throws IOException {
    try (FlaxPython py = new FlaxPython(ROOT)) {
      assertEquals(List.of(),
          py.goldenMismatches(ROOT.resolve("conformance-tests/goldens/flax.core.lift-converted.json")));
      assertEquals(List.of(),
          py.goldenMismatches(ROOT.resolve("conformance-tests/goldens/flax.core.frozen_dict.json")));
    }
  }
}
