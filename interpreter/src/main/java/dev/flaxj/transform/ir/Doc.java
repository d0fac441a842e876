package dev.flaxj.transform.ir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A pretty-printing document in the Wadler-Lindig style that JAX prints jaxprs with: text,
 * concatenation, breaks (a newline, or their flat text when the enclosing group fits on the
 * line), groups and nesting. {@link DocLayout} lays documents out.
 */
sealed interface Doc {
  record Text(String text) implements Doc {}

  record Concat(List<Doc> parts) implements Doc {}

  /** A newline (indented) in a broken group, {@code flat} in a group that fits. */
  record Break(String flat) implements Doc {}

  /** Laid out flat if all of it fits in the rest of the line, else with its breaks as newlines. */
  record Group(Doc child) implements Doc {}

  /** Indents the lines that breaks inside {@code child} start by {@code indent} more columns. */
  record Nest(int indent, Doc child) implements Doc {}

  Doc NIL = new Concat(List.of());

  static Doc text(String text) {
    return new Text(text);
  }

  static Doc concat(Doc... parts) {
    return concat(Arrays.asList(parts));
  }

  static Doc concat(List<Doc> parts) {
    return parts.size() == 1 ? parts.get(0) : new Concat(List.copyOf(parts));
  }

  static Doc brk(String flat) {
    return new Break(flat);
  }

  static Doc brk() {
    return brk(" ");
  }

  static Doc group(Doc child) {
    return new Group(child);
  }

  static Doc nest(int indent, Doc child) {
    return new Nest(indent, child);
  }

  /** The documents with {@code separator} between each two. */
  static Doc join(Doc separator, List<Doc> docs) {
    List<Doc> parts = new ArrayList<>(2 * docs.size());
    for (int i = 0; i < docs.size(); i++) {
      if (i > 0) {
        parts.add(separator);
      }
      parts.add(docs.get(i));
    }
    return concat(parts);
  }

  default String format(int width) {
    return DocLayout.format(this, width);
  }
}
