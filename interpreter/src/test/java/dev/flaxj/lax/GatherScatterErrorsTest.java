package dev.flaxj.lax;

import static dev.flaxj.lax.ShapeTestSupport.assertFails;
import static dev.flaxj.lax.ShapeTestSupport.bools;
import static dev.flaxj.lax.ShapeTestSupport.f32;
import static dev.flaxj.lax.ShapeTestSupport.i32;
import static dev.flaxj.lax.ShapeTestSupport.keyRange;
import static dev.flaxj.lax.ShapeTestSupport.range;
import static dev.flaxj.lax.ShapeTestSupport.shape;

import dev.flaxj.array.Array;
import org.junit.jupiter.api.Test;

/** Bad input to gather, scatter and scatter-add: messages name the op and the shapes. */
class GatherScatterErrorsTest {
  private static final GatherScatterMode CLIP = GatherScatterMode.CLIP;
  private static final Array X = range(2, 3);
  private static final GatherDimensionNumbers ROWS =
      new GatherDimensionNumbers(shape(1), shape(0), shape(0));
  private static final ScatterDimensionNumbers SET_ROWS =
      new ScatterDimensionNumbers(shape(1), shape(0), shape(0));

  @Test
  void gatherIndices() {
    assertFails(() -> Lax.gather(X, f32(shape(1, 1), 0), ROWS, shape(1, 3), CLIP),
        "gather", "integer", "float32", "(2, 3)", "(1, 1)");
    assertFails(() -> Lax.gather(X, Array.scalar(0), ROWS, shape(1, 3), CLIP),
        "gather", "rank >= 1", "indices shape ()");
    assertFails(() -> Lax.gather(X, i32(shape(1, 2), 0, 0), ROWS, shape(1, 3), CLIP),
        "gather", "start_index_map has 1 entries", "(1, 2)");
  }

  @Test
  void gatherDimensionNumbers() {
    assertFails(() -> Lax.gather(X, i32(shape(1, 1), 0),
        new GatherDimensionNumbers(shape(1), shape(0), shape(2)), shape(1, 3), CLIP),
        "gather", "start_index_map (2,)", "(2, 3)");
    assertFails(() -> Lax.gather(range(2, 3, 4), i32(shape(1, 1), 0),
        new GatherDimensionNumbers(shape(2, 1), shape(0), shape(0)), shape(1, 3, 4), CLIP),
        "gather", "offset_dims must be sorted", "(2, 1)");
    assertFails(() -> Lax.gather(X, i32(shape(1, 1), 0),
        new GatherDimensionNumbers(shape(), shape(0), shape(0)), shape(1, 1), CLIP),
        "gather", "offset, collapsed or batching", "(2, 3)");
    assertFails(() -> Lax.gather(X, i32(shape(1, 1), 0),
        new GatherDimensionNumbers(shape(1, 3), shape(), shape(0)), shape(1, 3), CLIP),
        "gather", "offset_dims (1, 3)", "rank 3");
    assertFails(() -> Lax.gather(X, i32(shape(3, 1), 0, 1, 0),
        new GatherDimensionNumbers(shape(1), shape(), shape(1), shape(0), shape(0)), shape(1, 1),
        CLIP), "gather", "batching", "(2, 3)", "(3, 1)");
    assertFails(() -> Lax.gather(X, i32(shape(1, 1), 0),
        new GatherDimensionNumbers(shape(1), shape(0), shape(0), shape(0), shape(0)), shape(1, 3),
        CLIP), "gather", "disjoint");
  }

  @Test
  void gatherSliceSizes() {
    assertFails(() -> Lax.gather(X, i32(shape(1, 1), 0), ROWS, shape(1, 4), CLIP),
        "gather", "slice size 4", "(2, 3)");
    assertFails(() -> Lax.gather(X, i32(shape(1, 1), 0), ROWS, shape(2, 3), CLIP),
        "gather", "collapsed dimension 0", "slice size 1");
    assertFails(() -> Lax.gather(X, i32(shape(1, 1), 0), ROWS, shape(1), CLIP),
        "gather", "one entry per operand dimension", "(2, 3)");
  }

  @Test
  void scatterTypes() {
    assertFails(() -> Lax.scatter(X, i32(shape(1, 1), 0), i32(shape(1, 3), 1, 2, 3), SET_ROWS,
        CLIP), "scatter", "float32", "int32", "(2, 3)", "(1, 3)");
    assertFails(() -> Lax.scatter(X, f32(shape(1, 1), 0), range(1, 3), SET_ROWS, CLIP),
        "scatter", "integer", "float32");
    assertFails(() -> Lax.scatterAdd(bools(shape(2), true, false), i32(shape(1, 1), 0),
        bools(shape(1), true), new ScatterDimensionNumbers(shape(), shape(0), shape(0)), CLIP),
        "scatter-add", "bool");
    assertFails(() -> Lax.scatterAdd(keyRange(2), i32(shape(1, 1), 0), keyRange(1),
        new ScatterDimensionNumbers(shape(), shape(0), shape(0)), CLIP),
        "scatter-add", "key<fry>");
  }

  @Test
  void scatterShapes() {
    assertFails(() -> Lax.scatter(X, i32(shape(2, 1), 0, 1), range(1, 3), SET_ROWS, CLIP),
        "scatter", "scatter dimension 0", "(2, 3)", "(2, 1)", "(1, 3)");
    assertFails(() -> Lax.scatter(X, i32(shape(1, 1), 0), range(1, 4), SET_ROWS, CLIP),
        "scatter", "exceeds", "(1, 4)");
    assertFails(() -> Lax.scatter(X, i32(shape(1, 1), 0), range(3), SET_ROWS, CLIP),
        "scatter", "rank 2", "(3,)");
    assertFails(() -> Lax.scatter(X, i32(shape(1, 1), 0), range(1, 3),
        new ScatterDimensionNumbers(shape(1), shape(), shape(0)), CLIP),
        "scatter", "window, inserted or batching", "(2, 3)");
    assertFails(() -> Lax.scatter(X, i32(shape(1, 2), 0, 0), range(1, 3), SET_ROWS, CLIP),
        "scatter", "scatter_dims_to_operand_dims has 1 entries", "(1, 2)");
  }
}
