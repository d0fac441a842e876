package dev.flaxj.transform.partial;

import static dev.flaxj.transform.partial.Adjoint.check;
import static dev.flaxj.transform.partial.Adjoint.lin;
import static dev.flaxj.transform.partial.Adjoint.randn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.DotDimensionNumbers;
import dev.flaxj.lax.DotGeneralPrimitive;
import dev.flaxj.lax.ElementwisePrimitives;
import dev.flaxj.lax.GatherDimensionNumbers;
import dev.flaxj.lax.GatherScatterMode;
import dev.flaxj.lax.IndexingPrimitives;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.ReductionPrimitives;
import dev.flaxj.lax.ScatterDimensionNumbers;
import dev.flaxj.lax.ShapePrimitives;
import dev.flaxj.transform.jvp.Zero;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every transpose rule passes the dot-product test {@code <ct, f(x)> == <f^T(ct), x>}. */
class TransposeRulesTest {
  private static final Params NONE = Params.EMPTY;

  @Test
  void addSubNeg() {
    check(ElementwisePrimitives.ADD, NONE, lin(randn(1, 2, 3)), lin(randn(2, 2, 3)));
    check(ElementwisePrimitives.ADD, NONE, randn(1, 4), lin(randn(2, 4)));
    check(ElementwisePrimitives.SUB, NONE, lin(randn(1, 2, 3)), lin(randn(2, 2, 3)));
    check(ElementwisePrimitives.SUB, NONE, randn(1), lin(randn(2)));
    check(ElementwisePrimitives.NEG, NONE, lin(randn(3, 0, 2)));
  }

  @Test
  void mulAndDivByKnownValues() {
    check(ElementwisePrimitives.MUL, NONE, lin(randn(1, 3)), randn(2, 3));
    check(ElementwisePrimitives.MUL, NONE, randn(1, 2, 2), lin(randn(2, 2, 2)));
    check(ElementwisePrimitives.DIV, NONE, lin(randn(1, 5)), randn(2, 5));
  }

  @Test
  void productOfTwoLinearValuesIsRejected() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> check(ElementwisePrimitives.MUL, NONE, lin(randn(1, 3)), lin(randn(2, 3))));
    assertTrue(e.getMessage().contains("mul"), e.getMessage());
    assertThrows(IllegalStateException.class,
        () -> check(ElementwisePrimitives.DIV, NONE, randn(1, 3), lin(randn(2, 3))));
  }

  @Test
  void convertElementTypeGoesBackToTheOperandType() {
    List<Value> cts = check(ElementwisePrimitives.CONVERT_ELEMENT_TYPE,
        Params.of("new_dtype", DType.FLOAT32, "weak_type", false), lin(randn(1, 2, 3)));
    assertEquals(DType.FLOAT64, cts.get(0).dtype());
    check(ElementwisePrimitives.CONVERT_ELEMENT_TYPE,
        Params.of("new_dtype", DType.FLOAT64, "weak_type", false), lin(randn(1, DType.FLOAT32, 4)));
  }

  @Test
  void convertFromAnIntegerHasAZeroCotangent() {
    List<Value> cts = TransposeRules.get(ElementwisePrimitives.CONVERT_ELEMENT_TYPE).apply(
        List.of(randn(1, 3)), List.of(new UndefinedPrimal(Array.of(new int[3], 3).aval())),
        Params.of("new_dtype", DType.FLOAT64, "weak_type", false));
    assertTrue(cts.get(0) instanceof Zero);
  }

  @Test
  void selectNIsLinearInItsCases() {
    Array which = Array.of(new boolean[] {true, false, true, false}, 4);
    check(ElementwisePrimitives.SELECT_N, NONE, which, lin(randn(1, 4)), lin(randn(2, 4)));
    check(ElementwisePrimitives.SELECT_N, NONE, which, randn(1, 4), lin(randn(2, 4)));
    Array which3 = Array.of(new int[] {2, 0, 1, 1, 0, 2}, 2, 3);
    check(ElementwisePrimitives.SELECT_N, NONE, which3, lin(randn(1, 2, 3)), randn(2, 2, 3),
        lin(randn(3, 2, 3)));
    check(ElementwisePrimitives.SELECT_N, NONE, Array.scalar(true), lin(randn(1, 2)),
        lin(randn(2, 2)));
  }

  @Test
  void broadcastInDimSumsBack() {
    check(ShapePrimitives.BROADCAST_IN_DIM, broadcast(new int[] {2, 3}, 1), lin(randn(1, 3)));
    check(ShapePrimitives.BROADCAST_IN_DIM, broadcast(new int[] {3, 4}, 0, 1), lin(randn(1, 3, 1)));
    check(ShapePrimitives.BROADCAST_IN_DIM, broadcast(new int[] {2, 2}), lin(randn(1)));
    check(ShapePrimitives.BROADCAST_IN_DIM, broadcast(new int[] {3, 4, 2}, 2, 0),
        lin(randn(1, 2, 3)));
    check(ShapePrimitives.BROADCAST_IN_DIM, broadcast(new int[] {1, 5}, 0, 1), lin(randn(1, 1, 5)));
    check(ShapePrimitives.BROADCAST_IN_DIM, broadcast(new int[] {0, 3}, 1), lin(randn(1, 3)));
  }

  private static Params broadcast(int[] shape, int... dims) {
    return Params.of("shape", shape, "broadcast_dimensions", dims);
  }

  @Test
  void reshapeTransposeSqueezeRev() {
    check(ShapePrimitives.RESHAPE, Params.of("new_sizes", new int[] {3, 2}), lin(randn(1, 2, 3)));
    check(ShapePrimitives.RESHAPE, Params.of("new_sizes", new int[] {}), lin(randn(1, 1, 1)));
    check(ShapePrimitives.TRANSPOSE, Params.of("permutation", new int[] {2, 0, 1}),
        lin(randn(1, 2, 3, 4)));
    check(ShapePrimitives.SQUEEZE, Params.of("dimensions", new int[] {0, 2}),
        lin(randn(1, 1, 3, 1)));
    check(ShapePrimitives.REV, Params.of("dimensions", new int[] {1}), lin(randn(1, 2, 3)));
  }

  @Test
  void concatenateSlicesApart() {
    Params p = Params.of("dimension", 1);
    check(ShapePrimitives.CONCATENATE, p, lin(randn(1, 2, 1)), randn(2, 2, 3), lin(randn(3, 2, 2)));
    check(ShapePrimitives.CONCATENATE, p, lin(randn(1, 2, 0)), lin(randn(3, 2, 2)));
  }

  @Test
  void padWithNegativeAndInteriorPadding() {
    Params p = Params.of("padding_config", new int[][] {{1, -2, 2}, {-1, 3, 0}});
    check(ShapePrimitives.PAD, p, lin(randn(1, 4, 3)), lin(randn(2)));
    check(ShapePrimitives.PAD, p, lin(randn(1, 4, 3)), Array.of(new double[] {5}));
    check(ShapePrimitives.PAD, p, randn(1, 4, 3), lin(randn(2)));
    check(ShapePrimitives.PAD, Params.of("padding_config", new int[][] {{2, 1, 1}}),
        lin(randn(1, 0)), lin(randn(2)));
  }

  @Test
  void slicePadsWithZeros() {
    check(IndexingPrimitives.SLICE, slice(new int[] {1, 0}, new int[] {3, 2}, null),
        lin(randn(1, 4, 3)));
    check(IndexingPrimitives.SLICE, slice(new int[] {1, 0}, new int[] {4, 3}, new int[] {2, 2}),
        lin(randn(1, 5, 3)));
    check(IndexingPrimitives.SLICE, slice(new int[] {2}, new int[] {2}, new int[] {3}),
        lin(randn(1, 4)));
  }

  private static Params slice(int[] start, int[] limit, int[] strides) {
    return Params.of("start_indices", start, "limit_indices", limit, "strides", strides);
  }

  @Test
  void dynamicSliceAndUpdateSlice() {
    Params sizes = Params.of("slice_sizes", new int[] {2, 2});
    check(IndexingPrimitives.DYNAMIC_SLICE, sizes, lin(randn(1, 4, 3)), Array.scalar(1),
        Array.scalar(5));
    check(IndexingPrimitives.DYNAMIC_UPDATE_SLICE, NONE, lin(randn(1, 4, 3)),
        lin(randn(2, 2, 2)), Array.scalar(3), Array.scalar(-1));
    check(IndexingPrimitives.DYNAMIC_UPDATE_SLICE, NONE, randn(1, 4, 3), lin(randn(2, 2, 2)),
        Array.scalar(1), Array.scalar(1));
    check(IndexingPrimitives.DYNAMIC_UPDATE_SLICE, NONE, lin(randn(1, 4, 3)), randn(2, 2, 2),
        Array.scalar(0), Array.scalar(1));
  }

  /** Rows with a repeat and one out of bounds (clipped or dropped by the mode). */
  private static final Array ROWS = Array.of(new int[] {0, 2, 2, 4, 7}, 5, 1);
  /** PROMISE_IN_BOUNDS gathers clamp but scatters drop, so that mode is checked in bounds only. */
  private static final Array IN_BOUNDS = Array.of(new int[] {0, 2, 2, 4, 3}, 5, 1);

  @Test
  void gatherScatterAddsIntoZeros() {
    GatherDimensionNumbers dn = new GatherDimensionNumbers(new int[] {1}, new int[] {0},
        new int[] {0});
    for (GatherScatterMode mode : GatherScatterMode.values()) {
      check(IndexingPrimitives.GATHER, Params.of("dimension_numbers", dn,
          "slice_sizes", new int[] {1, 2}, "indices_are_sorted", false, "unique_indices", false,
          "mode", mode, "fill_value", mode == GatherScatterMode.FILL_OR_DROP ? 0.0 : null),
          lin(randn(1, 5, 3)), mode == GatherScatterMode.PROMISE_IN_BOUNDS ? IN_BOUNDS : ROWS);
    }
  }

  @Test
  void scatterAddGathersItsUpdates() {
    ScatterDimensionNumbers dn = new ScatterDimensionNumbers(new int[] {1}, new int[] {0},
        new int[] {0});
    for (GatherScatterMode mode : GatherScatterMode.values()) {
      Params p = Params.of("dimension_numbers", dn, "indices_are_sorted", false,
          "unique_indices", false, "mode", mode);
      Array rows = mode == GatherScatterMode.PROMISE_IN_BOUNDS ? IN_BOUNDS : ROWS;
      check(IndexingPrimitives.SCATTER_ADD, p, lin(randn(1, 5, 3)), rows, lin(randn(2, 5, 2)));
      check(IndexingPrimitives.SCATTER_ADD, p, randn(1, 5, 3), rows, lin(randn(2, 5, 2)));
    }
  }

  @Test
  void scatterWithUniqueIndices() {
    ScatterDimensionNumbers dn = new ScatterDimensionNumbers(new int[] {1}, new int[] {0},
        new int[] {0});
    Array rows = Array.of(new int[] {3, 0, 1}, 3, 1);
    Params p = Params.of("dimension_numbers", dn, "indices_are_sorted", false,
        "unique_indices", true, "mode", GatherScatterMode.FILL_OR_DROP);
    check(IndexingPrimitives.SCATTER, p, lin(randn(1, 5, 3)), rows, lin(randn(2, 3, 3)));
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> check(IndexingPrimitives.SCATTER, p.with("unique_indices", false),
            lin(randn(1, 5, 3)), rows, lin(randn(2, 3, 3))));
    assertEquals("scatter transpose is only implemented where unique_indices=True", e.getMessage());
  }

  @Test
  void reductions() {
    check(ReductionPrimitives.REDUCE_SUM, Params.of("axes", new int[] {0, 2}),
        lin(randn(1, 2, 3, 4)));
    check(ReductionPrimitives.REDUCE_SUM, Params.of("axes", new int[] {}), lin(randn(1)));
    check(ReductionPrimitives.REDUCE_SUM, Params.of("axes", new int[] {0}), lin(randn(1, 0, 3)));
    check(ReductionPrimitives.CUMSUM, Params.of("axis", 1, "reverse", false), lin(randn(1, 2, 5)));
    check(ReductionPrimitives.CUMSUM, Params.of("axis", 0, "reverse", true), lin(randn(1, 4)));
  }

  @Test
  void dotGeneralInEitherOperand() {
    Params matmul = Params.of("dimension_numbers",
        DotDimensionNumbers.of(new int[] {1}, new int[] {0}));
    check(DotGeneralPrimitive.DOT_GENERAL, matmul, lin(randn(1, 2, 3)), randn(2, 3, 4));
    check(DotGeneralPrimitive.DOT_GENERAL, matmul, randn(1, 2, 3), lin(randn(2, 3, 4)));
    // batch axes not in front, two contracting axes in opposite orders
    Params general = Params.of("dimension_numbers", DotDimensionNumbers.of(new int[] {0, 3},
        new int[] {3, 1}, new int[] {2}, new int[] {0}));
    Array lhs = randn(1, 2, 5, 3, 4);
    Array rhs = randn(2, 3, 4, 6, 2);
    check(DotGeneralPrimitive.DOT_GENERAL, general, lin(lhs), rhs);
    check(DotGeneralPrimitive.DOT_GENERAL, general, lhs, lin(rhs));
    Params vectors = Params.of("dimension_numbers",
        DotDimensionNumbers.of(new int[] {0}, new int[] {0}));
    check(DotGeneralPrimitive.DOT_GENERAL, vectors, lin(randn(1, 3)), randn(2, 3));
    Params outer = Params.of("dimension_numbers",
        DotDimensionNumbers.of(new int[] {}, new int[] {}));
    check(DotGeneralPrimitive.DOT_GENERAL, outer, randn(1, 3), lin(randn(2, 2)));
  }
}
