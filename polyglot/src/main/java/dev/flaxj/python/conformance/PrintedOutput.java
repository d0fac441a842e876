package dev.flaxj.python.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares printed output. Outside array reprs it must match exactly. Array reprs are
 * normalised: an {@code Array(...)}/{@code array(...)} repr, or a bracketed block holding only
 * numbers (what {@code print(x)} shows), is cut into tokens with whitespace dropped (numpy's column
 * padding and line wrapping depend on the digits printed), and numbers in it are compared within
 * {@link Tolerance}, so {@code 0.12345679} and {@code 0.1234568} are the same float32.
 */
final class PrintedOutput {
  private static final Pattern NUMBER = Pattern.compile("[-+]?(?:nan|inf|(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)");
  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z_0-9<>]*");
  private static final Pattern NUMERIC_BLOCK = Pattern.compile("(?:[\\s\\d.eE+\\-,\\[\\]]|nan|inf|True|False)*");

  private PrintedOutput() {}

  /** A piece of printed output: exact text, or a token of an array repr (number or not). */
  record Token(String text, boolean number, boolean inArray, int offset) {
    boolean sameAs(Token other, Tolerance t) {
      return number && other.number
          ? t.close(value(text), value(other.text))
          : text.equals(other.text) && inArray == other.inArray;
    }
  }

  static void compare(String expected, String actual, Tolerance t) {
    if (expected.equals(actual)) {
      return;
    }
    List<Token> e = tokens(expected);
    List<Token> a = tokens(actual);
    int i = 0;
    while (i < e.size() && i < a.size() && e.get(i).sameAs(a.get(i), t)) {
      i++;
    }
    if (i < e.size() || i < a.size()) {
      int at = i < e.size() ? e.get(i).offset() : expected.length();
      int atActual = i < a.size() ? a.get(i).offset() : actual.length();
      if (i < e.size() && i < a.size()) {
        int common = commonPrefix(e.get(i).text(), a.get(i).text());
        at += common;
        atActual += common;
      }
      t.mismatch("stdout line " + lineNumber(expected, at) + ": " + quote(lineAt(actual, atActual))
          + ", expected " + quote(lineAt(expected, at)));
    }
  }

  /** The value of a printed number: decimal, nan, inf or -inf. */
  static double value(String number) {
    String s = number.startsWith("+") ? number.substring(1) : number;
    switch (s) {
      case "nan": case "-nan": return Double.NaN;
      case "inf": return Double.POSITIVE_INFINITY;
      case "-inf": return Double.NEGATIVE_INFINITY;
      default: return Double.parseDouble(s);
    }
  }

  static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int end = arrayEnd(text, i);
      if (end < 0) {
        plain.append(text.charAt(i++));
        continue;
      }
      if (plain.length() > 0) {
        out.add(new Token(plain.toString(), false, false, i - plain.length()));
        plain.setLength(0);
      }
      arrayTokens(text, i, end, out);
      i = end;
    }
    if (plain.length() > 0) {
      out.add(new Token(plain.toString(), false, false, i - plain.length()));
    }
    return out;
  }

  /** The end (exclusive) of the array repr starting at {@code i}, or -1 if none starts there. */
  private static int arrayEnd(String text, int i) {
    boolean wordStart = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
    if (wordStart && (text.startsWith("Array(", i) || text.startsWith("array(", i))) {
      int close = matching(text, i + 5, '(', ')');
      return close < 0 ? -1 : close + 1;
    }
    if (text.charAt(i) == '[') {
      int close = matching(text, i, '[', ']');
      if (close > i) {
        String inner = text.substring(i, close + 1);
        if (NUMERIC_BLOCK.matcher(inner).matches() && inner.matches("(?s).*(\\d|True|False).*")) {
          return close + 1;
        }
      }
    }
    return -1;
  }

  private static int matching(String text, int open, char o, char c) {
    int depth = 0;
    for (int j = open; j < text.length(); j++) {
      char ch = text.charAt(j);
      if (ch == o) {
        depth++;
      } else if (ch == c && --depth == 0) {
        return j;
      }
    }
    return -1;
  }

  private static void arrayTokens(String text, int start, int end, List<Token> out) {
    String repr = text.substring(0, end);
    int i = start;
    while (i < end) {
      char ch = repr.charAt(i);
      if (Character.isWhitespace(ch)) {
        i++;
        continue;
      }
      Matcher number = NUMBER.matcher(repr).region(i, repr.length());
      boolean signed = (ch == '-' || ch == '+') && number.lookingAt();
      if (signed || (Character.isDigit(ch) || ch == '.' && i + 1 < repr.length()
          && Character.isDigit(repr.charAt(i + 1))) && number.lookingAt()
          || startsWord(repr, i, "nan") || startsWord(repr, i, "inf")) {
        number.lookingAt();
        out.add(new Token(number.group(), true, true, i));
        i = number.end();
        continue;
      }
      Matcher word = WORD.matcher(repr).region(i, repr.length());
      if (word.lookingAt()) {
        out.add(new Token(word.group(), false, true, i));
        i = word.end();
      } else {
        out.add(new Token(String.valueOf(ch), false, true, i));
        i++;
      }
    }
  }

  private static boolean startsWord(String s, int i, String word) {
    int end = i + word.length();
    return s.startsWith(word, i) && (end == s.length() || !Character.isLetterOrDigit(s.charAt(end)));
  }

  private static int commonPrefix(String x, String y) {
    int n = 0;
    while (n < x.length() && n < y.length() && x.charAt(n) == y.charAt(n)) {
      n++;
    }
    return n;
  }

  private static int lineNumber(String text, int offset) {
    int line = 1;
    for (int k = 0; k < offset && k < text.length(); k++) {
      line += text.charAt(k) == '\n' ? 1 : 0;
    }
    return line;
  }

  /** The line of {@code text} holding {@code offset}, or "<end>" past the end. */
  private static String lineAt(String text, int offset) {
    if (offset >= text.length()) {
      return "<end>";
    }
    int from = text.lastIndexOf('\n', offset - 1) + 1;
    int to = text.indexOf('\n', offset);
    return text.substring(from, to < 0 ? text.length() : to);
  }

  private static String quote(String s) {
    return "'" + Comparison.shorten(s) + "'";
  }
}
