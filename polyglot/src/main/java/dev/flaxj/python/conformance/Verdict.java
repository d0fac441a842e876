package dev.flaxj.python.conformance;

import java.util.List;

/**
 * How one example's run on flaxj compares with its golden: every mismatch found (empty when it
 * passes), in the order they were checked, and the largest absolute and relative error over the
 * floating-point values compared (arrays, float scalars and numbers in printed arrays).
 */
public record Verdict(List<String> mismatches, double maxAbsError, double maxRelError) {
  public Verdict {
    mismatches = List.copyOf(mismatches);
  }

  public boolean passed() {
    return mismatches.isEmpty();
  }

  /** The first mismatch, which names why the example fails; null when it passes. */
  public String reason() {
    return mismatches.isEmpty() ? null : mismatches.get(0);
  }
}
