package dev.flaxj.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The committed vector files are complete, say which JAX made them, and decode consistently. */
class VectorFilesTest {
  static final List<String> FILES = VectorFile.NAMES;
  static final List<String> REQUIRED_HEADER = List.of("jax", "jaxlib", "python", "platform", "recorded_by");

  /** Header fields that are missing or blank. */
  static List<String> missingHeader(VectorFile file) {
    List<String> missing = new ArrayList<>();
    for (String field : REQUIRED_HEADER) {
      if (file.header(field) == null) {
        missing.add(field);
      }
    }
    return missing;
  }

  @ParameterizedTest
  @FieldSource("FILES")
  void headerNamesTheJaxThatRecordedIt(String name) {
    VectorFile file = VectorFile.load(name);
    assertEquals(List.of(), missingHeader(file), name + " lacks header fields");
    assertEquals("cpu", file.header("platform"), name);
    assertEquals("false", file.header("x64"), name + " must be recorded with x64 disabled");
    assertFalse(file.cases().isEmpty(), name + " has no cases");
  }

  @Test
  void aFileWithoutVersionsIsReported() {
    JsonObject root = JsonParser.parseString(
        "{\"python\":\"3.11.7\",\"platform\":\"cpu\",\"jax\":\" \",\"recorded_by\":\"x\",\"cases\":[]}")
        .getAsJsonObject();
    assertEquals(List.of("jax", "jaxlib"), missingHeader(VectorFile.parse("bad.json", root)));
  }

  /** The readable decimal column and the exact bit patterns of every float32 array agree. */
  @ParameterizedTest
  @FieldSource("FILES")
  void decimalDataMatchesBitPatterns(String name) {
    JsonObject root = rawJson(name);
    List<JsonObject> arrays = new ArrayList<>();
    collectFloatArrays(root.get("cases"), arrays);
    assertFalse(arrays.isEmpty(), name + " holds float32 arrays");
    for (JsonObject a : arrays) {
      JsonArray data = a.getAsJsonArray("data");
      float[] exact = Encoding.floats(a);
      assertEquals(data.size(), exact.length, "data and bits of the same length in " + a);
      for (int i = 0; i < exact.length; i++) {
        float decimal = Encoding.decimal(data.get(i));
        assertTrue(Float.compare(decimal, exact[i]) == 0 || Float.isNaN(decimal) && Float.isNaN(exact[i]),
            name + ": decimal " + data.get(i) + " is not bits " + a.getAsJsonArray("bits").get(i));
      }
    }
  }

  @ParameterizedTest
  @FieldSource("FILES")
  void everyCaseDecodes(String name) {
    int decoded = 0;
    for (VectorCase c : VectorFile.load(name).cases()) {
      for (Map.Entry<String, JsonElement> arg : c.args().json().entrySet()) {
        if (Encoding.isAnyArray(arg.getValue())) {
          assertEquals(Encoding.array(arg.getValue()).shape().dims().length,
              arg.getValue().getAsJsonObject().getAsJsonArray("shape").size());
          decoded++;
        }
      }
      assertFalse(c.displayName().isBlank());
    }
    assertTrue(decoded > 0, name + " has array arguments");
  }

  private static JsonObject rawJson(String name) {
    try (var in = VectorFilesTest.class.getResourceAsStream(VectorFile.FOLDER + name)) {
      return JsonParser.parseString(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .getAsJsonObject();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void collectFloatArrays(JsonElement e, List<JsonObject> out) {
    if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(item -> collectFloatArrays(item, out));
    } else if (e.isJsonObject()) {
      JsonObject o = e.getAsJsonObject();
      if (Encoding.isArray(o) && "float32".equals(o.get("dtype").getAsString())) {
        out.add(o);
      }
      o.entrySet().forEach(entry -> collectFloatArrays(entry.getValue(), out));
    }
  }
}
