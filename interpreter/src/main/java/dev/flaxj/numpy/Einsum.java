package dev.flaxj.numpy;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.DotDimensionNumbers;
import dev.flaxj.lax.Lax;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code jnp.einsum} on {@code dot_general}, {@code reduce_sum} and {@code transpose}: operands
 * are contracted pairwise from left to right. Supports explicit ({@code "ij,jk->ik"}) and implicit
 * ({@code "ij,jk"}: the labels seen once, sorted) outputs, {@code ...} for leading axes, and
 * repeated labels within one operand (diagonals).
 */
final class Einsum {
  private Einsum() {}

  /** An intermediate value with one label per axis. */
  private record Term(Value value, String labels) {}

  static Value einsum(String subscripts, Object... operands) {
    String spec = subscripts.replace(" ", "");
    String[] sides = spec.split("->", -1);
    if (sides.length > 2) {
      throw error("subscripts '" + subscripts + "' contain more than one '->'");
    }
    String[] inputs = sides[0].split(",", -1);
    if (inputs.length != operands.length) {
      throw error("subscripts '" + subscripts + "' name " + inputs.length
          + " operands, but " + operands.length + " were given");
    }
    Value[] promoted = Operands.promoteDtypes("einsum", Operands.Kind.ANY, operands);
    String free = freeLetters(spec);
    int ellipsisRank = 0;
    List<Term> terms = new ArrayList<>();
    for (int i = 0; i < inputs.length; i++) {
      terms.add(new Term(promoted[i], expandEllipsis(inputs[i], promoted[i].rank(), free, i)));
      if (inputs[i].contains("...")) {
        ellipsisRank = Math.max(ellipsisRank, promoted[i].rank() - (inputs[i].length() - 3));
      }
    }
    checkSizes(terms);
    String ellipsisLabels = free.substring(free.length() - ellipsisRank);
    String output = sides.length == 2 ? sides[1].replace("...", ellipsisLabels)
        : ellipsisLabels + implicitOutput(terms, ellipsisLabels);
    checkOutput(output, terms);
    return evaluate(terms, output);
  }

  /** Diagonals first, then left-to-right pairwise contraction, then the output order. */
  private static Value evaluate(List<Term> terms, String output) {
    List<Term> pending = new ArrayList<>();
    for (Term t : terms) {
      pending.add(takeDiagonals(t));
    }
    Term acc = sumOut(pending.get(0), output, pending.subList(1, pending.size()));
    for (int i = 1; i < pending.size(); i++) {
      List<Term> later = pending.subList(i + 1, pending.size());
      Term next = sumOut(pending.get(i), output + acc.labels(), later);
      acc = contract(acc, next, output, later);
    }
    int[] perm = new int[output.length()];
    for (int i = 0; i < perm.length; i++) {
      perm[i] = acc.labels().indexOf(output.charAt(i));
    }
    return Lax.transpose(acc.value(), perm);
  }

  private static void checkOutput(String output, List<Term> terms) {
    for (int i = 0; i < output.length(); i++) {
      char c = output.charAt(i);
      if (terms.stream().noneMatch(t -> t.labels().indexOf(c) >= 0)) {
        throw error("output label '" + c + "' does not appear in any input");
      }
      if (output.indexOf(c) != i) {
        throw error("output label '" + c + "' appears more than once");
      }
    }
  }

  private static IllegalArgumentException error(String message) {
    return new IllegalArgumentException("einsum: " + message);
  }

  /** Letters not used by the subscripts, to stand for the axes an ellipsis covers. */
  private static String freeLetters(String spec) {
    StringBuilder sb = new StringBuilder();
    for (char c = 'A'; c <= 'Z'; c++) {
      if (spec.indexOf(c) < 0) {
        sb.append(c);
      }
    }
    for (char c = 'a'; c <= 'z'; c++) {
      if (spec.indexOf(c) < 0) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String expandEllipsis(String input, int rank, String free, int operand) {
    int named = input.replace("...", "").length();
    for (char c : input.replace("...", "").toCharArray()) {
      if (!Character.isLetter(c)) {
        throw error("invalid subscript '" + c + "' in operand " + operand);
      }
    }
    if (!input.contains("...")) {
      if (named != rank) {
        throw error("operand " + operand + " has rank " + rank + " but its subscripts '"
            + input + "' name " + named + " axes");
      }
      return input;
    }
    int covered = rank - named;
    if (covered < 0) {
      throw error("operand " + operand + " has rank " + rank + ", fewer than the " + named
          + " axes its subscripts '" + input + "' name");
    }
    return input.replace("...", free.substring(free.length() - covered));
  }

  /** Numpy's implicit output (after the ellipsis axes): the labels used once, alphabetically. */
  private static String implicitOutput(List<Term> terms, String ellipsisLabels) {
    Map<Character, Integer> counts = new HashMap<>();
    for (Term t : terms) {
      for (char c : t.labels().toCharArray()) {
        counts.merge(c, 1, Integer::sum);
      }
    }
    TreeSet<Character> once = new TreeSet<>();
    counts.forEach((c, n) -> {
      if (n == 1 && ellipsisLabels.indexOf(c) < 0) {
        once.add(c);
      }
    });
    StringBuilder sb = new StringBuilder();
    once.forEach(sb::append);
    return sb.toString();
  }

  private static void checkSizes(List<Term> terms) {
    Map<Character, Integer> sizes = new HashMap<>();
    for (int i = 0; i < terms.size(); i++) {
      Term t = terms.get(i);
      for (int d = 0; d < t.labels().length(); d++) {
        char c = t.labels().charAt(d);
        int n = t.value().shape().dim(d);
        Integer seen = sizes.putIfAbsent(c, n);
        if (seen != null && seen != n) {
          throw error("size of label '" + c + "' for operand " + i + " (" + n
              + ") does not match previous terms (" + seen + ")");
        }
      }
    }
  }

  /** Replaces each label repeated within a term by the diagonal along its axes. */
  private static Term takeDiagonals(Term t) {
    Value v = t.value();
    String labels = t.labels();
    for (int q = 1; q < labels.length(); q++) {
      int p = labels.indexOf(labels.charAt(q));
      if (p == q) {
        continue;
      }
      int[] shape = v.shape().dims();
      Value eq = Lax.eq(Lax.iota(DType.INT32, shape, p), Lax.iota(DType.INT32, shape, q));
      v = Lax.reduceSum(Lax.selectN(eq, Constants.full(shape, 0, v.dtype(), false), v), p);
      labels = labels.substring(0, p) + labels.substring(p + 1);
      q--;
    }
    return new Term(v, labels);
  }

  /** Sums over the labels of {@code t} needed neither in {@code keep} nor by a later term. */
  private static Term sumOut(Term t, String keep, List<Term> later) {
    List<Integer> axes = new ArrayList<>();
    StringBuilder kept = new StringBuilder();
    for (int d = 0; d < t.labels().length(); d++) {
      char c = t.labels().charAt(d);
      if (needed(c, keep, later)) {
        kept.append(c);
      } else {
        axes.add(d);
      }
    }
    if (axes.isEmpty()) {
      return t;
    }
    return new Term(Lax.reduceSum(t.value(), Ints.of(axes)), kept.toString());
  }

  /**
   * One {@code dot_general}: labels in both terms are batch axes if still needed (by the output or
   * a later term), else contracted. The result's labels: batch, then {@code a}'s, then {@code b}'s.
   */
  private static Term contract(Term a, Term b, String output, List<Term> later) {
    List<Integer> ac = new ArrayList<>();
    List<Integer> bc = new ArrayList<>();
    List<Integer> ab = new ArrayList<>();
    List<Integer> bb = new ArrayList<>();
    StringBuilder batch = new StringBuilder();
    for (int d = 0; d < a.labels().length(); d++) {
      char c = a.labels().charAt(d);
      int e = b.labels().indexOf(c);
      if (e < 0) {
        continue;
      }
      boolean needed = needed(c, output, later);
      (needed ? ab : ac).add(d);
      (needed ? bb : bc).add(e);
      if (needed) {
        batch.append(c);
      }
    }
    StringBuilder labels = new StringBuilder(batch);
    appendFree(labels, a.labels(), b.labels());
    appendFree(labels, b.labels(), a.labels());
    Value v = Lax.dotGeneral(a.value(), b.value(),
        DotDimensionNumbers.of(Ints.of(ac), Ints.of(bc), Ints.of(ab), Ints.of(bb)));
    return new Term(v, labels.toString());
  }

  private static void appendFree(StringBuilder out, String labels, String other) {
    for (char c : labels.toCharArray()) {
      if (other.indexOf(c) < 0) {
        out.append(c);
      }
    }
  }

  /** Whether label {@code c} is in {@code keep} or used by one of the {@code later} terms. */
  private static boolean needed(char c, String keep, List<Term> later) {
    return keep.indexOf(c) >= 0 || later.stream().anyMatch(t -> t.labels().indexOf(c) >= 0);
  }
}
