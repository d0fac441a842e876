package dev.flaxj.core;

import dev.flaxj.errors.InvalidFilterError;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Collection filters as in {@code flax/core/scope.py}: a filter is a {@link Boolean}, a {@link
 * String} (one collection), a {@link Collection} of strings, or a {@link DenyList}. Used both for
 * mutability and for RNG stream selection.
 */
public final class Filters {
  private Filters() {}

  /** True if {@code filter} matches the collection {@code col}. */
  public static boolean inFilter(Object filter, String col) {
    if (filter instanceof String s) {
      return col.equals(s);
    }
    if (filter instanceof Collection<?> c) {
      return c.contains(col);
    }
    if (filter instanceof Boolean b) {
      return b;
    }
    if (filter instanceof DenyList d) {
      return !inFilter(d.deny(), col);
    }
    throw new InvalidFilterError(repr(filter));
  }

  /** True if {@code filter} matches nothing: false, an empty collection, or a DenyList of all. */
  public static boolean isFilterEmpty(Object filter) {
    if (filter instanceof String) {
      return false;
    }
    if (filter instanceof Collection<?> c) {
      return c.isEmpty();
    }
    if (filter instanceof Boolean b) {
      return !b;
    }
    if (filter instanceof DenyList d) {
      return inFilter(d.deny(), "__flax_internal_stub__");
    }
    throw new InvalidFilterError(repr(filter));
  }

  /** The finite set a filter matches; {@code true} and DenyLists are infinite and rejected. */
  public static Set<String> filterToSet(Object filter) {
    if (Boolean.TRUE.equals(filter) || filter instanceof DenyList) {
      throw new IllegalArgumentException("filterToSet: infinite set " + repr(filter));
    }
    if (Boolean.FALSE.equals(filter)) {
      return new LinkedHashSet<>();
    }
    if (filter instanceof String s) {
      return new LinkedHashSet<>(Set.of(s));
    }
    if (filter instanceof Collection<?> c) {
      Set<String> out = new LinkedHashSet<>();
      for (Object o : c) {
        out.add((String) o);
      }
      return out;
    }
    throw new InvalidFilterError(repr(filter));
  }

  /** A filter matching what {@code a} or {@code b} matches. */
  public static Object union(Object a, Object b) {
    if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
      return true;
    }
    if (a instanceof DenyList da && b instanceof DenyList db) {
      return new DenyList(intersect(da.deny(), db.deny()));
    }
    if (b instanceof DenyList) {
      Object t = a;
      a = b;
      b = t;
    }
    if (a instanceof DenyList da) {
      return new DenyList(subtract(da.deny(), b));
    }
    Set<String> out = filterToSet(a);
    out.addAll(filterToSet(b));
    return out;
  }

  /** A filter matching what {@code a} matches and {@code b} does not. */
  public static Object subtract(Object a, Object b) {
    if (Boolean.TRUE.equals(b)) {
      return false;
    }
    if (Boolean.TRUE.equals(a)) {
      return new DenyList(b);
    }
    if (a instanceof DenyList da && b instanceof DenyList db) {
      return subtract(db.deny(), da.deny());
    }
    if (a instanceof DenyList da) {
      return new DenyList(union(da.deny(), b));
    }
    if (b instanceof DenyList db) {
      return intersect(a, db.deny());
    }
    Set<String> out = filterToSet(a);
    out.removeAll(filterToSet(b));
    return out;
  }

  /** A filter matching what both {@code a} and {@code b} match. */
  public static Object intersect(Object a, Object b) {
    if (Boolean.TRUE.equals(a)) {
      return b;
    }
    if (Boolean.TRUE.equals(b)) {
      return a;
    }
    if (a instanceof DenyList da && b instanceof DenyList db) {
      return new DenyList(union(db.deny(), da.deny()));
    }
    if (b instanceof DenyList) {
      Object t = a;
      a = b;
      b = t;
    }
    if (a instanceof DenyList da) {
      return subtract(b, da.deny());
    }
    Set<String> out = filterToSet(a);
    out.retainAll(filterToSet(b));
    return out;
  }

  /** Python-like text of a filter, for error messages. */
  static String repr(Object filter) {
    if (filter instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (filter instanceof String s) {
      return s;
    }
    if (filter instanceof Collection<?> c) {
      return c.stream().map(o -> "'" + o + "'").collect(Collectors.joining(", ", "[", "]"));
    }
    return String.valueOf(filter);
  }
}
