package dev.flaxj.vectors;

import java.util.ArrayList;
import java.util.List;

/** The outcome of comparing one result with its recorded output: mismatches and float error statistics. */
final class Comparison {
  private static final int MAX_REPORTED = 8;

  private final List<String> mismatches = new ArrayList<>();
  private int mismatchCount;
  private long floatsCompared;
  private long maxUlp;
  private double maxAbsError;
  private double maxRelError;

  void mismatch(String where, String what) {
    mismatchCount++;
    if (mismatches.size() < MAX_REPORTED) {
      mismatches.add((where.isEmpty() ? "" : where + ": ") + what);
    }
  }

  void recordFloat(float actual, float expected) {
    floatsCompared++;
    long ulp = FloatTolerance.ulpDistance(actual, expected);
    maxUlp = Math.max(maxUlp, ulp);
    if (Float.isFinite(actual) && Float.isFinite(expected)) {
      double abs = Math.abs((double) actual - expected);
      maxAbsError = Math.max(maxAbsError, abs);
      if (expected != 0) {
        maxRelError = Math.max(maxRelError, abs / Math.abs(expected));
      }
    }
  }

  boolean ok() {
    return mismatchCount == 0;
  }

  long floatsCompared() {
    return floatsCompared;
  }

  long maxUlp() {
    return maxUlp;
  }

  double maxAbsError() {
    return maxAbsError;
  }

  double maxRelError() {
    return maxRelError;
  }

  /** The float error statistics in one line. */
  String floatSummary() {
    return String.format("%d floats, max %d ulp, max abs %.3g, max rel %.3g",
        floatsCompared, maxUlp == Long.MAX_VALUE ? -1 : maxUlp, maxAbsError, maxRelError);
  }

  String report() {
    StringBuilder sb = new StringBuilder();
    sb.append(mismatchCount).append(" mismatch(es)");
    for (String m : mismatches) {
      sb.append("\n  ").append(m);
    }
    if (mismatchCount > mismatches.size()) {
      sb.append("\n  ...");
    }
    if (floatsCompared > 0) {
      sb.append("\n  ").append(floatSummary());
    }
    return sb.toString();
  }
}
