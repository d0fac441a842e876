package dev.flaxj.transform.partial;

import static dev.flaxj.transform.partial.LinearArgs.isLinear;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.ShapePrimitives;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Transposes of the shape primitives: {@code broadcast_in_dim} sums back, {@code reshape},
 * {@code transpose}, {@code squeeze} and {@code rev} undo themselves, {@code concatenate} slices
 * its cotangent apart, {@code pad} cuts its padding away (and gives the padding value the sum of
 * what it filled).
 */
final class ShapeTranspose {
  private ShapeTranspose() {}

  static void register() {
    TransposeRules.register(ShapePrimitives.BROADCAST_IN_DIM, ShapeTranspose::broadcastInDim);
    TransposeRules.register(ShapePrimitives.RESHAPE, (cts, args, p) ->
        LinearArgs.list(reshapeTo(cts.get(0), LinearArgs.aval(args.get(0)))));
    TransposeRules.register(ShapePrimitives.SQUEEZE, (cts, args, p) ->
        LinearArgs.list(reshapeTo(cts.get(0), LinearArgs.aval(args.get(0)))));
    TransposeRules.register(ShapePrimitives.TRANSPOSE, (cts, args, p) ->
        LinearArgs.list(Lax.transpose(cts.get(0), inverse(p.getInts("permutation")))));
    TransposeRules.register(ShapePrimitives.REV, (cts, args, p) ->
        LinearArgs.list(Lax.rev(cts.get(0), p.getInts("dimensions"))));
    TransposeRules.register(ShapePrimitives.CONCATENATE, ShapeTranspose::concatenate);
    TransposeRules.register(ShapePrimitives.PAD, ShapeTranspose::pad);
  }

  /** {@code x} reshaped to {@code aval}'s shape, if it does not have it already. */
  static Value reshapeTo(Value x, ShapedArray aval) {
    return x.shape().equals(aval.shape()) ? x : Lax.reshape(x, aval.shape().dims());
  }

  /** The permutation {@code q} with {@code q[p[i]] = i}. */
  static int[] inverse(int[] p) {
    int[] q = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      q[p[i]] = i;
    }
    return q;
  }

  /**
   * Sums the cotangent over the dimensions the broadcast created or stretched from size 1; the
   * remaining dimensions are put back in operand order and the size-1 ones reinserted.
   */
  private static List<Value> broadcastInDim(List<Value> cts, List<Object> args, Params params) {
    ShapedArray operand = LinearArgs.aval(args.get(0));
    int[] dims = params.getInts("broadcast_dimensions");
    Value ct = cts.get(0);
    boolean[] kept = new boolean[ct.rank()];
    List<Integer> keptOperandOrder = new ArrayList<>();
    for (int i = 0; i < dims.length; i++) {
      if (operand.shape().dim(i) != 1) {
        kept[dims[i]] = true;
        keptOperandOrder.add(dims[i]);
      }
    }
    int[] summed = indicesWhere(kept, false);
    Value sum = summed.length == 0 ? ct : Lax.reduceSum(ct, summed);
    // the kept dimensions survive in increasing order; reorder them as in the operand
    int[] sortedKept = indicesWhere(kept, true);
    int[] perm = new int[sortedKept.length];
    for (int i = 0; i < perm.length; i++) {
      perm[i] = Arrays.binarySearch(sortedKept, keptOperandOrder.get(i));
    }
    return LinearArgs.list(reshapeTo(permute(sum, perm), operand));
  }

  /** {@code Lax.transpose}, skipped for the identity permutation. */
  static Value permute(Value x, int[] perm) {
    for (int i = 0; i < perm.length; i++) {
      if (perm[i] != i) {
        return Lax.transpose(x, perm);
      }
    }
    return x;
  }

  private static int[] indicesWhere(boolean[] flags, boolean value) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < flags.length; i++) {
      if (flags[i] == value) {
        out.add(i);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static List<Value> concatenate(List<Value> cts, List<Object> args, Params params) {
    Value ct = cts.get(0);
    int dim = params.getInt("dimension");
    Value[] out = LinearArgs.none(args.size());
    int offset = 0;
    for (int i = 0; i < args.size(); i++) {
      int size = LinearArgs.aval(args.get(i)).shape().dim(dim);
      if (isLinear(args.get(i))) {
        int[] start = new int[ct.rank()];
        int[] limit = ct.shape().dims();
        start[dim] = offset;
        limit[dim] = offset + size;
        out[i] = Lax.slice(ct, start, limit);
      }
      offset += size;
    }
    return LinearArgs.list(out);
  }

  /**
   * The operand's cotangent: negating the low/high padding cuts it off (or restores what a
   * negative padding cut), a strided slice drops the interior padding. The padding value's
   * cotangent is the sum of everything else.
   */
  private static List<Value> pad(List<Value> cts, List<Object> args, Params params) {
    Value ct = cts.get(0);
    int[][] config = params.getIntMatrix("padding_config");
    int rank = config.length;
    int[][] unpad = new int[rank][];
    int[] strides = new int[rank];
    for (int d = 0; d < rank; d++) {
      unpad[d] = new int[] {-config[d][0], -config[d][1], 0};
      strides[d] = config[d][2] + 1;
    }
    Value unpadded = Lax.pad(ct, LinearArgs.zero(ct.dtype()), unpad);
    Value operandCt = Lax.slice(unpadded, new int[rank], unpadded.shape().dims(), strides);
    Value paddingCt = null;
    if (isLinear(args.get(1))) {
      int[] all = new int[rank];
      Arrays.setAll(all, i -> i);
      paddingCt = Lax.sub(Lax.reduceSum(ct, all), Lax.reduceSum(operandCt, all));
    }
    return LinearArgs.list(isLinear(args.get(0)) ? operandCt : null, paddingCt);
  }
}
