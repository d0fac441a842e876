package dev.flaxj.python.flax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed page (Flax's "Transformations" API page) through the Python packages: as a doctest it
 * fails exactly where real Flax fails (the 8 examples followed by a "Parameters" heading without a
 * blank line, which reads as expected output) and passes entirely once the blank line is there.
 */
class SeedPageTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path PAGE = ROOT.resolve("conformance-tests/corpus/flax-linen-transformations.txt");
  private static FlaxPython py;

  @BeforeAll
  static void open() {
    py = new FlaxPython(ROOT);
  }

  @AfterAll
  static void close() {
    py.close();
  }

  @Test
  void failsAsDoctestExactlyWhereRealFlaxFails() {
    int failed = py.doctest(PAGE);
    String out = py.out();
    List<Integer> lines = new ArrayList<>();
    Matcher m = Pattern.compile("flax-linen-transformations.txt\", line (\\d+)").matcher(out);
    while (m.find()) {
      lines.add(Integer.parseInt(m.group(1)));
    }
    // the examples with matches_expected=false in the golden recorded from flax 0.12.8
    assertEquals(List.of(273, 330, 388, 432, 498, 545, 575, 635), lines, out);
    assertEquals(8, failed);
    assertEquals(1, out.lines().filter(l -> l.equals("52 passed, 8 failed")).count(), out);
  }

  @Test
  void passesWithBlankLinesBeforeHeadings(@TempDir Path dir) throws IOException {
    Path fixed = dir.resolve("page.txt");
    Files.writeString(fixed, Files.readString(PAGE).replace("\nParameters\n", "\n\nParameters\n"));
    try (FlaxPython local = new FlaxPython(dir)) {
      assertEquals(0, local.doctest(fixed), local.out());
      assertEquals(true, local.out().contains("60 passed, 0 failed"), local.out());
    }
  }
}
