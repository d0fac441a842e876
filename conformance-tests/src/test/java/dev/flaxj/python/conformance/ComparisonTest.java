package dev.flaxj.python.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comparison reports every kind of difference and accepts what is within tolerance. */
class ComparisonTest {
  /** A record as the recorder writes it, with the given bound values, stdout and exception. */
  private static Map<String, Object> record(String bound, String stdout, String exception) {
    return Json.object(Json.parse("{\"index\":0,\"line\":1,\"kind\":\"doctest\",\"source\":\"x\",\"ran\":true,"
        + "\"stdout\":" + Json.quote(stdout) + ",\"exception\":" + exception + ",\"matches_expected\":true,"
        + "\"warnings\":[],\"bound\":" + bound + ",\"deleted\":[]}"));
  }

  private static Map<String, Object> bound(String name, String value) {
    return record("{\"" + name + "\":" + value + "}", "", "null");
  }

  private static String floats(String dtype, String shape, String... bits) {
    return "{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"weak_type\":false,\"data\":[],\"bits\":[\""
        + String.join("\",\"", bits) + "\"]}";
  }

  private static Verdict compare(Map<String, Object> expected, Map<String, Object> actual) {
    return Comparison.compare(expected, actual);
  }

  private static void assertFailsWith(String fragment, Verdict v) {
    assertTrue(!v.passed() && v.reason().contains(fragment), "expected a mismatch with '" + fragment + "', got " + v);
  }

  @Test
  void identicalRecordsPass() {
    Map<String, Object> r = bound("x", floats("float32", "[2]", "0x3dcccccd", "0x3f800000"));
    Verdict v = compare(r, r);
    assertTrue(v.passed(), v.toString());
    assertEquals(0.0, v.maxAbsError());
  }

  @Test
  void floatsWithinTolerancePassAndReportTheirError() {
    // 1.0 and the next float32 above it (1 + 2^-23): within 1e-6 relative.
    Verdict v = compare(bound("x", floats("float32", "[1]", "0x3f800000")),
        bound("x", floats("float32", "[1]", "0x3f800001")));
    assertTrue(v.passed(), v.toString());
    assertEquals(Math.pow(2, -23), v.maxAbsError(), 1e-15);
    assertEquals(Math.pow(2, -23), v.maxRelError(), 1e-15);
  }

  @Test
  void nearZeroTheAbsoluteToleranceApplies() {
    // 0 vs 5e-7 (0x350637bd): no relative error defined, within 1e-6 absolute.
    assertTrue(compare(bound("x", floats("float32", "[1]", "0x00000000")),
        bound("x", floats("float32", "[1]", "0x350637bd"))).passed());
    // 0 vs 2e-6 (0x360637bd): outside.
    assertFailsWith("x: 1 of 1 values differ", compare(bound("x", floats("float32", "[1]", "0x00000000")),
        bound("x", floats("float32", "[1]", "0x360637bd"))));
  }

  @Test
  void awayFromZeroTheRelativeToleranceApplies() {
    // 10 vs 10 + 9 ulps (8.6e-6, relative 8.6e-7): within; 10 + 12 ulps (1.14e-5, relative 1.14e-6): outside.
    assertTrue(compare(bound("x", floats("float32", "[1]", "0x41200000")),
        bound("x", floats("float32", "[1]", "0x41200009"))).passed());
    assertFailsWith("values differ", compare(bound("x", floats("float32", "[1]", "0x41200000")),
        bound("x", floats("float32", "[1]", "0x4120000c"))));
  }

  @Test
  void valueOutsideToleranceIsReportedWithItsIndex() {
    // 1.0 vs 1.0001 (0x3f800347) at flat index 1.
    Verdict v = compare(bound("p", floats("float32", "[2]", "0x00000000", "0x3f800000")),
        bound("p", floats("float32", "[2]", "0x00000000", "0x3f800347")));
    assertFailsWith("p: 1 of 2 values differ, first at flat index 1: 1.0001", v);
  }

  @Test
  void nanMatchesNanOnly() {
    assertTrue(compare(bound("x", floats("float32", "[1]", "0x7fc00000")),
        bound("x", floats("float32", "[1]", "0x7fc00000"))).passed());
    assertFailsWith("values differ", compare(bound("x", floats("float32", "[1]", "0x7fc00000")),
        bound("x", floats("float32", "[1]", "0x3f800000"))));
  }

  @Test
  void dtypeShapeAndWeakTypeMustMatchExactly() {
    String ints = "{\"dtype\":\"int32\",\"shape\":[1],\"weak_type\":false,\"data\":[1]}";
    assertFailsWith("x: dtype int32, expected float32",
        compare(bound("x", floats("float32", "[1]", "0x3f800000")), bound("x", ints)));
    assertFailsWith("x: shape [1, 1], expected [1]",
        compare(bound("x", floats("float32", "[1]", "0x3f800000")), bound("x", floats("float32", "[1, 1]", "0x3f800000"))));
    assertFailsWith("x: weak_type true, expected false",
        compare(bound("x", ints), bound("x", ints.replace("false", "true"))));
  }

  @Test
  void integersAndBooleansMustBeEqual() {
    String a = "{\"dtype\":\"int32\",\"shape\":[2],\"weak_type\":false,\"data\":[1,2]}";
    assertFailsWith("x: 1 of 2 values differ, first at flat index 1: 3, expected 2",
        compare(bound("x", a), bound("x", a.replace("[1,2]", "[1,3]"))));
    String b = "{\"dtype\":\"bool\",\"shape\":[1],\"weak_type\":false,\"data\":[true]}";
    assertFailsWith("values differ", compare(bound("x", b), bound("x", b.replace("[true]", "[false]"))));
  }

  @Test
  void structureMustMatch() {
    String dict = "{\"type\":\"dict\",\"items\":[[\"a\",{\"type\":\"int\",\"value\":1}]]}";
    assertFailsWith("t: keys [\"b\"], expected [\"a\"]", compare(bound("t", dict), bound("t", dict.replace("\"a\"", "\"b\""))));
    assertFailsWith("t: a FrozenDict, expected a dict",
        compare(bound("t", dict), bound("t", dict.replace("\"dict\"", "\"FrozenDict\""))));
    assertFailsWith("t['a']: int 2, expected int 1", compare(bound("t", dict), bound("t", dict.replace("1}", "2}"))));
    String list = "{\"type\":\"list\",\"items\":[null]}";
    assertFailsWith("t: 2 items, expected 1", compare(bound("t", list), bound("t", list.replace("[null]", "[null,null]"))));
    assertFailsWith("t: a tuple, expected a list", compare(bound("t", list), bound("t", list.replace("list", "tuple"))));
    assertFailsWith("t[0]: an array float32[1], expected None",
        compare(bound("t", list), bound("t", list.replace("null", floats("float32", "[1]", "0x3f800000")))));
    assertFailsWith("t: a dict, expected a list", compare(bound("t", list), bound("t", dict)));
  }

  @Test
  void objectsCompareByKindClassAndName() {
    String cls = "{\"type\":\"object\",\"kind\":\"class\",\"class\":\"type\",\"name\":\"VmapDense\"}";
    assertTrue(compare(bound("c", cls), bound("c", cls)).passed());
    assertFailsWith("c: a class type 'Dense', expected a class type 'VmapDense'",
        compare(bound("c", cls), bound("c", cls.replace("VmapDense", "Dense"))));
  }

  @Test
  void boundNamesMustBeTheSame() {
    String one = "{\"type\":\"int\",\"value\":1}";
    assertFailsWith("bound: names not bound [y]",
        compare(record("{\"x\":" + one + ",\"y\":" + one + "}", "", "null"), record("{\"x\":" + one + "}", "", "null")));
    assertFailsWith("bound: names bound that real Flax did not (re)bind [jax]",
        compare(record("{}", "", "null"), record("{\"jax\":" + one + "}", "", "null")));
  }

  @Test
  void exceptionClassMustMatch() {
    String valueError = "{\"class\":\"ValueError\",\"module\":\"builtins\",\"message\":\"bad\"}";
    assertFailsWith("raised ValueError: bad", compare(record("{}", "", "null"), record("{}", "", valueError)));
    assertFailsWith("exception: expected ValueError, got none", compare(record("{}", "", valueError), record("{}", "", "null")));
    assertFailsWith("exception: expected ValueError, got TypeError: bad",
        compare(record("{}", "", valueError), record("{}", "", valueError.replace("ValueError", "TypeError"))));
    // Same class, other message and module: accepted (the class is what is compared).
    assertTrue(compare(record("{}", "", valueError),
        record("{}", "", valueError.replace("bad", "other").replace("builtins", "flaxj"))).passed());
  }

  @Test
  void printedArraysAreNormalisedButOtherTextIsExact() {
    String real = "Array([[ 0.12345679, -1.        ],\n       [ 2.5       ,  3.        ]], dtype=float32)\n";
    String flaxj = "Array([[0.1234568, -1.0], [2.5, 3.0]], dtype=float32)\n";
    Verdict v = compare(record("{}", real, "null"), record("{}", flaxj, "null"));
    assertTrue(v.passed(), v.toString());
    assertTrue(v.maxAbsError() > 0 && v.maxAbsError() < 1e-7, "error of 0.12345679 vs 0.1234568 reported");
    assertFailsWith("stdout line 2: '       [ 2.6", compare(record("{}", real, "null"), record("{}", real.replace("2.5", "2.6"), "null")));
    assertFailsWith("dtype=int32", compare(record("{}", real, "null"), record("{}", real.replace("float32", "int32"), "null")));
    assertFailsWith("stdout line 2: 'b', expected 'a'", compare(record("{}", "x\na\n", "null"), record("{}", "x\nb\n", "null")));
    assertFailsWith("stdout line 1: 'ab', expected 'a b'", compare(record("{}", "a b\n", "null"), record("{}", "ab\n", "null")));
    assertTrue(compare(record("{}", "[1. 2. 3.]\n", "null"), record("{}", "[1.0 2.0 3.0]\n", "null")).passed());
    assertFailsWith("stdout line 1: '(3,)', expected '(3, 1)'",
        compare(record("{}", "(3, 1)\n", "null"), record("{}", "(3,)\n", "null")));
  }

  @Test
  void deletedNamesAndRunningMustMatch() {
    Map<String, Object> expected = record("{}", "", "null");
    Map<String, Object> actual = record("{}", "", "null");
    actual.put("deleted", List.of("x"));
    assertFailsWith("deleted: [x], expected []", compare(expected, actual));
    actual = record("{}", "", "null");
    actual.put("ran", false);
    assertFailsWith("not run", compare(expected, actual));
  }

  @Test
  void summarisedArraysCompareTheirSummaries() {
    String f = "{\"dtype\":\"float32\",\"shape\":[3000],\"weak_type\":false,\"sha256\":\"aa\","
        + "\"head\":[0.0,0.14285715],\"min\":0.0,\"max\":428.4286,\"sum\":642642.8859068602}";
    assertTrue(compare(bound("x", f), bound("x", f.replace("\"aa\"", "\"bb\"").replace("0.14285715", "0.14285716"))).passed());
    assertFailsWith("x: head value 1", compare(bound("x", f), bound("x", f.replace("0.14285715", "0.15"))));
    assertFailsWith("x: sum", compare(bound("x", f), bound("x", f.replace("642642.8859068602", "642742.0"))));
    String i = "{\"dtype\":\"int32\",\"shape\":[2050],\"weak_type\":false,\"sha256\":\"aa\",\"head\":[0],"
        + "\"min\":0,\"max\":6147,\"sum\":6300675}";
    assertFailsWith("x: sha256 of the values differs", compare(bound("x", i), bound("x", i.replace("\"aa\"", "\"bb\""))));
  }

  @Test
  void keyArraysCompareTheirKeyData() {
    String key = "{\"dtype\":\"key<fry>\",\"shape\":[],\"key_data\":{\"dtype\":\"uint32\",\"shape\":[2],"
        + "\"weak_type\":false,\"data\":[0,42]}}";
    assertTrue(compare(bound("k", key), bound("k", key)).passed());
    assertFailsWith("k.key_data: 1 of 2 values differ", compare(bound("k", key), bound("k", key.replace("42", "43"))));
    assertFailsWith("k: an array uint32[2]",
        compare(bound("k", key), bound("k", "{\"dtype\":\"uint32\",\"shape\":[2],\"weak_type\":false,\"data\":[0,42]}")));
  }

  /** Every example of every golden equals itself (the comparison understands the whole format). */
  @Test
  void everyGoldenExampleMatchesItself() {
    Corpus corpus = new Corpus(Path.of(""));
    int examples = 0;
    for (String page : corpus.pages()) {
      for (Map<String, Object> e : corpus.goldenExamples(page)) {
        Verdict v = Comparison.compare(e, e);
        assertTrue(v.passed(), page + " #" + e.get("index") + ": " + v);
        examples++;
      }
    }
    assertTrue(examples > 500, "all goldens read: " + examples);
  }
}
