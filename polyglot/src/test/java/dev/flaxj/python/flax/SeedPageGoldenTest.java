package dev.flaxj.python.flax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed page's examples run in order in one namespace: each raises and prints what it did under
 * flax 0.12.8, and every name it binds equals the value recorded then (the page's golden file:
 * structure, dtypes and shapes exactly, values within 1e-5).
 */
class SeedPageGoldenTest {
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void boundValuesEqualTheGoldens() throws IOException {
    try (FlaxPython py = new FlaxPython(ROOT)) {
      assertEquals(List.of(),
          py.goldenMismatches(ROOT.resolve("conformance-tests/goldens/flax-linen-transformations.json")));
    }
  }
}
