package dev.flaxj.python.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The conformance suite: runs each example of each corpus page on flaxj, compares it with the
 * golden recorded from real Flax ({@link Comparison}) and judges it against known-failures.json
 * ({@link Status}). Used by the JUnit suite of conformance-tests and by {@code flaxj conformance}
 * ({@link ConformanceCommand}).
 */
public final class Conformance implements AutoCloseable {
  private final Corpus corpus;
  private final KnownFailures known;
  private final PageRunner runner;

  public Conformance(Corpus corpus) {
    this.corpus = corpus;
    this.known = KnownFailures.load(corpus.knownFailuresFile());
    this.runner = new PageRunner(corpus);
  }

  public Corpus corpus() {
    return corpus;
  }

  /** Runs one page on flaxj and judges each of its examples, in run order. */
  public List<ExampleResult> runPage(String page) {
    List<Map<String, Object>> golden = corpus.goldenExamples(page);
    List<Map<String, Object>> actual;
    String pageError = null;
    try {
      actual = runner.run(page);
    } catch (RuntimeException e) {
      actual = List.of();
      pageError = "the page did not run: " + Comparison.shorten(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    List<ExampleResult> results = new ArrayList<>();
    for (Map<String, Object> expected : golden) {
      int index = ((Number) expected.get("index")).intValue();
      Verdict verdict = pageError != null ? new Verdict(List.of(pageError), 0, 0)
          : index >= actual.size() || !sameExample(expected, actual.get(index))
              ? new Verdict(List.of("the page no longer has this example: goldens/" + page
                  + ".json is out of date (re-record it)"), 0, 0)
              : Comparison.compare(expected, actual.get(index));
      results.add(judge(page, expected, verdict, known));
    }
    return results;
  }

  private static boolean sameExample(Map<String, Object> golden, Map<String, Object> actual) {
    for (String field : List.of("index", "line", "kind", "section", "source")) {
      if (!Objects.equals(golden.get(field), actual.get(field))) {
        return false;
      }
    }
    return true;
  }

  /** The status of an example given its verdict and what known-failures.json says about it. */
  static ExampleResult judge(String page, Map<String, Object> golden, Verdict verdict, KnownFailures known) {
    int index = ((Number) golden.get("index")).intValue();
    String listed = known.reason(page, index);
    Status status;
    if (verdict.passed()) {
      status = listed != null ? Status.FIXED
          : Boolean.TRUE.equals(golden.get("ran")) ? Status.PASS : Status.SKIPPED;
    } else if (listed == null) {
      status = Status.FAIL;
    } else {
      status = listed.equals(verdict.reason()) ? Status.KNOWN : Status.CHANGED;
    }
    return new ExampleResult(page, index, ((Number) golden.get("line")).intValue(), status, verdict, listed);
  }

  @Override
  public void close() {
    runner.close();
  }

  /** Rewrites known-failures.json: the failures in {@code results} replace those listed for their pages. */
  public int writeKnownFailures(List<ExampleResult> results) {
    KnownFailures updated = known.updatedWith(results, corpus.pages());
    updated.write(corpus.knownFailuresFile());
    return updated.size();
  }
}
