package dev.flaxj.transform.jvp;

import static dev.flaxj.lax.IndexingPrimitives.DYNAMIC_SLICE;
import static dev.flaxj.lax.IndexingPrimitives.DYNAMIC_UPDATE_SLICE;
import static dev.flaxj.lax.IndexingPrimitives.GATHER;
import static dev.flaxj.lax.IndexingPrimitives.SCATTER;
import static dev.flaxj.lax.IndexingPrimitives.SCATTER_ADD;
import static dev.flaxj.lax.IndexingPrimitives.SLICE;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.GatherDimensionNumbers;
import dev.flaxj.lax.GatherScatterMode;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.ScatterDimensionNumbers;
import java.util.Arrays;
import java.util.List;

/**
 * Forward-mode rules of slicing and indexing. All are linear in the sliced operand (and update),
 * with the indices passed through, except {@code scatter}, whose tangent must follow whichever
 * of several colliding updates won (JAX's {@code _scatter_jvp}).
 */
final class IndexingJvp {
  private IndexingJvp() {}

  static void register() {
    JvpDefs.linear(SLICE);
    JvpDefs.linearIn(DYNAMIC_SLICE, 0);
    JvpDefs.linearIn(DYNAMIC_UPDATE_SLICE, 0, 1);
    JvpDefs.linearIn(SCATTER_ADD, 0, 2);
    JvpDefs.byOperand(GATHER, (g, ans, xs, params) -> Bind.bind1(GATHER,
        params.with("fill_value", params.get("fill_value") == null ? null : 0.0), g, xs.get(1)),
        null);
    JvpRules.register(SCATTER, IndexingJvp::scatter);
  }

  private static JvpResult scatter(List<Value> primals, List<Value> tangents, Params params) {
    Value operand = primals.get(0);
    Value indices = primals.get(1);
    Value updates = primals.get(2);
    Value gOperand = Tangents.instantiate(tangents.get(0));
    Value gUpdates = Tangents.instantiate(tangents.get(2));
    if (params.getBoolean("unique_indices")) {
      return new JvpResult(List.of(Bind.bind1(SCATTER, params, operand, indices, updates)),
          List.of(Bind.bind1(SCATTER, params, gOperand, indices, gUpdates)));
    }
    // Colliding updates: tag each update with a positive id, scatter the ids, gather them back
    // to see which update won each position, keep only the winners (and the operand where no
    // update landed), and scatter-add those.
    ScatterDimensionNumbers dn = (ScatterDimensionNumbers) params.get("dimension_numbers");
    int[] idsShape = updates.shape().dims();
    for (int d : dn.updateWindowDims()) {
      idsShape[d] = 1;
    }
    int numIds = 1;
    for (int d : idsShape) {
      numIds *= d;
    }
    int[] all = new int[idsShape.length];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    Value ids = Lax.reshape(Lax.iota(DType.INT32, numIds), idsShape);
    Value updateIds = Lax.add(Lax.broadcastInDim(ids, updates.shape().dims(), all),
        Fill.full(updates.shape().dims(), 1, DType.INT32));
    Value scatteredIds = Bind.bind1(SCATTER, params,
        Fill.full(operand.shape().dims(), 0, DType.INT32), indices, updateIds);
    Value gatheredIds = gatherBack(scatteredIds, indices, dn, updates);
    Value operandKept = Lax.eq(scatteredIds, Fill.like(scatteredIds, 0));
    Value updateKept = Lax.eq(updateIds, gatheredIds);
    Value out = scatterAdd(params, keep(operandKept, operand), indices, keep(updateKept, updates));
    Value t = scatterAdd(params, keep(operandKept, gOperand), indices, keep(updateKept, gUpdates));
    return new JvpResult(List.of(out), List.of(t));
  }

  /** The windows of {@code scattered} that a scatter with these numbers wrote, as a gather. */
  private static Value gatherBack(Value scattered, Value indices, ScatterDimensionNumbers dn,
      Value updates) {
    GatherDimensionNumbers gdn = new GatherDimensionNumbers(dn.updateWindowDims(),
        dn.insertedWindowDims(), dn.scatterDimsToOperandDims(), dn.operandBatchingDims(),
        dn.scatterIndicesBatchingDims());
    int rank = scattered.rank();
    int[] sliceSizes = new int[rank];
    int[] window = dn.updateWindowDims();
    int[] windowOperandDims = dn.windowOperandDims(rank);
    Arrays.fill(sliceSizes, 1);
    for (int i = 0; i < windowOperandDims.length; i++) {
      sliceSizes[windowOperandDims[i]] = updates.shape().dim(window[i]);
    }
    // Clamped gather windows, as in JAX: an update that the scatter dropped reads an id that is
    // not its own; one it clamped reads its own id if it won.
    return Lax.gather(scattered, indices, gdn, sliceSizes, GatherScatterMode.PROMISE_IN_BOUNDS);
  }

  private static Value keep(Value mask, Value x) {
    return Lax.selectN(mask, Fill.like(x, 0), x);
  }

  private static Value scatterAdd(Params params, Value operand, Value indices, Value updates) {
    return Bind.bind1(SCATTER_ADD, params, operand, indices, updates);
  }
}
