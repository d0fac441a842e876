package dev.flaxj.python.conformance;

/**
 * One example's result: where it is ({@code index} in the page's run order, {@code line} in the
 * page), its {@link Status}, the comparison's {@link Verdict}, and the reason known-failures.json
 * gives for it (null if unlisted).
 */
public record ExampleResult(String page, int index, int line, Status status, Verdict verdict,
    String listedReason) {

  /** "page #index line N", the name of the example's JUnit test. */
  public String name() {
    return page + " #" + index + " line " + line;
  }

  /** Why the build does not accept this result; null when it does. */
  public String problem() {
    switch (status) {
      case FAIL:
        return name() + " fails: " + verdict.reason() + details();
      case CHANGED:
        return name() + " is listed in known-failures.json as failing with \"" + listedReason
            + "\" but now fails with \"" + verdict.reason() + "\"" + details();
      case FIXED:
        return name() + " passes now: remove it from known-failures.json (listed: \"" + listedReason + "\")";
      default:
        return null;
    }
  }

  private String details() {
    return verdict.mismatches().size() <= 1 ? ""
        : "\n  all mismatches:\n  - " + String.join("\n  - ", verdict.mismatches());
  }
}
