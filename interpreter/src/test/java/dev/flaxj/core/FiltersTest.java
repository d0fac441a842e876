package dev.flaxj.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.errors.InvalidFilterError;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FiltersTest {
  @Test
  void inFilterForEachKind() {
    assertTrue(Filters.inFilter(true, "a"));
    assertFalse(Filters.inFilter(false, "a"));
    assertTrue(Filters.inFilter("a", "a"));
    assertFalse(Filters.inFilter("a", "b"));
    assertTrue(Filters.inFilter(List.of("a", "b"), "b"));
    assertFalse(Filters.inFilter(new DenyList("a"), "a"));
    assertTrue(Filters.inFilter(new DenyList("a"), "b"));
    InvalidFilterError e = assertThrows(InvalidFilterError.class, () -> Filters.inFilter(3, "a"));
    assertEquals("Invalid Filter: \"3\" (https://flax.readthedocs.io/en/latest/api_reference/"
        + "flax.errors.html#flax.errors.InvalidFilterError)", e.getMessage());
  }

  @Test
  void setAlgebra() {
    assertEquals(Set.of("a", "b"), Filters.union("a", List.of("b")));
    assertEquals(true, Filters.union(true, "a"));
    assertEquals(new DenyList(Set.of("b")), Filters.union(new DenyList(List.of("a", "b")), "a"));
    assertEquals(Set.of("a"), Filters.intersect("a", List.of("a", "b")));
    assertEquals(Set.of("b"), Filters.intersect(List.of("a", "b"), new DenyList("a")));
    assertEquals(new DenyList("a"), Filters.subtract(true, "a"));
    assertEquals(false, Filters.subtract("a", true));
    assertEquals(Set.of("b"), Filters.subtract(List.of("a", "b"), "a"));
    assertTrue(Filters.isFilterEmpty(new DenyList(true)));
    assertTrue(Filters.isFilterEmpty(List.of()));
    assertFalse(Filters.isFilterEmpty("a"));
  }
}
