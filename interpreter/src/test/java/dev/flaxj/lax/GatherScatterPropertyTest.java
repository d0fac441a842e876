package dev.flaxj.lax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * gather, scatter and scatter-add on random dimension numbers (with batching dimensions and
 * out-of-bounds indices in every mode) agree with a direct element-by-element reading of XLA's
 * operation semantics.
 */
class GatherScatterPropertyTest {
  private static final GatherScatterMode[] MODES = GatherScatterMode.values();

  /** A random operand layout: dims, one optional batching dim, index map, size-1 dims. */
  private static final class Layout {
    final int[] dims;
    final int[] batching;
    final int[] indexMap;
    final int[] dropped;
    final int[] window;
    final int[] indicesShape;
    final int[] indicesBatching;
    final int[] indices;

    Layout(Random r) {
      int rank = 1 + r.nextInt(3);
      dims = new int[rank];
      for (int d = 0; d < rank; d++) {
        dims[d] = r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(4);
      }
      List<Integer> free = new ArrayList<>();
      for (int d = 0; d < rank; d++) {
        free.add(d);
      }
      Collections.shuffle(free, r);
      batching = r.nextInt(3) == 0 ? new int[] {free.remove(0)} : new int[0];
      List<Integer> mapped = new ArrayList<>(free.subList(0, r.nextInt(free.size() + 1)));
      indexMap = mapped.stream().mapToInt(Integer::intValue).toArray();
      List<Integer> dropList = new ArrayList<>();
      for (int d : free) {
        if (r.nextBoolean()) {
          dropList.add(d);
        }
      }
      dropped = dropList.stream().mapToInt(Integer::intValue).sorted().toArray();
      window = Dims.complement(rank, dropped, batching);
      int batchRank = r.nextInt(3);
      if (batching.length == 1 && batchRank == 0) {
        batchRank = 1;
      }
      indicesShape = new int[batchRank + 1];
      for (int i = 0; i < batchRank; i++) {
        indicesShape[i] = r.nextInt(8) == 0 ? 0 : 1 + r.nextInt(3);
      }
      indicesShape[batchRank] = indexMap.length;
      indicesBatching = batching.length == 0 ? new int[0] : new int[] {r.nextInt(batchRank)};
      if (batching.length == 1) {
        indicesShape[indicesBatching[0]] = dims[batching[0]];
      }
      indices = new int[Shape.of(indicesShape).size()];
      for (int i = 0; i < indices.length; i++) {
        int d = indexMap[i % indexMap.length];
        indices[i] = r.nextInt(dims[d] + 5) - 2;
      }
    }

    int batchRank() {
      return indicesShape.length - 1;
    }

    Array indicesArray() {
      return Array.of(indices, indicesShape);
    }

    /** Window start per operand dimension for indices batch position {@code g}, or null to drop. */
    int[] start(int[] g, int[] windowSizes, boolean clamp) {
      int[] start = new int[dims.length];
      int n = indexMap.length;
      int flat = 0;
      int[] strides = Shape.of(java.util.Arrays.copyOf(indicesShape, batchRank())).strides();
      for (int i = 0; i < g.length; i++) {
        flat += g[i] * strides[i];
      }
      for (int k = 0; k < n; k++) {
        int d = indexMap[k];
        int s = indices[flat * n + k];
        int max = dims[d] - windowSizes[d];
        if (clamp) {
          s = Math.max(0, Math.min(s, max));
        } else if (s < 0 || s > max) {
          return null;
        }
        start[d] = s;
      }
      for (int i = 0; i < batching.length; i++) {
        start[batching[i]] = g[indicesBatching[i]];
      }
      return start;
    }
  }

  private static int[] sortedSubset(Random r, int n, int k) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(i);
    }
    Collections.shuffle(all, r);
    return all.subList(0, k).stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  private static int[] coords(int flat, int[] shape) {
    int[] c = new int[shape.length];
    for (int d = shape.length - 1; d >= 0; d--) {
      c[d] = flat % shape[d];
      flat /= shape[d];
    }
    return c;
  }

  private static int flat(int[] coords, int[] shape) {
    int f = 0;
    for (int d = 0; d < shape.length; d++) {
      f = f * shape[d] + coords[d];
    }
    return f;
  }

  private static int[] pick(int[] values, int[] dims) {
    int[] out = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      out[i] = values[dims[i]];
    }
    return out;
  }

  @Test
  void gatherMatchesTheSpecification() {
    Random r = new Random(7);
    for (int trial = 0; trial < 600; trial++) {
      Layout l = new Layout(r);
      int rank = l.dims.length;
      int[] sizes = new int[rank];
      for (int d = 0; d < rank; d++) {
        boolean one = Dims.contains(l.dropped, d) || Dims.contains(l.batching, d);
        sizes[d] = one ? 1 : r.nextInt(l.dims[d] + 1);
      }
      if (Shape.of(l.dims).size() == 0 || anyOneTooBig(sizes, l.dims)) {
        continue;
      }
      int outRank = l.batchRank() + l.window.length;
      int[] offsetDims = sortedSubset(r, outRank, l.window.length);
      GatherScatterMode mode = MODES[r.nextInt(MODES.length)];
      GatherDimensionNumbers dn = new GatherDimensionNumbers(offsetDims, l.dropped, l.indexMap,
          l.batching, l.indicesBatching);
      Array x = ShapeTestSupport.range(l.dims);
      Array got = (Array) Lax.gather(x, l.indicesArray(), dn, sizes, mode, -1, false, false);

      int[] outShape = got.shape().dims();
      int[] batchDims = Dims.complement(outRank, offsetDims);
      float[] expected = new float[got.size()];
      for (int o = 0; o < expected.length; o++) {
        int[] out = coords(o, outShape);
        int[] start = l.start(pick(out, batchDims), sizes, mode != GatherScatterMode.FILL_OR_DROP);
        if (start == null) {
          expected[o] = -1;
          continue;
        }
        for (int j = 0; j < l.window.length; j++) {
          start[l.window[j]] += out[offsetDims[j]];
        }
        expected[o] = flat(start, l.dims);
      }
      assertArrayEquals(expected, got.rawFloats(), () -> "gather " + dn + " sizes "
          + java.util.Arrays.toString(sizes) + " operand " + Shape.of(l.dims));
    }
  }

  @Test
  void scatterAndScatterAddMatchTheSpecification() {
    Random r = new Random(11);
    for (int trial = 0; trial < 600; trial++) {
      Layout l = new Layout(r);
      int rank = l.dims.length;
      int[] windowSizes = new int[rank];
      java.util.Arrays.fill(windowSizes, 1);
      for (int d : l.window) {
        windowSizes[d] = r.nextInt(l.dims[d] + 1);
      }
      if (anyOneTooBig(windowSizes, l.dims)) {
        continue;
      }
      int updRank = l.batchRank() + l.window.length;
      int[] windowDims = sortedSubset(r, updRank, l.window.length);
      int[] scatterDims = Dims.complement(updRank, windowDims);
      int[] updShape = new int[updRank];
      for (int j = 0; j < windowDims.length; j++) {
        updShape[windowDims[j]] = windowSizes[l.window[j]];
      }
      for (int i = 0; i < scatterDims.length; i++) {
        updShape[scatterDims[i]] = l.indicesShape[i];
      }
      int[] upd = new int[Shape.of(updShape).size()];
      for (int i = 0; i < upd.length; i++) {
        upd[i] = 100 + r.nextInt(50);
      }
      GatherScatterMode mode = MODES[r.nextInt(MODES.length)];
      ScatterDimensionNumbers dn = new ScatterDimensionNumbers(windowDims, l.dropped, l.indexMap,
          l.batching, l.indicesBatching);
      Array x = ShapeTestSupport.intRange(l.dims);
      for (boolean add : new boolean[] {false, true}) {
        Array u = Array.of(upd, updShape);
        Array got = (Array) (add ? Lax.scatterAdd(x, l.indicesArray(), u, dn, mode)
            : Lax.scatter(x, l.indicesArray(), u, dn, mode));
        int[] expected = x.toIntArray();
        for (int i = 0; i < upd.length; i++) {
          int[] uc = coords(i, updShape);
          int[] start = l.start(pick(uc, scatterDims), windowSizes, mode == GatherScatterMode.CLIP);
          if (start == null) {
            continue;
          }
          for (int j = 0; j < l.window.length; j++) {
            start[l.window[j]] += uc[windowDims[j]];
          }
          int t = flat(start, l.dims);
          expected[t] = add ? expected[t] + upd[i] : upd[i];
        }
        assertArrayEquals(expected, got.toIntArray(), () -> (add ? "scatter-add " : "scatter ")
            + dn + " operand " + Shape.of(l.dims) + " updates " + Shape.of(updShape));
      }
    }
  }

  /** A size-1 window on a dimension of size 0 is invalid; such cases are skipped. */
  private static boolean anyOneTooBig(int[] sizes, int[] dims) {
    for (int d = 0; d < dims.length; d++) {
      if (sizes[d] > dims[d]) {
        return true;
      }
    }
    return false;
  }
}
