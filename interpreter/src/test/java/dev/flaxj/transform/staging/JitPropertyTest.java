package dev.flaxj.transform.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.tree.Tuple;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** {@code jit(f)} computes exactly what {@code f} computes, for random shapes and values. */
class JitPropertyTest {
  private static final TreeFunction F = a -> {
    Value x = (Value) a[0];
    Value y = (Value) a[1];
    Value h = Jnp.add(Jnp.multiply(Jnp.tanh(x), y), Jnp.exp(Jnp.negative(Jnp.square(x))));
    return Tuple.of(h, Jnp.sum(h, 0), Jnp.max(Jnp.matmul(Jnp.transpose(h), y)));
  };

  @Property(tries = 40)
  void jitEqualsEager(@ForAll @IntRange(min = 1, max = 5) int rows,
      @ForAll @IntRange(min = 1, max = 5) int cols, @ForAll long seed) {
    Random random = new Random(seed);
    Array x = randomArray(random, rows, cols);
    Array y = randomArray(random, rows, cols);
    assertEquals(F.apply(x, y), Jit.jit(F).apply(x, y));
  }

  private static Array randomArray(Random random, int rows, int cols) {
    float[] values = new float[rows * cols];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextGaussian() * 3);
    }
    return Array.of(values, rows, cols);
  }
}
