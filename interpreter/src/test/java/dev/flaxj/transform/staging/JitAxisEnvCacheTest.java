package dev.flaxj.transform.staging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.transform.batching.Vmap;
import org.junit.jupiter.api.Test;

/** The jit cache is keyed on the named vmap axes in scope, as JAX's is. */
class JitAxisEnvCacheTest {
  @Test
  void pmeanRetracedForAnotherAxisSize() {
    Jitted f = Jit.jit(a -> Lax.pmean((Value) a[0], "i"));
    Array x3 = Array.of(new float[] {0, 1, 2, 3, 4, 5}, 3, 2);
    Array x2 = Array.of(new float[] {0, 1, 2, 3}, 2, 2);
    Value r3 = (Value) Vmap.vmap(f).axisName("i").apply(x3);
    Value r2 = (Value) Vmap.vmap(f).axisName("i").apply(x2);
    // from jax 0.10.2: jax.vmap(jax.jit(lambda x: lax.pmean(x, 'i')), axis_name='i')
    assertArrayEquals(new float[] {2, 3, 2, 3, 2, 3}, ((Array) r3).rawFloats());
    assertArrayEquals(new float[] {1, 2, 1, 2}, ((Array) r2).rawFloats());
    assertEquals(2, f.traceCount());
    // the same axis again hits the cache
    Vmap.vmap(f).axisName("i").apply(x2);
    assertEquals(2, f.traceCount());
  }

  @Test
  void axisNameIsPartOfTheKey() {
    Jitted f = Jit.jit(a -> Lax.psum((Value) a[0], "i"));
    Array x = Array.of(new float[] {1, 2, 3}, 3);
    Vmap.vmap(f).axisName("i").apply(x);
    Value nested = (Value) Vmap.vmap(Vmap.vmap(f).axisName("j")).axisName("i")
        .apply(Array.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
    // from jax 0.10.2: psum over the outer axis of size 2 sums each column over the rows
    assertArrayEquals(new float[] {5, 7, 9, 5, 7, 9}, ((Array) nested).rawFloats());
    assertEquals(2, f.traceCount());
  }
}
