package dev.flaxj.python.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The conformance-tests folder: the page table ({@code corpus/pages.json}), the goldens
 * ({@code goldens/<page>.json}), the recorder's tools and {@code known-failures.json}.
 */
public record Corpus(Path dir) {
  public Corpus {
    dir = dir.toAbsolutePath().normalize();
    if (!Files.isRegularFile(dir.resolve("corpus/pages.json"))) {
      throw new IllegalArgumentException(dir + " is not the conformance-tests folder (no corpus/pages.json)");
    }
  }

  /** {@code dir} if given, else {@code ./conformance-tests} or {@code .}, whichever holds the corpus. */
  public static Corpus locate(String dir) {
    if (dir != null) {
      return new Corpus(Path.of(dir));
    }
    Path sub = Path.of("conformance-tests");
    return new Corpus(Files.isDirectory(sub.resolve("corpus")) ? sub : Path.of(""));
  }

  Path tools() {
    return dir.resolve("tools");
  }

  Path knownFailuresFile() {
    return dir.resolve("known-failures.json");
  }

  /** The page names, in the order of pages.json. */
  public List<String> pages() {
    List<String> names = new ArrayList<>();
    for (Object entry : Json.array(Json.object(Json.parse(read(dir.resolve("corpus/pages.json")))).get("pages"))) {
      names.add((String) Json.object(entry).get("name"));
    }
    return names;
  }

  /** The golden examples of a page, in run order. */
  List<Map<String, Object>> goldenExamples(String page) {
    List<Map<String, Object>> examples = new ArrayList<>();
    Map<String, Object> golden = Json.object(Json.parse(read(dir.resolve("goldens/" + page + ".json"))));
    for (Object e : Json.array(golden.get("examples"))) {
      examples.add(Json.object(e));
    }
    return examples;
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
