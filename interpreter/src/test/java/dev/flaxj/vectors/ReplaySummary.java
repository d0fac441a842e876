package dev.flaxj.vectors;

import java.util.Map;
import java.util.TreeMap;

/** Tallies the replay of one vector file: outcomes per case and the float error statistics. */
final class ReplaySummary {
  private final String file;
  private int passed;
  private int failed;
  private int skipped;
  private long floats;
  private long maxUlp;
  private double maxRelError;
  private double maxAbsError;
  private String worstCase = "";
  private final Map<String, Integer> failuresByFn = new TreeMap<>();

  ReplaySummary(String file) {
    this.file = file;
  }

  void passed(VectorCase c, Comparison comparison) {
    passed++;
    floats(c, comparison);
  }

  void failed(VectorCase c, Comparison comparison) {
    failed++;
    failuresByFn.merge(c.fn(), 1, Integer::sum);
    if (comparison != null) {
      floats(c, comparison);
    }
  }

  void skipped() {
    skipped++;
  }

  int attempted() {
    return passed + failed + skipped;
  }

  private void floats(VectorCase c, Comparison comparison) {
    floats += comparison.floatsCompared();
    if (comparison.maxUlp() > maxUlp) {
      maxUlp = comparison.maxUlp();
      worstCase = c.displayName();
    }
    maxRelError = Math.max(maxRelError, comparison.maxRelError());
    maxAbsError = Math.max(maxAbsError, comparison.maxAbsError());
  }

  @Override
  public String toString() {
    return String.format("%s: %d passed, %d failed %s, %d skipped; %d floats compared, max %s ulp"
            + " (in %s), max abs error %.3g, max rel error %.3g",
        file, passed, failed, failuresByFn, skipped, floats,
        maxUlp == Long.MAX_VALUE ? "NaN-vs-number" : Long.toString(maxUlp), worstCase, maxAbsError,
        maxRelError);
  }
}
