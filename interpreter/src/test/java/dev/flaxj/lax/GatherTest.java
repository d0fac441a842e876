package dev.flaxj.lax;

import static dev.flaxj.lax.ShapeTestSupport.assertArray;
import static dev.flaxj.lax.ShapeTestSupport.bools;
import static dev.flaxj.lax.ShapeTestSupport.f32;
import static dev.flaxj.lax.ShapeTestSupport.i32;
import static dev.flaxj.lax.ShapeTestSupport.intRange;
import static dev.flaxj.lax.ShapeTestSupport.range;
import static dev.flaxj.lax.ShapeTestSupport.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import org.junit.jupiter.api.Test;

/**
 * gather with the dimension numbers that jax.numpy indexing produces (read off
 * {@code jax.make_jaxpr} in jax 0.10.2), on {@code x = arange(24.).reshape(2, 3, 4)}.
 */
class GatherTest {
  private static final Array X = range(2, 3, 4);
  private static final GatherScatterMode PROMISE = GatherScatterMode.PROMISE_IN_BOUNDS;

  private static GatherDimensionNumbers dn(int[] offset, int[] collapsed, int[] startIndexMap) {
    return new GatherDimensionNumbers(offset, collapsed, startIndexMap);
  }

  @Test
  void takeAlongTheMiddleAxis() {
    // x[:, [0, 2, 1]]: offset_dims=(0, 2), collapsed=(1,), start_index_map=(1,), slice (2, 1, 4)
    Value y = Lax.gather(X, i32(shape(3, 1), 0, 2, 1), dn(shape(0, 2), shape(1), shape(1)),
        shape(2, 1, 4), PROMISE);
    // from jax 0.10.2
    assertArray(f32(shape(2, 3, 4), 0, 1, 2, 3, 8, 9, 10, 11, 4, 5, 6, 7, 12, 13, 14, 15, 20, 21,
        22, 23, 16, 17, 18, 19), y);
  }

  @Test
  void takeAlongTheFirstAxis() {
    // x[[0, 0, 1]]: offset_dims=(1, 2), collapsed=(0,), start_index_map=(0,), slice (1, 3, 4)
    Value y = Lax.gather(X, i32(shape(3, 1), 0, 0, 1), dn(shape(1, 2), shape(0), shape(0)),
        shape(1, 3, 4), PROMISE);
    assertEquals(dev.flaxj.array.Shape.of(3, 3, 4), y.shape());
    float[] expected = new float[36];
    for (int i = 0; i < 36; i++) {
      expected[i] = i < 24 ? i % 12 : i - 12;
    }
    // from jax 0.10.2: x[jnp.array([0, 0, 1])]
    assertArray(f32(shape(3, 3, 4), expected), y);
  }

  @Test
  void twoIndexArraysAroundASlice() {
    // x[[0, 0, 1], :, [0, 2, 1]]: offset_dims=(1,), collapsed=(0, 2), start_index_map=(0, 2)
    Value y = Lax.gather(X, i32(shape(3, 2), 0, 0, 0, 2, 1, 1),
        dn(shape(1), shape(0, 2), shape(0, 2)), shape(1, 3, 1), PROMISE);
    // from jax 0.10.2
    assertArray(f32(shape(3, 3), 0, 4, 8, 2, 6, 10, 13, 17, 21), y);
  }

  @Test
  void twoAdjacentIndexArrays() {
    // x[[0, 0, 1], [0, 2, 1]]: offset_dims=(1,), collapsed=(0, 1), start_index_map=(0, 1)
    Value y = Lax.gather(X, i32(shape(3, 2), 0, 0, 0, 2, 1, 1),
        dn(shape(1), shape(0, 1), shape(0, 1)), shape(1, 1, 4), PROMISE);
    // from jax 0.10.2
    assertArray(f32(shape(3, 4), 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19), y);
  }

  @Test
  void indexArrayAfterAnEllipsis() {
    // x[..., [0, 2, 1]]: offset_dims=(0, 1), collapsed=(2,), start_index_map=(2,)
    Value y = Lax.gather(X, i32(shape(3, 1), 0, 2, 1), dn(shape(0, 1), shape(2), shape(2)),
        shape(2, 3, 1), PROMISE);
    // from jax 0.10.2
    assertArray(f32(shape(2, 3, 3), 0, 2, 1, 4, 6, 5, 8, 10, 9, 12, 14, 13, 16, 18, 17, 20, 22, 21),
        y);
  }

  @Test
  void indexArrayFollowedByASliceWithAStart() {
    // x[[0, 0, 1], 1:]: index vectors (i, 1), offset_dims=(1, 2), collapsed=(0,),
    // start_index_map=(0, 1), slice (1, 2, 4)
    Value y = Lax.gather(X, i32(shape(3, 2), 0, 1, 0, 1, 1, 1),
        dn(shape(1, 2), shape(0), shape(0, 1)), shape(1, 2, 4), PROMISE);
    // from jax 0.10.2
    assertArray(f32(shape(3, 2, 4), 4, 5, 6, 7, 8, 9, 10, 11, 4, 5, 6, 7, 8, 9, 10, 11, 16, 17, 18,
        19, 20, 21, 22, 23), y);
  }

  @Test
  void twoDimensionalIndexArray() {
    // x[[[0, 1], [1, 0]]]: indices (2, 2, 1), offset_dims=(2, 3), collapsed=(0,)
    Value y = Lax.gather(X, i32(shape(2, 2, 1), 0, 1, 1, 0), dn(shape(2, 3), shape(0), shape(0)),
        shape(1, 3, 4), PROMISE);
    float[] expected = new float[48];
    for (int i = 0; i < 48; i++) {
      expected[i] = (i / 12 == 1 || i / 12 == 2) ? 12 + i % 12 : i % 12;
    }
    // from jax 0.10.2
    assertArray(f32(shape(2, 2, 3, 4), expected), y);
  }

  @Test
  void diagonalAndBooleanMaskReads() {
    // jnp.diagonal(x[0]): indices (3, 2) = (i, i), offset_dims=(), collapsed=(0, 1)
    Value d = Lax.gather(Lax.reshape(Lax.slice(X, shape(0, 0, 0), shape(1, 3, 4)), 3, 4),
        i32(shape(3, 2), 0, 0, 1, 1, 2, 2), dn(shape(), shape(0, 1), shape(0, 1)), shape(1, 1),
        PROMISE);
    // from jax 0.10.2
    assertArray(f32(shape(3), 0, 5, 10), d);
    // a concrete mask [True, False, True] becomes indices [[0], [2]]; offset_dims=(), collapsed=(0,)
    Value m = Lax.gather(f32(shape(3), 10, 11, 12), i32(shape(2, 1), 0, 2),
        dn(shape(), shape(0), shape(0)), shape(1), PROMISE);
    assertArray(f32(shape(2), 10, 12), m);
  }

  @Test
  void takeAlongAxisUsesBatchingDimensions() {
    // jnp.take_along_axis(x, idx, axis=2): operand_batching_dims=(0, 1),
    // start_indices_batching_dims=(0, 1), collapsed=(2,), start_index_map=(2,), slice (1, 1, 1)
    GatherDimensionNumbers g = new GatherDimensionNumbers(shape(), shape(2), shape(2), shape(0, 1),
        shape(0, 1));
    Array idx = i32(shape(2, 3, 1), 3, 0, 9, 1, -1, 2);
    // from jax 0.10.2: lax.gather(x, idx, g, (1, 1, 1), mode=...)
    assertArray(f32(shape(2, 3), 3, 4, Float.NaN, 13, Float.NaN, 22),
        Lax.gather(X, idx, g, shape(1, 1, 1), GatherScatterMode.FILL_OR_DROP));
    assertArray(f32(shape(2, 3), 3, 4, 11, 13, 16, 22),
        Lax.gather(X, idx, g, shape(1, 1, 1), GatherScatterMode.CLIP));
  }

  @Test
  void vmappedIndexingKeepsABatchingWindowOfSizeOne() {
    // jax.vmap(lambda r, k: r[k])(x[0], [1, 3, 0]): offset_dims=(1,), collapsed=(),
    // start_index_map=(1,), operand_batching_dims=(0,), start_indices_batching_dims=(0,)
    GatherDimensionNumbers g = new GatherDimensionNumbers(shape(1), shape(), shape(1), shape(0),
        shape(0));
    Value y = Lax.gather(range(3, 4), i32(shape(3, 1), 1, 3, 0), g, shape(1, 1),
        GatherScatterMode.CLIP);
    // from jax 0.10.2 (before the final squeeze)
    assertArray(f32(shape(3, 1), 1, 7, 8), y);
  }

  @Test
  void outOfBoundsWindowsPerMode() {
    GatherDimensionNumbers g = dn(shape(1), shape(), shape(0));
    Array idx = i32(shape(4, 1), 8, 7, -1, 0);
    // from jax 0.10.2: lax.gather(arange(10.), idx, g, (3,), mode=...)
    float[] clamped = {7, 8, 9, 7, 8, 9, 0, 1, 2, 0, 1, 2};
    assertArray(f32(shape(4, 3), clamped), Lax.gather(range(10), idx, g, shape(3),
        GatherScatterMode.CLIP));
    assertArray(f32(shape(4, 3), clamped), Lax.gather(range(10), idx, g, shape(3), PROMISE));
    float n = Float.NaN;
    assertArray(f32(shape(4, 3), n, n, n, 7, 8, 9, n, n, n, 0, 1, 2), Lax.gather(range(10), idx,
        g, shape(3), GatherScatterMode.FILL_OR_DROP));
    assertArray(f32(shape(4, 3), 5, 5, 5, 7, 8, 9, 5, 5, 5, 0, 1, 2), Lax.gather(range(10), idx,
        g, shape(3), GatherScatterMode.FILL_OR_DROP, 5, false, false));
  }

  @Test
  void defaultFillValuesPerDtype() {
    GatherDimensionNumbers g = dn(shape(), shape(0), shape(0));
    Array idx = i32(shape(2, 1), 1, 5);
    GatherScatterMode fill = GatherScatterMode.FILL_OR_DROP;
    // from jax 0.10.2: arange(3).at[[5]].get(mode='fill') is int32 min; uint32 max; bool True
    assertArray(i32(shape(2), 1, Integer.MIN_VALUE), Lax.gather(intRange(3), idx, g, shape(1), fill));
    assertArray(Array.ofUint32(new int[] {1, 0xFFFFFFFF}, 2),
        Lax.gather(Array.ofUint32(new int[] {0, 1, 2}, 3), idx, g, shape(1), fill));
    assertArray(bools(shape(2), false, true),
        Lax.gather(bools(shape(3), false, false, false), idx, g, shape(1), fill));
  }

  @Test
  void boolAndIntGathersAndUnsignedIndices() {
    // from jax 0.10.2: jnp.array([True, False, True, False])[jnp.array([3, 0, 2])]
    assertArray(bools(shape(3), false, true, true), Lax.gather(bools(shape(4), true, false, true,
        false), i32(shape(3, 1), 3, 0, 2), dn(shape(), shape(0), shape(0)), shape(1), PROMISE));
    // from jax 0.10.2: jnp.arange(6).reshape(2, 3)[:, jnp.array([2, 0])]
    assertArray(i32(shape(2, 2), 2, 0, 5, 3), Lax.gather(intRange(2, 3),
        Array.ofUint32(new int[] {2, 0}, 2, 1), dn(shape(0), shape(1), shape(1)), shape(2, 1),
        PROMISE));
  }

  @Test
  void scalarAndEmptyGathers() {
    // x[1] on a vector through gather: indices of shape (1,), output a scalar
    assertArray(Array.scalar(11f), Lax.gather(f32(shape(3), 10, 11, 12), i32(shape(1), 1),
        dn(shape(), shape(0), shape(0)), shape(1), PROMISE));
    assertArray(f32(shape(0, 3, 4)), Lax.gather(X, i32(shape(0, 1)),
        dn(shape(1, 2), shape(0), shape(0)), shape(1, 3, 4), PROMISE));
    assertArray(f32(shape(2, 0)), Lax.gather(range(3, 4), i32(shape(2, 1), 0, 1),
        dn(shape(1), shape(0), shape(0)), shape(1, 0), GatherScatterMode.FILL_OR_DROP));
  }

  @Test
  void gatherParamsAreThoseJaxBinds() {
    assertEquals(Double.NaN, IndexingPrimitives.defaultGatherFill(DType.FLOAT32));
    assertEquals("GatherDimensionNumbers(offset_dims=(0, 2), collapsed_slice_dims=(1,), "
        + "start_index_map=(1,), operand_batching_dims=(), start_indices_batching_dims=())",
        dn(shape(0, 2), shape(1), shape(1)).toString());
    assertEquals("GatherScatterMode.PROMISE_IN_BOUNDS", PROMISE.toString());
  }
}
