package dev.flaxj.python.conformance;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code flaxj conformance [--dir PATH] [--page NAME]... [--write-known-failures] [--all-mismatches]}:
 * runs the suite and prints one row per example (page, example, line, status, max absolute and
 * relative error, reason) and the counts per page. Exit code 0 when every result is acceptable
 * ({@link Status#acceptable()}), 1 otherwise, 2 for bad arguments.
 */
public final class ConformanceCommand {
  public static final String USAGE = String.join("\n",
      "usage: flaxj conformance [--dir PATH] [--page NAME]... [--write-known-failures] [--all-mismatches]",
      "  --dir PATH               the conformance-tests folder (default: ./conformance-tests or .)",
      "  --page NAME              run only this page (repeatable; default: every page of corpus/pages.json)",
      "  --write-known-failures   rewrite known-failures.json from this run's failures",
      "  --all-mismatches         print every mismatch of a failing example, not only the first");

  private ConformanceCommand() {}

  public static int run(List<String> args, PrintStream out) {
    String dir = null;
    List<String> pages = new ArrayList<>();
    boolean write = false;
    boolean all = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if ((a.equals("--dir") || a.equals("--page")) && i + 1 < args.size()) {
        if (a.equals("--dir")) {
          dir = args.get(++i);
        } else {
          pages.add(args.get(++i));
        }
      } else if (a.equals("--write-known-failures")) {
        write = true;
      } else if (a.equals("--all-mismatches")) {
        all = true;
      } else if (a.equals("-h") || a.equals("--help")) {
        out.println(USAGE);
        return 0;
      } else {
        out.println("flaxj conformance: unexpected argument '" + a + "'\n" + USAGE);
        return 2;
      }
    }
    try (Conformance suite = new Conformance(Corpus.locate(dir))) {
      return run(suite, pages, write, all, out);
    }
  }

  private static int run(Conformance suite, List<String> pages, boolean write, boolean all, PrintStream out) {
    List<String> known = suite.corpus().pages();
    if (pages.isEmpty()) {
      pages = known;
    } else if (!known.containsAll(pages)) {
      out.println("flaxj conformance: unknown page; pages: " + known);
      return 2;
    }
    long start = System.nanoTime();
    out.printf("%-34s %7s %5s  %-8s %11s %11s  %s%n", "page", "example", "line", "status", "max abs err",
        "max rel err", "reason");
    List<ExampleResult> results = new ArrayList<>();
    for (String page : pages) {
      for (ExampleResult r : suite.runPage(page)) {
        results.add(r);
        row(r, all, out);
      }
      out.flush();
    }
    summary(results, out);
    out.printf(Locale.ROOT, "%d examples in %.1f s%n", results.size(), (System.nanoTime() - start) / 1e9);
    if (write) {
      out.println("known-failures.json: " + suite.writeKnownFailures(results) + " entries");
      return 0;
    }
    return results.stream().allMatch(r -> r.status().acceptable()) ? 0 : 1;
  }

  private static void row(ExampleResult r, boolean all, PrintStream out) {
    Verdict v = r.verdict();
    out.printf(Locale.ROOT, "%-34s %7s %5d  %-8s %11s %11s  %s%n", r.page(), "#" + r.index(), r.line(),
        r.status(), error(v.maxAbsError()), error(v.maxRelError()), v.passed() ? "" : v.reason());
    if (all) {
      for (String m : v.mismatches().subList(Math.min(1, v.mismatches().size()), v.mismatches().size())) {
        out.println("    also: " + m);
      }
    }
  }

  private static String error(double e) {
    return e == 0 ? "0" : String.format(Locale.ROOT, "%.3g", e);
  }

  private static void summary(List<ExampleResult> results, PrintStream out) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    Status[] statuses = Status.values();
    for (ExampleResult r : results) {
      counts.computeIfAbsent(r.page(), p -> new int[statuses.length])[r.status().ordinal()]++;
    }
    out.println();
    StringBuilder head = new StringBuilder(String.format("%-34s", "page"));
    for (Status s : statuses) {
      head.append(String.format(" %8s", s));
    }
    out.println(head);
    int[] total = new int[statuses.length];
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      StringBuilder line = new StringBuilder(String.format("%-34s", e.getKey()));
      for (int i = 0; i < statuses.length; i++) {
        line.append(String.format(" %8d", e.getValue()[i]));
        total[i] += e.getValue()[i];
      }
      out.println(line);
    }
    StringBuilder line = new StringBuilder(String.format("%-34s", "total"));
    for (int n : total) {
      line.append(String.format(" %8d", n));
    }
    out.println(line);
  }
}
