package dev.flaxj.lax;

import static dev.flaxj.lax.ShapeTestSupport.assertKeysMoveLikeInts;
import static dev.flaxj.lax.ShapeTestSupport.i32;
import static dev.flaxj.lax.ShapeTestSupport.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import org.junit.jupiter.api.Test;

/** The indexing primitives move key elements (two words each) as they move any other element. */
class IndexingKeyTest {
  private static final GatherScatterMode FILL = GatherScatterMode.FILL_OR_DROP;

  @Test
  void slices() {
    assertKeysMoveLikeInts(e -> Lax.slice(e.range(3, 4), shape(1, 0), shape(3, 4), shape(1, 3)));
    assertKeysMoveLikeInts(e -> Lax.dynamicSlice(e.range(3, 4),
        new Value[] {Array.scalar(2), Array.scalar(-1)}, shape(2, 2)));
    assertKeysMoveLikeInts(e -> Lax.dynamicUpdateSlice(e.range(3, 4), e.of(shape(1, 2), 50, 51),
        new Value[] {Array.scalar(1), Array.scalar(3)}));
  }

  @Test
  void gatherAndScatter() {
    assertKeysMoveLikeInts(e -> Lax.gather(e.range(2, 3), i32(shape(3, 1), 2, 0, 2),
        new GatherDimensionNumbers(shape(0), shape(1), shape(1)), shape(2, 1),
        GatherScatterMode.PROMISE_IN_BOUNDS));
    assertKeysMoveLikeInts(e -> Lax.scatter(e.range(2, 3), i32(shape(2, 1), 1, 1),
        e.of(shape(2, 3), 10, 11, 12, 13, 14, 15),
        new ScatterDimensionNumbers(shape(1), shape(0), shape(0)), FILL));
  }

  @Test
  void gatherFillsOutOfBoundsKeysWithAllOnesWords() {
    // from jax 0.10.2: random.key_data(random.split(random.key(0), 3))
    Array keys = Array.ofWords(DType.KEY, new int[] {1797259609, (int) 2579123966L, 928981903,
        (int) 3453687069L, (int) 4146024105L, (int) 2718843009L}, 3);
    Value got = Lax.gather(keys, i32(shape(2, 1), 1, 5),
        new GatherDimensionNumbers(shape(), shape(0), shape(0)), shape(1), FILL);
    // from jax 0.10.2: random.key_data(keys.at[jnp.array([1, 5])].get(mode='fill'))
    assertArrayEquals(new int[] {928981903, (int) 3453687069L, 0xFFFFFFFF, 0xFFFFFFFF},
        ((Array) got).toIntArray());
  }
}
