package dev.flaxj.vectors;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One file of test vectors recorded from real JAX by
 * {@code conformance-tests/tools/record_jax_vectors.py}: a header (versions, platform) and the
 * cases, read from the test classpath folder {@code jax-vectors/}.
 */
final class VectorFile {
  static final String FOLDER = "/jax-vectors/";
  static final List<String> NAMES = List.of("random.json", "initializers.json", "numpy.json", "transforms.json");

  private final String name;
  private final JsonObject root;
  private final List<VectorCase> cases;

  private VectorFile(String name, JsonObject root) {
    this.name = name;
    this.root = root;
    List<VectorCase> list = new ArrayList<>();
    if (root.has("cases")) {
      int i = 0;
      for (JsonElement c : root.getAsJsonArray("cases")) {
        list.add(VectorCase.parse(name, i++, c.getAsJsonObject()));
      }
    }
    this.cases = Collections.unmodifiableList(list);
  }

  static VectorFile load(String name) {
    try (InputStream in = VectorFile.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("vector file " + FOLDER + name + " is not on the test classpath");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return parse(name, JsonParser.parseReader(reader).getAsJsonObject());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static VectorFile parse(String name, JsonObject root) {
    return new VectorFile(name, root);
  }

  String name() {
    return name;
  }

  /** A header field as a string ({@code "jax"}, {@code "jaxlib"}, ...), or null when absent or blank. */
  String header(String field) {
    JsonElement e = root.get(field);
    if (e == null || e.isJsonNull() || !e.isJsonPrimitive() || e.getAsString().isBlank()) {
      return null;
    }
    return e.getAsString();
  }

  List<VectorCase> cases() {
    return cases;
  }
}
