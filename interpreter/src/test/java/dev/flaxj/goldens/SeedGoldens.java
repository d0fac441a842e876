package dev.flaxj.goldens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.tree.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The seed-program goldens recorded from real Flax by
 * {@code conformance-tests/tools/record_seed_programs.py} (test classpath folder {@code
 * flax-goldens/}, one file {@code seed-<module>.json} per program module), decoded into flaxj
 * values: arrays as {@link Array}, dicts as maps, lists as lists, tuples as {@link Tuple}, None as
 * null, Python scalars as Integer/Double/Boolean/String.
 */
public final class SeedGoldens {
  private final String module;
  private final JsonObject root;
  private final Map<String, JsonObject> programs = new LinkedHashMap<>();

  private SeedGoldens(String module, JsonObject root) {
    this.module = module;
    this.root = root;
    for (JsonElement p : root.getAsJsonArray("programs")) {
      programs.put(p.getAsJsonObject().get("name").getAsString(), p.getAsJsonObject());
    }
  }

  /** The goldens of seed-program module {@code module} (e.g. {@code "vmap_scan_checkpoint"}). */
  public static SeedGoldens load(String module) {
    String path = "/flax-goldens/seed-" + module + ".json";
    try (InputStream in = SeedGoldens.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is not on the test classpath");
      }
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return new SeedGoldens(module, JsonParser.parseReader(r).getAsJsonObject());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A header field ({@code "flax"}, {@code "jax"} ...). */
  public String header(String field) {
    return root.get(field).getAsString();
  }

  /** The recorded values of program {@code name}. */
  public Program program(String name) {
    JsonObject p = programs.get(name);
    if (p == null) {
      throw new IllegalArgumentException("no program " + name + " in seed-" + module + ".json; have " + programs.keySet());
    }
    return new Program(name, p);
  }

  /** One recorded program: its values, or the exception it raised. */
  public static final class Program {
    private final String name;
    private final JsonObject json;

    Program(String name, JsonObject json) {
      this.name = name;
      this.json = json;
    }

    /** Value {@code valueName} decoded (see the class comment). */
    public Object value(String valueName) {
      JsonElement values = json.get("values");
      if (values == null || values.isJsonNull()) {
        throw new IllegalStateException(name + " raised " + exceptionClass() + " in real Flax");
      }
      JsonElement v = values.getAsJsonObject().get(valueName);
      assertNotNull(v, name + " recorded no value " + valueName);
      return decode(v);
    }

    /** The class name of the exception the program raised, or null. */
    public String exceptionClass() {
      JsonElement e = json.get("exception");
      return e == null || e.isJsonNull() ? null : e.getAsJsonObject().get("class").getAsString();
    }

    public String exceptionMessage() {
      JsonElement e = json.get("exception");
      return e == null || e.isJsonNull() ? null : e.getAsJsonObject().get("message").getAsString();
    }
  }

  // ---- decoding ----

  static Object decode(JsonElement e) {
    if (e.isJsonNull()) {
      return null;
    }
    JsonObject o = e.getAsJsonObject();
    if (o.has("dtype")) {
      return array(o);
    }
    String type = o.get("type").getAsString();
    switch (type) {
      case "list":
      case "tuple": {
        List<Object> items = new ArrayList<>();
        o.getAsJsonArray("items").forEach(x -> items.add(decode(x)));
        return type.equals("list") ? items : new Tuple(items);
      }
      case "int":
        return o.get("value").getAsInt();
      case "float":
        return o.get("value").getAsDouble();
      case "bool":
        return o.get("value").getAsBoolean();
      case "str":
        return o.get("value").getAsString();
      default:
        if (o.has("items")) { // dict, FrozenDict and other mappings
          Map<String, Object> m = new LinkedHashMap<>();
          for (JsonElement kv : o.getAsJsonArray("items")) {
            JsonArray pair = kv.getAsJsonArray();
            m.put(pair.get(0).getAsString(), decode(pair.get(1)));
          }
          return m;
        }
        throw new IllegalArgumentException("cannot decode " + o);
    }
  }

  private static Array array(JsonObject o) {
    if (o.has("key_data")) {
      Array data = array(o.getAsJsonObject("key_data"));
      return Array.ofWords(DType.KEY, data.toIntArray(), dims(o.getAsJsonArray("shape")));
    }
    if (!o.has("data")) {
      throw new IllegalArgumentException("summarised array (no data): " + o.get("shape"));
    }
    DType dtype = DType.fromJaxName(o.get("dtype").getAsString());
    ShapedArray aval = new ShapedArray(Shape.of(dims(o.getAsJsonArray("shape"))), dtype,
        o.has("weak_type") && o.get("weak_type").getAsBoolean());
    JsonArray data = o.getAsJsonArray("data");
    switch (dtype) {
      case FLOAT32: {
        JsonArray bits = o.getAsJsonArray("bits");
        float[] out = new float[bits.size()];
        for (int i = 0; i < out.length; i++) {
          out[i] = Float.intBitsToFloat(Integer.parseUnsignedInt(bits.get(i).getAsString().substring(2), 16));
        }
        return Array.wrap(aval, out);
      }
      case BOOL: {
        boolean[] out = new boolean[data.size()];
        for (int i = 0; i < out.length; i++) {
          out[i] = data.get(i).getAsBoolean();
        }
        return Array.wrap(aval, out);
      }
      default: {
        int[] out = new int[data.size()];
        for (int i = 0; i < out.length; i++) {
          out[i] = (int) data.get(i).getAsLong();
        }
        return Array.wrap(aval, out);
      }
    }
  }

  private static int[] dims(JsonArray a) {
    int[] s = new int[a.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = a.get(i).getAsInt();
    }
    return s;
  }

  // ---- comparing ----

  /**
   * Asserts that {@code actual} has {@code expected}'s structure (map keys, list lengths, tuples),
   * dtypes and shapes exactly, and float values within {@code tol} relative and absolute
   * ({@code |a - e| <= tol * max(1, |e|)}); integers and booleans exactly.
   */
  public static void assertTreeClose(Object expected, Object actual, double tol) {
    compare(expected, actual, tol, "");
  }

  /** {@link #assertTreeClose} with 1e-6, the conformance tolerance for float32. */
  public static void assertTreeClose(Object expected, Object actual) {
    assertTreeClose(expected, actual, 1e-6);
  }

  private static void compare(Object expected, Object actual, double tol, String path) {
    if (expected instanceof Map<?, ?> e) {
      if (!(actual instanceof Map<?, ?> a)) {
        fail(at(path) + "expected a dict, got " + describe(actual));
        return;
      }
      assertEquals(new TreeSet<>(keys(e)), new TreeSet<>(keys(a)), at(path) + "dict keys");
      e.forEach((k, v) -> compare(v, a.get(k), tol, path + "/" + k));
    } else if (expected instanceof Tuple e) {
      if (!(actual instanceof Tuple a)) {
        fail(at(path) + "expected a tuple, got " + describe(actual));
        return;
      }
      compareItems(e.items(), a.items(), tol, path);
    } else if (expected instanceof List<?> e) {
      if (!(actual instanceof List<?> a)) {
        fail(at(path) + "expected a list, got " + describe(actual));
        return;
      }
      compareItems(e, a, tol, path);
    } else if (expected instanceof Array e) {
      if (!(actual instanceof Array a)) {
        fail(at(path) + "expected an array, got " + describe(actual));
        return;
      }
      compareArrays(e, a, tol, path);
    } else if (expected == null) {
      assertEquals(null, actual, at(path) + "expected None");
    } else {
      assertEquals(expected, actual, at(path) + "Python scalar");
    }
  }

  private static void compareItems(List<?> e, List<?> a, double tol, String path) {
    assertEquals(e.size(), a.size(), at(path) + "length");
    for (int i = 0; i < e.size(); i++) {
      compare(e.get(i), a.get(i), tol, path + "[" + i + "]");
    }
  }

  private static void compareArrays(Array e, Array a, double tol, String path) {
    assertEquals(e.dtype(), a.dtype(), at(path) + "dtype");
    assertEquals(e.shape(), a.shape(), at(path) + "shape");
    if (e.dtype() == DType.FLOAT32) {
      float[] ev = e.rawFloats();
      float[] av = a.rawFloats();
      for (int i = 0; i < ev.length; i++) {
        double bound = tol * Math.max(1.0, Math.abs(ev[i]));
        if (!(Math.abs(ev[i] - av[i]) <= bound) && !(Float.isNaN(ev[i]) && Float.isNaN(av[i]))) {
          fail(at(path) + "element " + i + ": expected " + ev[i] + " but was " + av[i]
              + " (tolerance " + bound + ")");
        }
      }
    } else if (e.dtype() == DType.BOOL) {
      assertEquals(Arrays.toString(e.rawBools()), Arrays.toString(a.rawBools()), at(path) + "values");
    } else {
      assertEquals(Arrays.toString(e.rawInts()), Arrays.toString(a.rawInts()), at(path) + "values");
    }
  }

  private static List<String> keys(Map<?, ?> m) {
    List<String> out = new ArrayList<>();
    m.keySet().forEach(k -> out.add(String.valueOf(k)));
    return out;
  }

  private static String at(String path) {
    return (path.isEmpty() ? "/" : path) + ": ";
  }

  private static String describe(Object x) {
    return x == null ? "None" : x instanceof Value v ? "array " + v.aval() : x.getClass().getSimpleName() + " " + x;
  }
}
