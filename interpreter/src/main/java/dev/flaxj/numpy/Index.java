package dev.flaxj.numpy;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;

/**
 * One entry of a numpy index expression, as written between the brackets of {@code x[...]}:
 * an integer, a slice {@code start:stop:step}, {@code None} (a new axis), {@code ...}, or an
 * array (integers for advanced indexing, or a concrete boolean mask).
 */
public sealed interface Index {

  /** {@code None} / {@code np.newaxis}: inserts an axis of size 1. */
  Index NEW_AXIS = new NewAxis();

  /** {@code ...}: as many full slices as needed to index every axis. */
  Index ELLIPSIS = new Ellipsis();

  /** {@code :}: the whole axis. */
  Index ALL = new Slice(null, null, null);

  /** A static integer; negative values count from the end. */
  static Index at(int i) {
    return new Int(i);
  }

  /** {@code start:stop:step}; {@code null} parts take numpy's defaults. */
  static Index slice(Integer start, Integer stop, Integer step) {
    return new Slice(start, stop, step);
  }

  /** {@code start:stop}. */
  static Index slice(Integer start, Integer stop) {
    return new Slice(start, stop, null);
  }

  /**
   * An index array: integer dtype for advanced (gather) indexing, or a bool mask, which must be a
   * concrete {@link Array} because its number of true entries fixes the shape.
   */
  static Index array(Value indices) {
    return new ArrayIndex(indices);
  }

  /** An int32 index array from Java ints: {@code x[[1, 0, 1]]}. */
  static Index array(int... indices) {
    return new ArrayIndex(Array.of(indices, indices.length));
  }

  /** A one-dimensional boolean mask from Java booleans: {@code x[[True, False]]}. */
  static Index mask(boolean... mask) {
    return new ArrayIndex(Array.of(mask, mask.length));
  }

  /** An integer index. */
  record Int(int value) implements Index {}

  /** A slice; any part may be {@code null}. A zero step is an error when the index is used. */
  record Slice(Integer start, Integer stop, Integer step) implements Index {}

  /** {@code None}. */
  record NewAxis() implements Index {}

  /** {@code ...}. */
  record Ellipsis() implements Index {}

  /** An integer index array or a boolean mask. */
  record ArrayIndex(Value indices) implements Index {}
}
