package dev.flaxj.transform.batching;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.lax.CollectivePrimitives;
import dev.flaxj.lax.DotGeneralPrimitive;
import dev.flaxj.lax.ElementwisePrimitives;
import dev.flaxj.lax.IndexingPrimitives;
import dev.flaxj.lax.LinalgPrimitives;
import dev.flaxj.lax.Primitive;
import dev.flaxj.lax.RandomPrimitives;
import dev.flaxj.lax.ReductionPrimitives;
import dev.flaxj.lax.ShapePrimitives;
import dev.flaxj.lax.SortPrimitive;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every primitive of the lax primitive families has a batching rule. */
class BatchRulesCoverageTest {
  @Test
  void everyLaxPrimitiveHasARule() throws IllegalAccessException {
    List<Primitive> all = new ArrayList<>();
    for (Class<?> family : new Class<?>[] {ElementwisePrimitives.class, ShapePrimitives.class,
        IndexingPrimitives.class, ReductionPrimitives.class, DotGeneralPrimitive.class,
        SortPrimitive.class, RandomPrimitives.class, LinalgPrimitives.class,
        CollectivePrimitives.class}) {
      for (Field f : family.getFields()) {
        if (Modifier.isStatic(f.getModifiers()) && Primitive.class.isAssignableFrom(f.getType())) {
          all.add((Primitive) f.get(null));
        }
      }
    }
    assertTrue(all.size() > 80, "found only " + all.size() + " primitives");
    for (Primitive p : all) {
      assertNotNull(BatchRules.get(p), p.name());
    }
  }
}
