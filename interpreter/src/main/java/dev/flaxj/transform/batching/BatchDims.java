package dev.flaxj.transform.batching;

import static dev.flaxj.transform.batching.BatchRules.NOT_MAPPED;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.Primitive;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shared steps of the batching rules: moving a batch dimension, broadcasting an unmapped operand
 * along a new batch dimension, renumbering an example's dimensions in the batched value, and
 * packaging results. Every step is a lax call, so rules stay transformable.
 */
final class BatchDims {
  private BatchDims() {}

  /** {@code x} with its dimension {@code from} moved to position {@code to}. */
  static Value moveaxis(Value x, int from, int to) {
    if (from == to) {
      return x;
    }
    int[] rest = without(identity(x.rank()), from);
    return Lax.transpose(x, inserted(rest, to, from));
  }

  /** {@code x} repeated {@code size} times along a new dimension at {@code axis}. */
  static Value broadcast(Value x, int size, int axis) {
    int[] shape = inserted(x.shape().dims(), axis, size);
    int[] dims = new int[x.rank()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = i < axis ? i : i + 1;
    }
    return Lax.broadcastInDim(x, shape, dims);
  }

  /** {@code x} with its batch at {@code axis}: moved there, or broadcast when not mapped. */
  static Value toAxis(Value x, int bdim, int size, int axis) {
    return bdim == NOT_MAPPED ? broadcast(x, size, axis) : moveaxis(x, bdim, axis);
  }

  /** {@code x} with its batch in front (JAX's {@code bdim_at_front}). */
  static Value atFront(Value x, int bdim, int size) {
    return toAxis(x, bdim, size, 0);
  }

  /** Where an example's dimension {@code axis} lies in a value batched at {@code bdim}. */
  static int shift(int axis, int bdim) {
    return axis >= bdim ? axis + 1 : axis;
  }

  /** {@link #shift(int, int)} of each of {@code axes}. */
  static int[] shift(int[] axes, int bdim) {
    int[] out = new int[axes.length];
    for (int i = 0; i < axes.length; i++) {
      out[i] = shift(axes[i], bdim);
    }
    return out;
  }

  /** How many of {@code axes} lie before {@code bdim} (to find the batch after removing them). */
  static int countBelow(int[] axes, int bdim) {
    int n = 0;
    for (int a : axes) {
      n += a < bdim ? 1 : 0;
    }
    return n;
  }

  /** The index of the first mapped entry of {@code dims}, or -1. */
  static int firstMapped(int[] dims) {
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] != NOT_MAPPED) {
        return i;
      }
    }
    return -1;
  }

  /** {@code 0, 1, ..., n - 1}. */
  static int[] identity(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  /** {@code values} without its entry at {@code index}. */
  static int[] without(int[] values, int index) {
    int[] out = new int[values.length - 1];
    System.arraycopy(values, 0, out, 0, index);
    System.arraycopy(values, index + 1, out, index, out.length - index);
    return out;
  }

  /** {@code values} with {@code value} inserted at {@code index}. */
  static int[] inserted(int[] values, int index, int value) {
    int[] out = new int[values.length + 1];
    System.arraycopy(values, 0, out, 0, index);
    out[index] = value;
    System.arraycopy(values, index, out, index + 1, values.length - index);
    return out;
  }

  /** The scalar {@code value} in {@code dtype}, weakly typed or not. */
  static Value scalar(int value, DType dtype, boolean weak) {
    return Lax.convertElementType(Array.scalar(value), dtype, weak);
  }

  /** Outputs that are not mapped. */
  static BatchResult unmapped(List<Value> outs) {
    int[] dims = new int[outs.size()];
    Arrays.fill(dims, NOT_MAPPED);
    return new BatchResult(outs, dims);
  }

  /** Outputs all batched at {@code dim}. */
  static BatchResult at(int dim, List<Value> outs) {
    int[] dims = new int[outs.size()];
    Arrays.fill(dims, dim);
    return new BatchResult(outs, dims);
  }

  /** One output batched at {@code dim}. */
  static BatchResult one(Value out, int dim) {
    return new BatchResult(List.of(out), new int[] {dim});
  }

  /**
   * The rule of a primitive that is applied to the bare values, its outputs not mapped: for
   * primitives without operands, which nothing can map.
   */
  static BatchRule unbatched(Primitive p) {
    return (args, dims, params, axis) ->
        unmapped(Bind.bind(p, params, args.toArray(new Value[0])));
  }

  /** Operands whose batches all lie at dimension {@code dim}. */
  record Aligned(List<Value> values, int dim) {}

  /**
   * The operands with their batches all at one dimension, the first mapped operand's: mapped
   * ones are moved there, the others broadcast. For operands of one rank (concatenate, sort, the
   * operands of dynamic_update_slice).
   */
  static Aligned alignAll(List<Value> args, int[] dims, int size) {
    int target = dims[firstMapped(dims)];
    List<Value> out = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      out.add(toAxis(args.get(i), dims[i], size, target));
    }
    return new Aligned(out, target);
  }
}
