package dev.flaxj.transform.control;

import java.util.ArrayList;
import java.util.List;

/**
 * The list plumbing of the control-flow rules (JAX's {@code split_list}, {@code partition_list},
 * {@code merge_lists}): operands of these primitives are runs of consts, carries and sequences.
 */
final class Lists {
  private Lists() {}

  @SafeVarargs
  static <T> List<T> concat(List<? extends T>... parts) {
    List<T> out = new ArrayList<>();
    for (List<? extends T> p : parts) {
      out.addAll(p);
    }
    return out;
  }

  /** {@code xs[from, from + count)} as a new list. */
  static <T> List<T> slice(List<? extends T> xs, int from, int count) {
    return new ArrayList<>(xs.subList(from, from + count));
  }

  /** The elements whose flag equals {@code which}. */
  static <T> List<T> select(boolean[] flags, List<? extends T> xs, boolean which) {
    List<T> out = new ArrayList<>();
    for (int i = 0; i < flags.length; i++) {
      if (flags[i] == which) {
        out.add(xs.get(i));
      }
    }
    return out;
  }

  /** Interleaves back: element i comes from {@code whenTrue} if {@code flags[i]}, else {@code whenFalse}. */
  static <T> List<T> merge(boolean[] flags, List<? extends T> whenFalse, List<? extends T> whenTrue) {
    List<T> out = new ArrayList<>(flags.length);
    int f = 0;
    int t = 0;
    for (boolean flag : flags) {
      out.add(flag ? whenTrue.get(t++) : whenFalse.get(f++));
    }
    if (f != whenFalse.size() || t != whenTrue.size()) {
      throw new IllegalStateException("merge: " + whenFalse.size() + "+" + whenTrue.size()
          + " elements for " + flags.length + " flags");
    }
    return out;
  }

  static boolean[] concat(boolean[]... parts) {
    int n = 0;
    for (boolean[] p : parts) {
      n += p.length;
    }
    boolean[] out = new boolean[n];
    int k = 0;
    for (boolean[] p : parts) {
      System.arraycopy(p, 0, out, k, p.length);
      k += p.length;
    }
    return out;
  }

  static boolean[] slice(boolean[] xs, int from, int count) {
    return java.util.Arrays.copyOfRange(xs, from, from + count);
  }

  static boolean[] filled(int n, boolean value) {
    boolean[] out = new boolean[n];
    java.util.Arrays.fill(out, value);
    return out;
  }

  static boolean[] or(boolean[] a, boolean[] b) {
    boolean[] out = new boolean[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] || b[i];
    }
    return out;
  }

  static int count(boolean[] xs) {
    int n = 0;
    for (boolean x : xs) {
      n += x ? 1 : 0;
    }
    return n;
  }

  static boolean any(boolean[] xs) {
    return count(xs) > 0;
  }

  static int[] concat(int[] a, int[] b) {
    int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Which batch dimensions are mapped (not {@code BatchRules.NOT_MAPPED}). */
  static boolean[] mapped(int[] dims) {
    boolean[] out = new boolean[dims.length];
    for (int i = 0; i < dims.length; i++) {
      out[i] = dims[i] != dev.flaxj.transform.batching.BatchRules.NOT_MAPPED;
    }
    return out;
  }

  static boolean[] not(boolean[] xs) {
    boolean[] out = new boolean[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = !xs[i];
    }
    return out;
  }
}
