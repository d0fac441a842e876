package dev.flaxj.transform.custom;

import java.util.ArrayList;
import java.util.List;

/** List plumbing of the custom-derivative rules. */
final class Lists {
  private Lists() {}

  static <T> List<T> concat(List<? extends T> a, List<? extends T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
