package dev.flaxj.lax;

import static dev.flaxj.lax.ShapeTestSupport.assertArray;
import static dev.flaxj.lax.ShapeTestSupport.bools;
import static dev.flaxj.lax.ShapeTestSupport.f32;
import static dev.flaxj.lax.ShapeTestSupport.i32;
import static dev.flaxj.lax.ShapeTestSupport.range;
import static dev.flaxj.lax.ShapeTestSupport.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import org.junit.jupiter.api.Test;

/**
 * scatter and scatter-add with the dimension numbers that {@code .at[...].set/add} produce
 * (read off {@code jax.make_jaxpr} in jax 0.10.2), on {@code x = arange(24.).reshape(2, 3, 4)}.
 */
class ScatterTest {
  private static final Array X = range(2, 3, 4);
  private static final GatherScatterMode FILL = GatherScatterMode.FILL_OR_DROP;

  private static ScatterDimensionNumbers dn(int[] window, int[] inserted, int[] toOperand) {
    return new ScatterDimensionNumbers(window, inserted, toOperand);
  }

  private static Array plus(Array a, float c) {
    float[] v = a.toFloatArray();
    for (int i = 0; i < v.length; i++) {
      v[i] += c;
    }
    return Array.of(v, a.shape().dims());
  }

  @Test
  void setRowsWithDuplicateIndicesLastWriteWins() {
    // x.at[[1, 0, 1]].set(arange(36.).reshape(3, 3, 4) + 100):
    // update_window_dims=(1, 2), inserted=(0,), scatter_dims_to_operand_dims=(0,)
    Value y = Lax.scatter(X, i32(shape(3, 1), 1, 0, 1), plus(range(3, 3, 4), 100),
        dn(shape(1, 2), shape(0), shape(0)), FILL);
    // from jax 0.10.2: row 0 gets update 1, row 1 gets update 2 (the later of 0 and 2)
    float[] expected = new float[24];
    for (int i = 0; i < 24; i++) {
      expected[i] = 112 + i;
    }
    assertArray(f32(shape(2, 3, 4), expected), y);
  }

  @Test
  void addColumnsWithDuplicateIndicesAccumulates() {
    // x.at[:, [0, 2, 0]].add(arange(24.).reshape(2, 3, 4) * 10 + 1000):
    // update_window_dims=(0, 2), inserted=(1,), scatter_dims_to_operand_dims=(1,)
    float[] u = new float[24];
    for (int i = 0; i < 24; i++) {
      u[i] = i * 10 + 1000;
    }
    Value y = Lax.scatterAdd(X, i32(shape(3, 1), 0, 2, 0), f32(shape(2, 3, 4), u),
        dn(shape(0, 2), shape(1), shape(1)), FILL);
    // from jax 0.10.2
    assertArray(f32(shape(2, 3, 4), 2080, 2101, 2122, 2143, 4, 5, 6, 7, 1048, 1059, 1070, 1081,
        2332, 2353, 2374, 2395, 16, 17, 18, 19, 1180, 1191, 1202, 1213), y);
  }

  @Test
  void setAtAScalarPositionWithAOneDimensionalIndexVector() {
    // x.at[0, 1].set([-1, -2, -3, -4]): indices (2,) = (0, 1), update_window_dims=(0,),
    // inserted=(0, 1), scatter_dims_to_operand_dims=(0, 1)
    Value y = Lax.scatter(X, i32(shape(2), 0, 1), f32(shape(4), -1, -2, -3, -4),
        dn(shape(0), shape(0, 1), shape(0, 1)), FILL);
    float[] expected = X.toFloatArray();
    for (int i = 0; i < 4; i++) {
      expected[4 + i] = -1 - i;
    }
    // from jax 0.10.2
    assertArray(f32(shape(2, 3, 4), expected), y);
  }

  @Test
  void addAtPairsOfIndexArrays() {
    // x.at[[1, 1, 0], [2, 2, 0]].add(ones((3, 4))): update_window_dims=(1,),
    // inserted=(0, 1), scatter_dims_to_operand_dims=(0, 1)
    Value y = Lax.scatterAdd(X, i32(shape(3, 2), 1, 2, 1, 2, 0, 0),
        Lax.broadcastInDim(Array.scalar(1f), shape(3, 4), shape()),
        dn(shape(1), shape(0, 1), shape(0, 1)), FILL);
    // from jax 0.10.2
    assertArray(f32(shape(2, 3, 4), 1, 2, 3, 4, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
        18, 19, 22, 23, 24, 25), y);
  }

  @Test
  void duplicateAddsAccumulateInIndexOrderInFloat32() {
    // from jax 0.10.2: zeros(2).at[[0,0,0,1,1,1]].add([1e8, 1, -1e8, 1, 1e8, -1e8]) is [0, 0]
    Value y = Lax.scatterAdd(f32(shape(2), 0, 0), i32(shape(6, 1), 0, 0, 0, 1, 1, 1),
        f32(shape(6), 1e8f, 1f, -1e8f, 1f, 1e8f, -1e8f), dn(shape(), shape(0), shape(0)), FILL);
    assertArray(f32(shape(2), 0, 0), y);
    // from jax 0.10.2: zeros(3).at[[2, 2, 2]].set([1, 2, 3]) is [0, 0, 3]
    assertArray(f32(shape(3), 0, 0, 3), Lax.scatter(f32(shape(3), 0, 0, 0),
        i32(shape(3, 1), 2, 2, 2), f32(shape(3), 1, 2, 3), dn(shape(), shape(0), shape(0)), FILL));
  }

  @Test
  void integerAddsWrapAround() {
    ScatterDimensionNumbers d = dn(shape(), shape(0), shape(0));
    // from jax 0.10.2: int32 max + 1 wraps to int32 min
    assertArray(i32(shape(2), Integer.MIN_VALUE, 0), Lax.scatterAdd(i32(shape(2),
        Integer.MAX_VALUE, 0), i32(shape(1, 1), 0), i32(shape(1), 1), d, FILL));
    // from jax 0.10.2: uint32 [2^32-1, 0] at [0, 1] add [2, 2^32-1] gives [1, 2^32-1]
    assertArray(Array.ofUint32(new int[] {1, 0xFFFFFFFF}, 2),
        Lax.scatterAdd(Array.ofUint32(new int[] {0xFFFFFFFF, 0}, 2), i32(shape(2, 1), 0, 1),
            Array.ofUint32(new int[] {2, 0xFFFFFFFF}, 2), d, FILL));
  }

  @Test
  void outOfBoundsWindowsPerMode() {
    // lax.scatter(_add)(arange(10.), [[8], [7], [-1], [0]], [[100, 200, 300]] * 4,
    //   ScatterDimensionNumbers((1,), (), (0,)), mode=...)
    ScatterDimensionNumbers d = dn(shape(1), shape(), shape(0));
    Array idx = i32(shape(4, 1), 8, 7, -1, 0);
    float[] u = new float[12];
    for (int i = 0; i < 12; i++) {
      u[i] = 100 * (i % 3 + 1);
    }
    Array upd = f32(shape(4, 3), u);
    // from jax 0.10.2
    assertArray(f32(shape(10), 100, 200, 300, 3, 4, 5, 6, 100, 200, 300),
        Lax.scatter(range(10), idx, upd, d, GatherScatterMode.CLIP));
    assertArray(f32(shape(10), 200, 401, 602, 3, 4, 5, 6, 207, 408, 609),
        Lax.scatterAdd(range(10), idx, upd, d, GatherScatterMode.CLIP));
    assertArray(f32(shape(10), 100, 201, 302, 3, 4, 5, 6, 107, 208, 309),
        Lax.scatterAdd(range(10), idx, upd, d, FILL));
    assertArray(f32(shape(10), 100, 201, 302, 3, 4, 5, 6, 107, 208, 309),
        Lax.scatterAdd(range(10), idx, upd, d, GatherScatterMode.PROMISE_IN_BOUNDS));
    assertArray(f32(shape(10), 100, 200, 300, 3, 4, 5, 6, 100, 200, 300),
        Lax.scatter(range(10), idx, upd, d, null));
  }

  @Test
  void vmappedSetUsesBatchingDimensions() {
    // jax.vmap(lambda r, k: r.at[k].set(-1.))(x[0], [1, 3, 0]): update_window_dims=(),
    // inserted=(1,), scatter_dims_to_operand_dims=(1,), operand_batching_dims=(0,),
    // scatter_indices_batching_dims=(0,)
    ScatterDimensionNumbers d = new ScatterDimensionNumbers(shape(), shape(1), shape(1), shape(0),
        shape(0));
    Value y = Lax.scatter(range(3, 4), i32(shape(3, 1), 1, 3, 0), f32(shape(3), -1, -1, -1), d,
        FILL);
    // from jax 0.10.2
    assertArray(f32(shape(3, 4), 0, -1, 2, 3, 4, 5, 6, -1, -1, 9, 10, 11), y);
  }

  @Test
  void boolScatterScalarsAndEmptyUpdates() {
    assertArray(bools(shape(3), true, false, true), Lax.scatter(bools(shape(3), false, false,
        false), i32(shape(2, 1), 2, 0), bools(shape(2), true, true),
        dn(shape(), shape(0), shape(0)), FILL));
    // a scalar operand: no index vector entries, no window
    assertArray(Array.scalar(5f), Lax.scatter(Array.scalar(1f), i32(shape(0)),
        Array.scalar(5f), dn(shape(), shape(), shape()), FILL));
    assertArray(X, Lax.scatterAdd(X, i32(shape(0, 1)), f32(shape(0, 3, 4)),
        dn(shape(1, 2), shape(0), shape(0)), FILL));
  }

  @Test
  void scatterDimensionNumbersPrintAsJaxDoes() {
    assertEquals("ScatterDimensionNumbers(update_window_dims=(0, 2), inserted_window_dims=(1,), "
        + "scatter_dims_to_operand_dims=(1,), operand_batching_dims=(), "
        + "scatter_indices_batching_dims=())", dn(shape(0, 2), shape(1), shape(1)).toString());
    assertEquals(dn(shape(0), shape(1), shape(1)), dn(shape(0), shape(1), shape(1)));
  }
}
