package dev.flaxj.tree;

import java.util.List;
import java.util.StringJoiner;

/** Python's {@code repr} for the values that appear in tree definitions, keys and tuples. */
final class PyRepr {
  private PyRepr() {}

  static String of(Object value) {
    if (value == null) {
      return "None";
    }
    if (value instanceof String s) {
      return string(s);
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof List<?> list) {
      return join(list, "[", "]", false);
    }
    return value.toString();
  }

  /** Items separated by ", " between brackets; a one-item tuple keeps Python's trailing comma. */
  static String join(List<?> items, String open, String close, boolean tupleComma) {
    StringJoiner out = new StringJoiner(", ", open, tupleComma && items.size() == 1 ? ",)" : close);
    for (Object item : items) {
      out.add(of(item));
    }
    return out.toString();
  }

  /** Quotes with ' unless the text holds ' and no ", as Python does; escapes the chosen quote. */
  static String string(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c == quote) {
            out.append('\\');
          }
          out.append(c);
        }
      }
    }
    return out.append(quote).toString();
  }
}
