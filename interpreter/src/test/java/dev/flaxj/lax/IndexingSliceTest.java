package dev.flaxj.lax;

import static dev.flaxj.lax.ShapeTestSupport.assertArray;
import static dev.flaxj.lax.ShapeTestSupport.bools;
import static dev.flaxj.lax.ShapeTestSupport.f32;
import static dev.flaxj.lax.ShapeTestSupport.i32;
import static dev.flaxj.lax.ShapeTestSupport.range;
import static dev.flaxj.lax.ShapeTestSupport.shape;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import org.junit.jupiter.api.Test;

/** slice, dynamic_slice and dynamic_update_slice on values. */
class IndexingSliceTest {
  private static Value[] starts(int... s) {
    Value[] v = new Value[s.length];
    for (int i = 0; i < s.length; i++) {
      v[i] = Array.scalar(s[i]);
    }
    return v;
  }

  @Test
  void sliceWithAndWithoutStrides() {
    assertArray(f32(shape(1, 2), 4, 5), Lax.slice(range(2, 3), shape(1, 1), shape(2, 3)));
    // from jax 0.10.2: lax.slice(arange(24.).reshape(2, 3, 4), (0, 1, 0), (2, 3, 4), (1, 1, 3))
    assertArray(f32(shape(2, 2, 2), 4, 7, 8, 11, 16, 19, 20, 23),
        Lax.slice(range(2, 3, 4), shape(0, 1, 0), shape(2, 3, 4), shape(1, 1, 3)));
    // from jax 0.10.2: lax.slice(arange(24.).reshape(2, 3, 4), (1, 0, 1), (2, 3, 4), (1, 2, 2))
    assertArray(f32(shape(1, 2, 2), 13, 15, 21, 23),
        Lax.slice(range(2, 3, 4), shape(1, 0, 1), shape(2, 3, 4), shape(1, 2, 2)));
  }

  @Test
  void sliceOfScalarsBoolsAndEmptyRanges() {
    assertArray(Array.scalar(3), Lax.slice(Array.scalar(3), shape(), shape()));
    assertArray(bools(shape(2), false, true),
        Lax.slice(bools(shape(4), true, false, true, true), shape(1), shape(4), shape(2)));
    assertArray(f32(shape(2, 0)), Lax.slice(range(2, 3), shape(0, 2), shape(2, 2)));
  }

  @Test
  void dynamicSliceWrapsNegativeStartsThenClamps() {
    // from jax 0.10.2: lax.dynamic_slice(arange(24.).reshape(2, 3, 4), (5, -2, 3), (1, 2, 2))
    assertArray(f32(shape(1, 2, 2), 18, 19, 22, 23),
        Lax.dynamicSlice(range(2, 3, 4), starts(5, -2, 3), shape(1, 2, 2)));
    assertArray(f32(shape(1, 2, 2), 5, 6, 9, 10),
        Lax.dynamicSlice(range(2, 3, 4), starts(0, 1, 1), shape(1, 2, 2)));
  }

  @Test
  void dynamicSlicePrimitiveOnlyClamps() {
    // from jax 0.10.2: lax.dynamic_slice_p.bind(x, 5, -2, 3, slice_sizes=(1, 2, 2))
    Value[] args = {range(2, 3, 4), Array.scalar(5), Array.scalar(-2), Array.scalar(3)};
    assertArray(f32(shape(1, 2, 2), 14, 15, 18, 19), Bind.bind1(IndexingPrimitives.DYNAMIC_SLICE,
        Params.of("slice_sizes", shape(1, 2, 2)), args));
  }

  @Test
  void dynamicSliceReadsUint32StartsAsUnsigned() {
    Value[] s = {Array.ofUint32(new int[] {0xFFFFFFFF}), Array.ofUint32(new int[] {1}),
        Array.ofUint32(new int[] {0})};
    // from jax 0.10.2: dynamic_slice_p.bind(x, uint32(0xFFFFFFFF), uint32(1), uint32(0), slice_sizes=(1,2,2))
    assertArray(f32(shape(1, 2, 2), 16, 17, 20, 21),
        Lax.dynamicSlice(range(2, 3, 4), s, shape(1, 2, 2)));
  }

  @Test
  void dynamicSliceOfScalarsAndZeroSizes() {
    assertArray(Array.scalar(2f), Lax.dynamicSlice(Array.scalar(2f), starts(), shape()));
    assertArray(f32(shape(0, 3)), Lax.dynamicSlice(range(2, 3), starts(9, 9), shape(0, 3)));
    assertArray(f32(shape(0)), Lax.dynamicSlice(f32(shape(0)), starts(1), shape(0)));
  }

  @Test
  void dynamicUpdateSliceClampsAndWrites() {
    // from jax 0.10.2: dynamic_update_slice_p.bind(arange(6.).reshape(2,3), [[-1., -2.]], -4, 7)
    assertArray(f32(shape(2, 3), 0, -1, -2, 3, 4, 5),
        Lax.dynamicUpdateSlice(range(2, 3), f32(shape(1, 2), -1, -2), starts(-4, 7)));
    // from jax 0.10.2: lax.dynamic_update_slice(arange(6.).reshape(2,3), [[-1., -2.]], (-4, -2))
    assertArray(f32(shape(2, 3), 0, -1, -2, 3, 4, 5),
        Lax.dynamicUpdateSlice(range(2, 3), f32(shape(1, 2), -1, -2), starts(-4, -2)));
    assertArray(i32(shape(2, 2), 0, 0, 0, 9),
        Lax.dynamicUpdateSlice(i32(shape(2, 2), 0, 0, 0, 0), i32(shape(1, 1), 9), starts(1, 1)));
  }

  @Test
  void dynamicUpdateSliceOfScalarsEmptyUpdatesAndWeakTypes() {
    assertArray(Array.scalar(8), Lax.dynamicUpdateSlice(Array.scalar(1), Array.scalar(8),
        starts()));
    Array x = range(2, 3);
    assertArray(x, Lax.dynamicUpdateSlice(x, f32(shape(0, 2)), starts(1, 1)));
    Value weak = Lax.broadcastInDim(Array.weak(1.0), shape(3), shape());
    Value upd = Lax.broadcastInDim(Array.weak(2.0), shape(1), shape());
    // the primitive is weak only if all its inputs are (jax 0.10.2 abstract_eval); the facade's
    // wrapping of negative starts makes an int32 start strong, as in jax.lax
    Value wi = Array.weak(0);
    assertTrue(Bind.bind1(IndexingPrimitives.DYNAMIC_UPDATE_SLICE, Params.EMPTY, weak, upd, wi)
        .aval().weakType());
    assertFalse(Bind.bind1(IndexingPrimitives.DYNAMIC_UPDATE_SLICE, Params.EMPTY, weak, upd,
        Array.scalar(0)).aval().weakType());
    assertFalse(Lax.dynamicUpdateSlice(weak, upd, new Value[] {wi}).aval().weakType());
    assertTrue(Lax.dynamicSlice(weak, starts(0), shape(2)).aval().weakType());
  }
}
