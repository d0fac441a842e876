package dev.flaxj.transform.ir;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Lays out a {@link Doc} within a line width, as Lindig's "strictly pretty" algorithm in the form
 * JAX uses: a group is laid out flat when the group itself (not the rest of the document) fits in
 * what is left of the current line; otherwise its own breaks become newlines, and each group
 * nested in it decides again.
 */
final class DocLayout {
  private DocLayout() {}

  private record Item(int indent, boolean flat, Doc doc) {}

  static String format(Doc doc, int width) {
    StringBuilder out = new StringBuilder();
    Deque<Item> agenda = new ArrayDeque<>();
    agenda.push(new Item(0, false, doc));
    int column = 0;
    while (!agenda.isEmpty()) {
      Item item = agenda.pop();
      Doc d = item.doc();
      if (d instanceof Doc.Text t) {
        out.append(t.text());
        column += t.text().length();
      } else if (d instanceof Doc.Concat c) {
        for (int i = c.parts().size() - 1; i >= 0; i--) {
          agenda.push(new Item(item.indent(), item.flat(), c.parts().get(i)));
        }
      } else if (d instanceof Doc.Break b) {
        if (item.flat()) {
          out.append(b.flat());
          column += b.flat().length();
        } else {
          out.append('\n').append(" ".repeat(item.indent()));
          column = item.indent();
        }
      } else if (d instanceof Doc.Nest n) {
        agenda.push(new Item(item.indent() + n.indent(), item.flat(), n.child()));
      } else {
        Doc child = ((Doc.Group) d).child();
        agenda.push(new Item(item.indent(), fits(child, width - column), child));
      }
    }
    return out.toString();
  }

  /** Whether {@code doc}, laid out flat, takes at most {@code room} columns. */
  private static boolean fits(Doc doc, int room) {
    Deque<Doc> agenda = new ArrayDeque<>();
    agenda.push(doc);
    while (room >= 0 && !agenda.isEmpty()) {
      Doc d = agenda.pop();
      if (d instanceof Doc.Text t) {
        room -= t.text().length();
      } else if (d instanceof Doc.Concat c) {
        for (int i = c.parts().size() - 1; i >= 0; i--) {
          agenda.push(c.parts().get(i));
        }
      } else if (d instanceof Doc.Break b) {
        room -= b.flat().length();
      } else if (d instanceof Doc.Nest n) {
        agenda.push(n.child());
      } else {
        agenda.push(((Doc.Group) d).child());
      }
    }
    return room >= 0;
  }
}
