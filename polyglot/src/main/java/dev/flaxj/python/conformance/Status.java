package dev.flaxj.python.conformance;

/** The outcome of one example, judged against its golden and known-failures.json. */
public enum Status {
  /** Matches the golden. */
  PASS(true),
  /** Not run, on real Flax (a doctest SKIP) nor on flaxj. */
  SKIPPED(true),
  /** Does not match, and known-failures.json lists it with this very reason. */
  KNOWN(true),
  /** Does not match and is not listed. */
  FAIL(false),
  /** Listed, but now fails for another reason than the listed one. */
  CHANGED(false),
  /** Listed, but matches now: the entry must go. */
  FIXED(false);

  private final boolean acceptable;

  Status(boolean acceptable) {
    this.acceptable = acceptable;
  }

  /** Whether the build accepts this outcome. */
  public boolean acceptable() {
    return acceptable;
  }
}
