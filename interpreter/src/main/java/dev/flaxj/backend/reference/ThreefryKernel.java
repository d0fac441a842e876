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
  /** Elements hashed together, round by round: small enough for the L1 cache. */
  private static final int BLOCK = 1024;

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
    hash(k1, k2, x1, x2, y1, y2);
    return List.of(Array.wrap(outAvals.get(0), y1), Array.wrap(outAvals.get(1), y2));
  }

  /** Element {@code i} of an operand, or its only element if it is a (broadcast) scalar. */
  private static int at(int[] words, int i) {
    return words.length == 1 ? words[0] : words[i];
  }

  /**
   * Threefry-2x32 (20 rounds, uint32 wraparound) of the operands (each an array or a broadcast
   * scalar), into {@code y1} and {@code y2}. It runs block by block and, in a block, round by
   * round over all the elements, each round a simple loop that the JIT vectorizes.
   */
  static void hash(int[] k1, int[] k2, int[] x1, int[] x2, int[] y1, int[] y2) {
    boolean scalarKey = k1.length == 1 && k2.length == 1;
    int[][] ks = new int[3][Math.min(BLOCK, y1.length)];
    for (int from = 0; from < y1.length; from += BLOCK) {
      int to = Math.min(from + BLOCK, y1.length);
      if (from == 0 || !scalarKey) {
        keySchedule(k1, k2, ks, from, to);
      }
      for (int i = from; i < to; i++) {
        y1[i] = at(x1, i) + ks[0][i - from];
        y2[i] = at(x2, i) + ks[1][i - from];
      }
      for (int group = 1; group <= 5; group++) {
        for (int r : group % 2 == 1 ? ROTATIONS_A : ROTATIONS_B) {
          round(y1, y2, from, to, r);
        }
        inject(y1, y2, ks[group % 3], ks[(group + 1) % 3], from, to, group);
      }
    }
  }

  /** The key schedule {@code (k1, k2, k1 ^ k2 ^ parity)} of elements {@code from} to {@code to}. */
  private static void keySchedule(int[] k1, int[] k2, int[][] ks, int from, int to) {
    for (int i = from; i < to; i++) {
      ks[0][i - from] = at(k1, i);
      ks[1][i - from] = at(k2, i);
      ks[2][i - from] = at(k1, i) ^ at(k2, i) ^ KEY_PARITY;
    }
  }

  /** One round: {@code a += b; b = rotl(b, r) ^ a}. */
  private static void round(int[] a, int[] b, int from, int to, int r) {
    for (int i = from; i < to; i++) {
      int sum = a[i] + b[i];
      a[i] = sum;
      b[i] = Integer.rotateLeft(b[i], r) ^ sum;
    }
  }

  /** Key injection after group {@code g}: {@code a += ks[g % 3]; b += ks[(g + 1) % 3] + g}. */
  private static void inject(int[] a, int[] b, int[] ka, int[] kb, int from, int to, int g) {
    for (int i = from; i < to; i++) {
      a[i] += ka[i - from];
      b[i] += kb[i - from] + g;
    }
  }
}
