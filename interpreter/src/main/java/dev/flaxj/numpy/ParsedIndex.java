package dev.flaxj.numpy;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.transform.NonConcreteBooleanIndexError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A numpy index expression checked against the shape it indexes: the ellipsis and the implicit
 * trailing {@code :} spelled out, boolean masks replaced by the integer arrays of their true
 * positions, integers and slices normalised to in-range values.
 *
 * @param operand the indexed value; a scalar boolean index adds a size-1 axis to it
 * @param insertedAxes the axes so added to the operand
 * @param entries one entry per index position, in order
 * @param advanced whether any integer array of rank at least 1 is present (numpy's advanced
 *     indexing); then integers and integer arrays together form the advanced indices
 * @param advancedContiguous whether those advanced indices stood next to each other in the
 *     written index, which keeps their result dimensions in place instead of moving them first
 */
record ParsedIndex(Value operand, int[] insertedAxes, List<Entry> entries, boolean advanced,
    boolean advancedContiguous) {

  /** A normalised index position. */
  sealed interface Entry {}

  /**
   * A static integer with negative values counted from the end; it may still lie outside the
   * axis (JAX's default: reads clamp it, updates drop it).
   */
  record IntEntry(int index) implements Entry {}

  /** The elements {@code start + i * step} for {@code i < size}, all in range. */
  record SliceEntry(int start, int size, int step) implements Entry {}

  /** A new size-1 axis of the result. */
  record NewAxisEntry() implements Entry {}

  /** An integer index array (any integer dtype; negative entries not yet normalised). */
  record ArrayEntry(Value indices) implements Entry {}

  /** Parses {@code index} for {@code x}; bad indices raise an {@link IllegalArgumentException}. */
  static ParsedIndex parse(Value x, Index... index) {
    // A scalar boolean indexes a new size-1 axis, inserted where it stands.
    int[] inserted = scalarMaskAxes(index, x.rank());
    if (inserted.length > 0) {
      x = Lax.expandDims(x, inserted);
    }
    List<Index> items = expandScalarMasks(index);
    int rank = x.rank();
    int consumed = items.stream().mapToInt(ParsedIndex::consumes).sum();
    if (items.stream().filter(i -> i instanceof Index.Ellipsis).count() > 1) {
      throw error("an index can only have a single ellipsis ('...')");
    }
    if (consumed > rank) {
      throw error("too many indices: array is " + rank + "-dimensional, but " + consumed
          + " were indexed");
    }
    items = expandMasks(items, x.shape());
    boolean advanced = items.stream().anyMatch(
        i -> i instanceof Index.ArrayIndex a && a.indices().rank() > 0);
    boolean contiguous = advanced && advancedPositionsContiguous(items);
    List<Entry> entries = new ArrayList<>();
    int axis = 0;
    for (Index i : items) {
      if (i instanceof Index.Ellipsis) {
        for (int k = 0; k < rank - consumed; k++) {
          entries.add(new SliceEntry(0, x.shape().dim(axis), 1));
          axis++;
        }
      } else if (i instanceof Index.NewAxis) {
        entries.add(new NewAxisEntry());
      } else {
        entries.add(normalise(i, axis, x.shape().dim(axis)));
        axis++;
      }
    }
    for (; axis < rank; axis++) {
      entries.add(new SliceEntry(0, x.shape().dim(axis), 1));
    }
    return new ParsedIndex(x, inserted, List.copyOf(entries), advanced, contiguous);
  }

  static IllegalArgumentException error(String message) {
    return new IllegalArgumentException("index: " + message);
  }

  private static Entry normalise(Index i, int axis, int size) {
    if (i instanceof Index.Int n) {
      if (size == 0) {
        throw error("index " + n.value() + " is out of bounds for axis " + axis + " with size 0");
      }
      return new IntEntry(n.value() < 0 ? n.value() + size : n.value());
    }
    if (i instanceof Index.Slice s) {
      return canonicalSlice(s, size);
    }
    Value a = ((Index.ArrayIndex) i).indices();
    if (!a.dtype().isInteger()) {
      throw error("indexer must have integer or boolean type, got indexer with type "
          + a.dtype());
    }
    return new ArrayEntry(a);
  }

  /** Python's {@code slice.indices(size)} and the resulting length. */
  static SliceEntry canonicalSlice(Index.Slice s, int size) {
    int step = s.step() == null ? 1 : s.step();
    if (step == 0) {
      throw error("slice step cannot be zero");
    }
    int lo = step > 0 ? 0 : -1;
    int hi = step > 0 ? size : size - 1;
    int start = s.start() == null ? (step > 0 ? 0 : size - 1) : clampBound(s.start(), size, lo, hi);
    int stop = s.stop() == null ? (step > 0 ? size : -1) : clampBound(s.stop(), size, lo, hi);
    long span = step > 0 ? (long) stop - start : (long) start - stop;
    long stride = Math.abs((long) step);
    int length = (int) Math.max(0, (span + stride - 1) / stride);
    return new SliceEntry(length == 0 ? 0 : start, length, step);
  }

  private static int clampBound(int v, int size, int lo, int hi) {
    long w = v < 0 ? (long) v + size : v;
    return (int) Math.max(lo, Math.min(hi, w));
  }

  private static boolean isMask(Index i) {
    return i instanceof Index.ArrayIndex a && a.indices().dtype() == DType.BOOL;
  }

  /** Replaces each scalar boolean by a one-element mask over the axis inserted for it. */
  private static List<Index> expandScalarMasks(Index[] index) {
    List<Index> out = new ArrayList<>(Arrays.asList(index));
    for (int k = 0; k < out.size(); k++) {
      if (isScalarMask(out.get(k))) {
        boolean b = concreteMask(out.get(k)).rawBools()[0];
        out.set(k, Index.array(Array.of(new boolean[] {b}, 1)));
      }
    }
    return out;
  }

  private static boolean isScalarMask(Index i) {
    return isMask(i) && ((Index.ArrayIndex) i).indices().rank() == 0;
  }

  /** How many operand axes {@code i} indexes (an ellipsis counts 0 here). */
  private static int consumes(Index i) {
    if (i instanceof Index.Ellipsis || i instanceof Index.NewAxis) {
      return 0;
    }
    return isMask(i) ? ((Index.ArrayIndex) i).indices().rank() : 1;
  }

  /** Where the axes for scalar boolean indices go in the operand (positions after insertion). */
  private static int[] scalarMaskAxes(Index[] index, int rank) {
    int ellipsisLength = rank - Arrays.stream(index).mapToInt(ParsedIndex::consumes).sum();
    List<Integer> axes = new ArrayList<>();
    int axis = 0;
    for (Index i : index) {
      if (isScalarMask(i)) {
        axes.add(axis++);
      } else {
        axis += i instanceof Index.Ellipsis ? Math.max(0, ellipsisLength) : consumes(i);
      }
    }
    return axes.stream().mapToInt(Integer::intValue).toArray();
  }

  private static Array concreteMask(Index i) {
    Value v = ((Index.ArrayIndex) i).indices();
    if (!(v instanceof Array)) {
      throw new NonConcreteBooleanIndexError(v.aval());
    }
    return (Array) v;
  }

  /** Replaces every mask of rank k by the k integer arrays of its true positions (row-major). */
  private static List<Index> expandMasks(List<Index> items, Shape shape) {
    List<Index> out = new ArrayList<>();
    int axis = 0;
    for (int pos = 0; pos < items.size(); pos++) {
      Index i = items.get(pos);
      if (i instanceof Index.Ellipsis) {
        axis += shape.rank() - items.stream().mapToInt(ParsedIndex::consumes).sum();
        out.add(i);
        continue;
      }
      if (!isMask(i)) {
        axis += i instanceof Index.NewAxis ? 0 : 1;
        out.add(i);
        continue;
      }
      Array mask = concreteMask(i);
      int[] dims = mask.shape().dims();
      for (int d = 0; d < dims.length; d++) {
        if (axis + d >= shape.rank() || dims[d] != shape.dim(axis + d)) {
          throw error("boolean index did not match shape of indexed array in index " + pos
              + ": got " + mask.shape() + ", expected " + expectedDims(shape, axis, dims.length));
        }
      }
      out.addAll(nonzero(mask));
      axis += dims.length;
    }
    return out;
  }

  private static String expectedDims(Shape shape, int from, int count) {
    int[] d = Arrays.copyOfRange(shape.dims(), Math.min(from, shape.rank()),
        Math.min(from + count, shape.rank()));
    return Arrays.toString(d);
  }

  /** The coordinates of the true entries of {@code mask}, one int32 array per axis. */
  private static List<Index> nonzero(Array mask) {
    boolean[] m = mask.rawBools();
    int count = 0;
    for (boolean b : m) {
      count += b ? 1 : 0;
    }
    int rank = mask.rank();
    int[][] coords = new int[rank][count];
    int[] strides = mask.shape().strides();
    int n = 0;
    for (int flat = 0; flat < m.length; flat++) {
      if (m[flat]) {
        for (int d = 0; d < rank; d++) {
          coords[d][n] = flat / strides[d] % mask.shape().dim(d);
        }
        n++;
      }
    }
    List<Index> out = new ArrayList<>();
    for (int[] c : coords) {
      out.add(Index.array(Array.of(c, count)));
    }
    return out;
  }

  /** Numpy's rule: integer and array indices separated by anything else move to the front. */
  private static boolean advancedPositionsContiguous(List<Index> items) {
    int first = -1;
    int last = -1;
    int count = 0;
    for (int k = 0; k < items.size(); k++) {
      Index i = items.get(k);
      if (i instanceof Index.Int || i instanceof Index.ArrayIndex) {
        first = first < 0 ? k : first;
        last = k;
        count++;
      }
    }
    return last - first + 1 == count;
  }
}
