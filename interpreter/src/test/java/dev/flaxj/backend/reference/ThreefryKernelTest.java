package dev.flaxj.backend.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link ThreefryKernel#hash} against the Random123 known-answer vectors of threefry2x32-20. */
class ThreefryKernelTest {
  private static void check(int k1, int k2, int x1, int x2, int y1, int y2) {
    int[] out1 = new int[1];
    int[] out2 = new int[1];
    ThreefryKernel.hash(new int[] {k1}, new int[] {k2}, new int[] {x1}, new int[] {x2}, out1, out2);
    assertEquals(Integer.toHexString(y1), Integer.toHexString(out1[0]));
    assertEquals(Integer.toHexString(y2), Integer.toHexString(out2[0]));
  }

  @Test
  void zeros() {
    check(0, 0, 0, 0, 0x6b200159, 0x99ba4efe);
  }

  @Test
  void ones() {
    check(-1, -1, -1, -1, 0x1cb996fc, 0xbb002be7);
  }

  @Test
  void digitsOfPi() {
    check(0x13198a2e, 0x03707344, 0x243f6a88, 0x85a308d3, 0xc4923a9c, 0x483df7a0);
  }

  /** Blocks, per-element keys and broadcast operands give each element's own hash. */
  @Test
  void manyElementsMatchOneByOne() {
    int n = 2500;
    int[] k1 = new int[n];
    int[] k2 = {0x9e3779b9};
    int[] x1 = {7};
    int[] x2 = new int[n];
    for (int i = 0; i < n; i++) {
      k1[i] = i * 0x61c88647;
      x2[i] = i;
    }
    int[] y1 = new int[n];
    int[] y2 = new int[n];
    ThreefryKernel.hash(k1, k2, x1, x2, y1, y2);
    for (int i = 0; i < n; i += 97) {
      int[] one1 = new int[1];
      int[] one2 = new int[1];
      ThreefryKernel.hash(new int[] {k1[i]}, k2, x1, new int[] {i}, one1, one2);
      assertEquals(one1[0], y1[i], "y1 at " + i);
      assertEquals(one2[0], y2[i], "y2 at " + i);
    }
  }
}
