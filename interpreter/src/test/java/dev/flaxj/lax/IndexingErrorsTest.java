package dev.flaxj.lax;

import static dev.flaxj.lax.ShapeTestSupport.assertFails;
import static dev.flaxj.lax.ShapeTestSupport.f32;
import static dev.flaxj.lax.ShapeTestSupport.i32;
import static dev.flaxj.lax.ShapeTestSupport.range;
import static dev.flaxj.lax.ShapeTestSupport.shape;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import org.junit.jupiter.api.Test;

/** Bad input to slice, dynamic_slice and dynamic_update_slice. */
class IndexingErrorsTest {
  private static final Value ZERO = Array.scalar(0);

  @Test
  void slice() {
    assertFails(() -> Lax.slice(range(2, 3), shape(0, 2), shape(2, 1)),
        "slice", "start_indices (0, 2)", "limit_indices (2, 1)", "(2, 3)");
    assertFails(() -> Lax.slice(range(2, 3), shape(0, 0), shape(2, 4)), "slice", "(2, 4)", "(2, 3)");
    assertFails(() -> Lax.slice(range(2, 3), shape(-1, 0), shape(2, 3)), "slice", "(-1, 0)");
    assertFails(() -> Lax.slice(range(2, 3), shape(0, 0), shape(2, 3), shape(1, 0)),
        "slice", "strides", "(1, 0)");
    assertFails(() -> Lax.slice(range(2, 3), shape(0), shape(2)), "slice", "(2, 3)");
  }

  @Test
  void dynamicSlice() {
    assertFails(() -> Lax.dynamicSlice(range(4), new Value[] {Array.scalar(1f)}, shape(2)),
        "dynamic_slice", "integers", "float32", "(4,)");
    assertFails(() -> Lax.dynamicSlice(range(2, 3), new Value[] {ZERO}, shape(1, 1)),
        "dynamic_slice", "one start index per operand dimension", "(2, 3)");
    assertFails(() -> Bind.bind1(IndexingPrimitives.DYNAMIC_SLICE,
        Params.of("slice_sizes", shape(1, 1)), range(2, 3), ZERO),
        "dynamic_slice", "one start index per operand dimension", "(2, 3)");
    assertFails(() -> Lax.dynamicSlice(range(4), new Value[] {i32(shape(1), 0)}, shape(2)),
        "dynamic_slice", "scalars", "(1,)");
    assertFails(() -> Lax.dynamicSlice(range(2, 3),
        new Value[] {ZERO, Array.ofUint32(new int[] {0})}, shape(1, 1)),
        "dynamic_slice", "int32, uint32");
    assertFails(() -> Lax.dynamicSlice(range(2, 3), new Value[] {ZERO, ZERO}, shape(3, 1)),
        "dynamic_slice", "slice_sizes (3, 1)", "(2, 3)");
    assertFails(() -> Lax.dynamicSlice(range(2, 3), new Value[] {ZERO, ZERO}, shape(1, -1)),
        "dynamic_slice", "(1, -1)");
  }

  @Test
  void dynamicUpdateSlice() {
    assertFails(() -> Lax.dynamicUpdateSlice(range(4), i32(shape(1), 1), new Value[] {ZERO}),
        "dynamic_update_slice", "float32", "int32");
    assertFails(() -> Lax.dynamicUpdateSlice(range(2, 3), range(3), new Value[] {ZERO, ZERO}),
        "dynamic_update_slice", "rank", "(3,)", "(2, 3)");
    assertFails(() -> Lax.dynamicUpdateSlice(range(2, 3), range(1, 4), new Value[] {ZERO, ZERO}),
        "dynamic_update_slice", "larger", "(1, 4)", "(2, 3)");
    assertFails(() -> Lax.dynamicUpdateSlice(range(2, 3), f32(shape(1, 1), 5),
        new Value[] {ZERO}), "dynamic_update_slice", "one start index", "(2, 3)");
    assertFails(() -> Lax.dynamicUpdateSlice(range(2), range(1), new Value[] {Array.scalar(1f)}),
        "dynamic_update_slice", "integers", "float32");
  }
}
