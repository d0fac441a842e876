package dev.flaxj.python.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares what an example left behind on flaxj with what it left behind on real Flax, both as
 * records in the format of {@code conformance-tests/tools/record_flax_goldens.py}: whether it ran,
 * the exception class, the printed output ({@link PrintedOutput}), the names bound and their values
 * (structure, container types, dtypes, shapes and weak types exactly; floating-point values within
 * {@link Tolerance}; integers, booleans and strings exactly) and the names deleted.
 */
public final class Comparison {
  private static final int MAX_TEXT = 160;

  private final Tolerance t = new Tolerance();

  private Comparison() {}

  /** The verdict on one example: {@code expected} from the golden, {@code actual} from flaxj. */
  public static Verdict compare(Map<String, Object> expected, Map<String, Object> actual) {
    Comparison c = new Comparison();
    c.record(expected, actual);
    return c.t.verdict();
  }

  private void record(Map<String, Object> expected, Map<String, Object> actual) {
    boolean ranExpected = Boolean.TRUE.equals(expected.get("ran"));
    if (ranExpected != Boolean.TRUE.equals(actual.get("ran"))) {
      t.mismatch(ranExpected ? "not run (a setup example before it failed)" : "ran, but real Flax skipped it");
      return;
    }
    exception(Json.object(expected.get("exception")), Json.object(actual.get("exception")));
    PrintedOutput.compare(str(expected.get("stdout")), str(actual.get("stdout")), t);
    bound(Json.object(expected.get("bound")), Json.object(actual.get("bound")));
    List<Object> deletedExpected = Json.array(expected.get("deleted"));
    List<Object> deletedActual = Json.array(actual.get("deleted"));
    if (!Objects.equals(deletedExpected, deletedActual)) {
      t.mismatch("deleted: " + deletedActual + ", expected " + deletedExpected);
    }
  }

  private void exception(Map<String, Object> expected, Map<String, Object> actual) {
    if (expected == null && actual == null) {
      return;
    }
    String got = actual == null ? "none" : actual.get("class") + ": " + shorten(str(actual.get("message")));
    if (expected == null) {
      t.mismatch("raised " + got);
    } else if (actual == null || !expected.get("class").equals(actual.get("class"))) {
      t.mismatch("exception: expected " + expected.get("class") + ", got " + got);
    }
  }

  private void bound(Map<String, Object> expected, Map<String, Object> actual) {
    TreeSet<String> missing = new TreeSet<>(expected.keySet());
    missing.removeAll(actual.keySet());
    TreeSet<String> extra = new TreeSet<>(actual.keySet());
    extra.removeAll(expected.keySet());
    if (!missing.isEmpty()) {
      t.mismatch("bound: names not bound " + missing);
    }
    if (!extra.isEmpty()) {
      t.mismatch("bound: names bound that real Flax did not (re)bind " + extra);
    }
    for (String name : new TreeSet<>(expected.keySet())) {
      if (actual.containsKey(name)) {
        value(name, expected.get(name), actual.get(name));
      }
    }
  }

  /** Compares two encoded values at {@code path}; reports at most one mismatch per path. */
  void value(String path, Object expected, Object actual) {
    if (expected == null || actual == null) {
      if (expected != actual) {
        t.mismatch(path + ": " + describe(actual) + ", expected " + describe(expected));
      }
      return;
    }
    Map<String, Object> e = Json.object(expected);
    Map<String, Object> a = Json.object(actual);
    if (!Objects.equals(kind(e), kind(a))) {
      t.mismatch(path + ": " + describe(a) + ", expected " + describe(e));
      return;
    }
    switch (kind(e)) {
      case "array":
        ArrayValues.compare(path, e, a, t);
        break;
      case "float":
        if (!t.close(ArrayValues.number(e.get("value")), ArrayValues.number(a.get("value")))) {
          t.mismatch(path + ": " + a.get("value") + ", expected " + e.get("value"));
        }
        break;
      case "dict-like":
      case "list":
      case "tuple":
        items(path, e, a);
        break;
      case "namedtuple":
        fields(path, e, a, "fields", ".");
        break;
      case "pytree":
        fields(path, e, a, "children", "");
        break;
      default:
        if (!e.equals(a)) {
          t.mismatch(path + ": " + describe(a) + ", expected " + describe(e));
        }
    }
  }

  private void items(String path, Map<String, Object> e, Map<String, Object> a) {
    if (!e.get("type").equals(a.get("type"))) {
      t.mismatch(path + ": a " + a.get("type") + ", expected a " + e.get("type"));
      return;
    }
    List<Object> ei = Json.array(e.get("items"));
    List<Object> ai = Json.array(a.get("items"));
    boolean mapping = !e.get("type").equals("list") && !e.get("type").equals("tuple");
    if (mapping) {
      List<Object> ek = keys(ei);
      List<Object> ak = keys(ai);
      if (!ek.equals(ak)) {
        t.mismatch(path + ": keys " + Json.write(ak) + ", expected " + Json.write(ek));
        return;
      }
      for (int i = 0; i < ei.size(); i++) {
        Object key = ek.get(i);
        value(path + "[" + (key instanceof String ? "'" + key + "'" : Json.write(key)) + "]",
            Json.array(ei.get(i)).get(1), Json.array(ai.get(i)).get(1));
      }
    } else if (ei.size() != ai.size()) {
      t.mismatch(path + ": " + ai.size() + " items, expected " + ei.size());
    } else {
      for (int i = 0; i < ei.size(); i++) {
        value(path + "[" + i + "]", ei.get(i), ai.get(i));
      }
    }
  }

  private void fields(String path, Map<String, Object> e, Map<String, Object> a, String member, String sep) {
    if (!Objects.equals(e.get("class"), a.get("class"))) {
      t.mismatch(path + ": a " + a.get("class") + ", expected a " + e.get("class"));
      return;
    }
    List<Object> ef = Json.array(e.get(member));
    List<Object> af = Json.array(a.get(member));
    if (!keys(ef).equals(keys(af))) {
      t.mismatch(path + ": " + member + " " + Json.write(keys(af)) + ", expected " + Json.write(keys(ef)));
      return;
    }
    for (int i = 0; i < ef.size(); i++) {
      value(path + sep + Json.array(ef.get(i)).get(0), Json.array(ef.get(i)).get(1), Json.array(af.get(i)).get(1));
    }
  }

  private static List<Object> keys(List<Object> pairs) {
    List<Object> keys = new ArrayList<>();
    for (Object pair : pairs) {
      keys.add(Json.array(pair).get(0));
    }
    return keys;
  }

  /** array, float, list, tuple, dict-like, namedtuple, pytree, or the encoded "type" of anything else. */
  private static String kind(Map<String, Object> v) {
    if (!v.containsKey("type")) {
      return "array";
    }
    String type = str(v.get("type"));
    if (v.containsKey("items") && !type.equals("list") && !type.equals("tuple")) {
      return "dict-like";
    }
    return type;
  }

  /** A short description of an encoded value for messages. */
  static String describe(Object value) {
    if (value == null) {
      return "None";
    }
    Map<String, Object> v = Json.object(value);
    switch (kind(v)) {
      case "array":
        return v.containsKey("key_data") ? "a key array " + v.get("shape")
            : "an array " + v.get("dtype") + v.get("shape");
      case "object":
        return "a " + v.get("kind") + " " + v.get("class") + (v.get("name") != null ? " '" + v.get("name") + "'" : "")
            + (v.get("error") != null ? " (" + shorten(str(v.get("error"))) + ")" : "");
      case "dict-like":
      case "list":
      case "tuple":
        return "a " + v.get("type");
      case "namedtuple":
      case "pytree":
        return "a " + v.get("type") + " " + v.get("class");
      case "ShapeDtypeStruct":
        return "ShapeDtypeStruct(" + v.get("shape") + ", " + v.get("dtype") + ")";
      default:
        return v.get("type") + " " + shorten(String.valueOf(v.get("value")));
    }
  }

  /** One line of at most MAX_TEXT characters, object addresses and identity hashes masked. */
  static String shorten(String s) {
    String line = s.replace("\n", "\\n").replaceAll("0x[0-9a-fA-F]{6,}", "0x...")
        .replaceAll("@[0-9a-f]{5,8}\\b", "@...");
    return line.length() <= MAX_TEXT ? line : line.substring(0, MAX_TEXT) + "...";
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }
}
