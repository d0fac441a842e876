package dev.flaxj.python.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * conformance-tests/known-failures.json: every example that does not match real Flax yet, with the
 * precise reason (the first mismatch the comparison reports). Each entry is a defect to fix; a
 * listed example must keep failing for exactly that reason, so a fix forces the entry out.
 */
final class KnownFailures {
  private static final List<String> ABOUT = List.of(
      "Examples of the conformance corpus that do not match real Flax yet, one per line: page, index (run order),",
      "line (in the page) and the reason: the first mismatch found by dev.flaxj.python.conformance.Comparison.",
      "Each entry is a defect to fix, not a waiver. The test of a listed example checks that it still fails for",
      "exactly this reason. Regenerate with `./flaxj conformance --write-known-failures` (optionally --page NAME).");

  /** page -> index -> entry (line, reason). */
  private final Map<String, Map<Integer, Map<String, Object>>> entries;

  private KnownFailures(Map<String, Map<Integer, Map<String, Object>>> entries) {
    this.entries = entries;
  }

  /** The list in {@code file}; empty if there is no such file. */
  static KnownFailures load(Path file) {
    return parse(Files.isRegularFile(file) ? Corpus.read(file) : "{\"failures\": []}");
  }

  static KnownFailures parse(String text) {
    Map<String, Map<Integer, Map<String, Object>>> entries = new LinkedHashMap<>();
    for (Object o : Json.array(Json.object(Json.parse(text)).get("failures"))) {
      Map<String, Object> e = Json.object(o);
      entries.computeIfAbsent((String) e.get("page"), p -> new LinkedHashMap<>())
          .put(((Number) e.get("index")).intValue(), e);
    }
    return new KnownFailures(entries);
  }

  /** The listed reason for the example, or null. */
  String reason(String page, int index) {
    Map<String, Object> e = entries.getOrDefault(page, Map.of()).get(index);
    return e == null ? null : (String) e.get("reason");
  }

  /**
   * This list with the entries of the pages in {@code results} replaced by their current failures
   * (entries of other pages kept), pages in {@code pageOrder}.
   */
  KnownFailures updatedWith(Collection<ExampleResult> results, List<String> pageOrder) {
    Map<String, Map<Integer, Map<String, Object>>> updated = new LinkedHashMap<>(entries);
    for (ExampleResult r : results) {
      updated.put(r.page(), new LinkedHashMap<>());
    }
    for (ExampleResult r : results) {
      if (!r.verdict().passed()) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("page", r.page());
        e.put("index", r.index());
        e.put("line", r.line());
        e.put("reason", r.verdict().reason());
        updated.get(r.page()).put(r.index(), e);
      }
    }
    Map<String, Map<Integer, Map<String, Object>>> ordered = new LinkedHashMap<>();
    for (String page : pageOrder) {
      if (updated.containsKey(page)) {
        ordered.put(page, updated.get(page));
      }
    }
    Set<String> others = updated.keySet();
    for (String page : others) {
      ordered.putIfAbsent(page, updated.get(page));
    }
    return new KnownFailures(ordered);
  }

  int size() {
    return entries.values().stream().mapToInt(Map::size).sum();
  }

  /** The file text: the explanation, then one failure per line. */
  String render() {
    List<String> lines = new ArrayList<>();
    for (Map<Integer, Map<String, Object>> page : entries.values()) {
      page.keySet().stream().sorted().forEach(i -> lines.add("    " + Json.write(page.get(i))));
    }
    StringBuilder sb = new StringBuilder("{\n  \"about\": [\n");
    for (int i = 0; i < ABOUT.size(); i++) {
      sb.append("    ").append(Json.quote(ABOUT.get(i))).append(i + 1 < ABOUT.size() ? ",\n" : "\n");
    }
    sb.append("  ],\n  \"failures\": [\n").append(String.join(",\n", lines));
    return sb.append(lines.isEmpty() ? "" : "\n").append("  ]\n}\n").toString();
  }

  void write(Path file) {
    try {
      Files.writeString(file, render(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
