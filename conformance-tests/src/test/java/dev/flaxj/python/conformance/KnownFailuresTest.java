package dev.flaxj.python.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A listed example must keep failing for its listed reason; a fix or a new failure is reported. */
class KnownFailuresTest {
  private static final KnownFailures KNOWN = KnownFailures.parse("{\"failures\":["
      + "{\"page\":\"p\",\"index\":1,\"line\":10,\"reason\":\"raised NameError: name 'nn' is not defined\"}]}");
  private static final Verdict PASSED = new Verdict(List.of(), 0, 0);

  private static Map<String, Object> golden(int index, boolean ran) {
    return Json.object(Json.parse("{\"index\":" + index + ",\"line\":10,\"section\":null,\"ran\":" + ran + "}"));
  }

  private static Verdict failing(String reason) {
    return new Verdict(List.of(reason, "a later mismatch"), 0, 0);
  }

  @Test
  void statusFollowsTheListAndTheVerdict() {
    assertEquals(Status.PASS, Conformance.judge("p", golden(0, true), PASSED, KNOWN).status());
    assertEquals(Status.SKIPPED, Conformance.judge("p", golden(0, false), PASSED, KNOWN).status());
    assertEquals(Status.FAIL, Conformance.judge("p", golden(0, true), failing("raised X"), KNOWN).status());
    assertEquals(Status.KNOWN, Conformance.judge("p", golden(1, true),
        failing("raised NameError: name 'nn' is not defined"), KNOWN).status());
    assertEquals(Status.CHANGED, Conformance.judge("p", golden(1, true), failing("raised X"), KNOWN).status());
    assertEquals(Status.FIXED, Conformance.judge("p", golden(1, true), PASSED, KNOWN).status());
    assertEquals(Status.FAIL, Conformance.judge("q", golden(1, true), failing("raised X"), KNOWN).status());
  }

  @Test
  void onlyAcceptableResultsHaveNoProblem() {
    assertNull(Conformance.judge("p", golden(1, true), failing("raised NameError: name 'nn' is not defined"), KNOWN)
        .problem());
    String fixed = Conformance.judge("p", golden(1, true), PASSED, KNOWN).problem();
    assertTrue(fixed.contains("p #1 line 10 passes now: remove it from known-failures.json"), fixed);
    String changed = Conformance.judge("p", golden(1, true), failing("raised X"), KNOWN).problem();
    assertTrue(changed.contains("now fails with \"raised X\"") && changed.contains("a later mismatch"), changed);
    String failed = Conformance.judge("p", golden(0, true), failing("raised X"), KNOWN).problem();
    assertTrue(failed.startsWith("p #0 line 10 fails: raised X"), failed);
  }

  @Test
  void updatingReplacesTheEntriesOfTheRunPagesOnly() {
    KnownFailures withOther = KnownFailures.parse("{\"failures\":["
        + "{\"page\":\"p\",\"index\":1,\"line\":10,\"reason\":\"old\"},"
        + "{\"page\":\"q\",\"index\":0,\"line\":3,\"reason\":\"kept\"}]}");
    List<ExampleResult> run = List.of(
        Conformance.judge("p", golden(1, true), PASSED, withOther),
        Conformance.judge("p", golden(2, true), failing("new"), withOther));
    KnownFailures updated = KnownFailures.parse(withOther.updatedWith(run, List.of("p", "q")).render());
    assertNull(updated.reason("p", 1));
    assertEquals("new", updated.reason("p", 2));
    assertEquals("kept", updated.reason("q", 0));
    assertEquals(2, updated.size());
  }

  /** The committed list is well formed and names only examples that exist in the goldens. */
  @Test
  void committedListNamesExistingExamples() {
    Corpus corpus = new Corpus(Path.of(""));
    KnownFailures committed = KnownFailures.load(corpus.knownFailuresFile());
    int found = 0;
    for (String page : corpus.pages()) {
      for (Map<String, Object> e : corpus.goldenExamples(page)) {
        found += committed.reason(page, ((Number) e.get("index")).intValue()) != null ? 1 : 0;
      }
    }
    assertEquals(committed.size(), found, "entries of known-failures.json that name no golden example");
  }
}
