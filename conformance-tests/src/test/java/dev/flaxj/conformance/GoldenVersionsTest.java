package dev.flaxj.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every golden names the versions of the real JAX and Flax it was recorded with. */
class GoldenVersionsTest {
  private static final Path GOLDENS = Path.of("goldens");
  private static final List<String> VERSION_FIELDS = List.of("jax", "jaxlib", "flax", "python", "platform");

  private static List<Path> goldenFiles() throws IOException {
    try (Stream<Path> files = Files.list(GOLDENS)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void goldensExist() throws IOException {
    assertFalse(goldenFiles().isEmpty(), "no goldens under " + GOLDENS.toAbsolutePath());
  }

  @TestFactory
  Stream<DynamicTest> everyGoldenNamesItsVersions() throws IOException {
    return goldenFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      JsonObject golden = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
      for (String field : VERSION_FIELDS) {
        assertTrue(golden.has(field) && !golden.get(field).getAsString().isBlank(),
            file.getFileName() + " lacks the version field '" + field + "'");
      }
      assertTrue(golden.getAsJsonArray("examples").size() > 0, file.getFileName() + " has no examples");
    }));
  }
}
