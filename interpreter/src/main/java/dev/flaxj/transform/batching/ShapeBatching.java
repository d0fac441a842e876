package dev.flaxj.transform.batching;

import static dev.flaxj.transform.batching.BatchRules.NOT_MAPPED;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.ShapePrimitives;
import dev.flaxj.numpy.Jnp;
import java.util.List;

/**
 * Batching of the shape primitives. Where the batch can stay where it is (broadcast_in_dim,
 * squeeze, rev, pad) only the parameters are renumbered; reshape and transpose put it in front.
 */
final class ShapeBatching {
  private ShapeBatching() {}

  static void register() {
    BatchRules.register(ShapePrimitives.BROADCAST_IN_DIM, ShapeBatching::broadcastInDim);
    BatchRules.register(ShapePrimitives.RESHAPE, ShapeBatching::reshape);
    BatchRules.register(ShapePrimitives.TRANSPOSE, ShapeBatching::transpose);
    BatchRules.register(ShapePrimitives.SQUEEZE, ShapeBatching::squeeze);
    BatchRules.register(ShapePrimitives.REV, ShapeBatching::rev);
    BatchRules.register(ShapePrimitives.CONCATENATE, ShapeBatching::concatenate);
    BatchRules.register(ShapePrimitives.PAD, ShapeBatching::pad);
    BatchRules.register(ShapePrimitives.IOTA, BatchDims.unbatched(ShapePrimitives.IOTA));
  }

  /**
   * The batch goes to the output dimension just after the one that the operand dimension before
   * it maps to, so that sorted {@code broadcast_dimensions} stay sorted.
   */
  private static BatchResult broadcastInDim(List<Value> args, int[] dims, Params params,
      AxisData axis) {
    int d = dims[0];
    int[] shape = params.getInts("shape");
    int[] bdims = params.getInts("broadcast_dimensions");
    int out = d == 0 ? 0 : bdims[d - 1] + 1;
    int[] newBdims = new int[bdims.length + 1];
    for (int k = 0, j = 0; k < newBdims.length; k++) {
      newBdims[k] = k == d ? out : BatchDims.shift(bdims[j++], out);
    }
    Value y = Lax.broadcastInDim(args.get(0), BatchDims.inserted(shape, out, axis.size()),
        newBdims);
    return BatchDims.one(y, out);
  }

  private static BatchResult reshape(List<Value> args, int[] dims, Params params, AxisData axis) {
    Value x = BatchDims.moveaxis(args.get(0), dims[0], 0);
    int[] sizes = BatchDims.inserted(params.getInts("new_sizes"), 0, axis.size());
    return BatchDims.one(Lax.reshape(x, sizes), 0);
  }

  private static BatchResult transpose(List<Value> args, int[] dims, Params params,
      AxisData axis) {
    int d = dims[0];
    int[] perm = BatchDims.inserted(BatchDims.shift(params.getInts("permutation"), d), 0, d);
    return BatchDims.one(Lax.transpose(args.get(0), perm), 0);
  }

  private static BatchResult squeeze(List<Value> args, int[] dims, Params params, AxisData axis) {
    int d = dims[0];
    int[] squeezed = params.getInts("dimensions");
    Value y = Lax.squeeze(args.get(0), BatchDims.shift(squeezed, d));
    return BatchDims.one(y, d - BatchDims.countBelow(squeezed, d));
  }

  private static BatchResult rev(List<Value> args, int[] dims, Params params, AxisData axis) {
    int d = dims[0];
    return BatchDims.one(Lax.rev(args.get(0), BatchDims.shift(params.getInts("dimensions"), d)), d);
  }

  private static BatchResult concatenate(List<Value> args, int[] dims, Params params,
      AxisData axis) {
    BatchDims.Aligned a = BatchDims.alignAll(args, dims, axis.size());
    int dimension = BatchDims.shift(params.getInt("dimension"), a.dim());
    return BatchDims.one(Lax.concatenate(a.values(), dimension), a.dim());
  }

  /**
   * With an unmapped padding value the batch dimension is simply not padded. A mapped padding
   * value (one per example) is written by a select: the operand is padded with zeros and a mask
   * of the original elements, padded the same way, picks between the two (as JAX does).
   */
  private static BatchResult pad(List<Value> args, int[] dims, Params params, AxisData axis) {
    int[][] config = params.getIntMatrix("padding_config");
    Value x = args.get(0);
    Value value = args.get(1);
    if (dims[1] == NOT_MAPPED) {
      return BatchDims.one(Lax.pad(x, value, withBatch(config, dims[0])), dims[0]);
    }
    DType dtype = x.dtype();
    int[] exampleShape = x.shape().dims();
    if (dims[0] != NOT_MAPPED) {
      exampleShape = BatchDims.without(exampleShape, dims[0]);
    }
    Value padded = Lax.pad(BatchDims.atFront(x, dims[0], axis.size()),
        BatchDims.scalar(0, dtype, x.aval().weakType()), withBatch(config, 0));
    Value mask = Lax.pad(Jnp.ones(exampleShape, DType.BOOL),
        BatchDims.scalar(0, DType.BOOL, false), config);
    int[] shape = padded.shape().dims();
    Value batchedMask = Lax.broadcastInDim(mask, shape,
        BatchDims.shift(BatchDims.identity(mask.rank()), 0));
    Value values = Lax.broadcastInDim(value, shape, new int[] {0});
    return BatchDims.one(Lax.selectN(batchedMask, values, padded), 0);
  }

  /** {@code config} with an entry that leaves the batch dimension at {@code bdim} unpadded. */
  private static int[][] withBatch(int[][] config, int bdim) {
    int[][] out = new int[config.length + 1][];
    for (int i = 0, j = 0; i < out.length; i++) {
      out[i] = i == bdim ? new int[] {0, 0, 0} : config[j++];
    }
    return out;
  }
}
