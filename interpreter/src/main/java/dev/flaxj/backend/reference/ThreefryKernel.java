package dev.flaxj.backend.reference;

import dev.flaxj.array.Array;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.backend.Kernel;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.lax.RandomPrimitives;
import java.util.List;
import java.util.Map;

/**
 * Reference kernels of {@code threefry2x32}, {@code random_wrap} and {@code random_unwrap}. Keys
 * and their uint32 data have the same storage (two int words per key), so the casts copy words.
 */
final class ThreefryKernel {
  private ThreefryKernel() {}

  /** Rotations of the 4 rounds of groups 1, 3, 5 ({@code A}) and of groups 2, 4 ({@code B}). */
  private static final int[] ROTATIONS_A = {13, 15, 26, 6};
  private static final int[] ROTATIONS_B = {17, 29, 16, 24};
  /** Threefry's key-schedule parity constant. */
  private static final int KEY_PARITY = 0x1BD11BDA;

  static void register(Map<Primitive, Kernel> table) {
    table.put(RandomPrimitives.THREEFRY2X32, ThreefryKernel::threefry);
    Kernel copyWords = (in, params, outAvals) ->
        List.of(Array.wrap(outAvals.get(0), in.get(0).rawInts().clone()));
    table.put(RandomPrimitives.RANDOM_WRAP, copyWords);
    table.put(RandomPrimitives.RANDOM_UNWRAP, copyWords);
  }

  private static List<Array> threefry(List<Array> in, Params params, List<ShapedArray> outAvals) {
    int[] k1 = in.get(0).rawInts();
    int[] k2 = in.get(1).rawInts();
    int[] x1 = in.get(2).rawInts();
    int[] x2 = in.get(3).rawInts();
    int[] y1 = (int[]) Array.allocate(outAvals.get(0));
    int[] y2 = (int[]) Array.allocate(outAvals.get(1));
    int[] block = new int[2];
    for (int i = 0; i < y1.length; i++) {
      hash(at(k1, i), at(k2, i), at(x1, i), at(x2, i), block);
      y1[i] = block[0];
      y2[i] = block[1];
    }
    return List.of(Array.wrap(outAvals.get(0), y1), Array.wrap(outAvals.get(1), y2));
  }

  /** Element {@code i} of an operand, or its only element if it is a (broadcast) scalar. */
  private static int at(int[] words, int i) {
    return words.length == 1 ? words[0] : words[i];
  }

  /** One Threefry-2x32 block (20 rounds, uint32 wraparound), written to {@code out}. */
  static void hash(int k1, int k2, int x1, int x2, int[] out) {
    int k3 = k1 ^ k2 ^ KEY_PARITY;
    int a = x1 + k1;
    int b = x2 + k2;
    for (int group = 1; group <= 5; group++) {
      for (int r : group % 2 == 1 ? ROTATIONS_A : ROTATIONS_B) {
        a += b;
        b = Integer.rotateLeft(b, r) ^ a;
      }
      a += schedule(k1, k2, k3, group);
      b += schedule(k1, k2, k3, group + 1) + group;
    }
    out[0] = a;
    out[1] = b;
  }

  /** Key-schedule word {@code ks[i % 3]} of {@code ks = (k1, k2, k3)}. */
  private static int schedule(int k1, int k2, int k3, int i) {
    switch (i % 3) {
      case 0: return k1;
      case 1: return k2;
      default: return k3;
    }
  }
}
