package dev.flaxj.array;

import java.util.Arrays;

/**
 * An immutable, concrete n-dimensional array: shape, dtype, weak-type flag and flat row-major
 * storage. The storage is one Java array chosen by {@link DType#storage()}: {@code float[]} for
 * float32, {@code double[]} for float64, {@code int[]} for int32, uint32 (bit pattern) and key
 * (two words per element), {@code boolean[]} for bool.
 *
 * <p>Factories copy what they are given. The {@code raw*} accessors expose the storage itself to
 * kernels without copying; whoever calls them must never write to it.
 */
public final class Array implements Value {
  private final ShapedArray aval;
  private final Object data;

  private Array(ShapedArray aval, Object data) {
    this.aval = aval;
    this.data = data;
  }

  /**
   * Wraps storage that the caller hands over and will not touch again (kernels use this for the
   * buffers they have just filled). The length must match shape and dtype.
   */
  public static Array wrap(ShapedArray aval, Object storage) {
    int expected = aval.shape().size() * aval.dtype().wordsPerElement();
    int actual = java.lang.reflect.Array.getLength(storage);
    if (actual != expected) {
      throw new IllegalArgumentException("storage of length " + actual + " does not fit "
          + aval.str() + " (" + expected + " slots)");
    }
    if (storageClass(aval.dtype()) != storage.getClass()) {
      throw new IllegalArgumentException(storage.getClass().getSimpleName()
          + " cannot hold " + aval.dtype());
    }
    return new Array(aval, storage);
  }

  /** Allocates zero-filled storage suitable for {@code aval} (for kernels to fill, then {@link #wrap}). */
  public static Object allocate(ShapedArray aval) {
    int n = aval.shape().size() * aval.dtype().wordsPerElement();
    switch (aval.dtype().storage()) {
      case BOOLEAN: return new boolean[n];
      case INT: return new int[n];
      case FLOAT: return new float[n];
      default: return new double[n];
    }
  }

  private static Class<?> storageClass(DType d) {
    switch (d.storage()) {
      case BOOLEAN: return boolean[].class;
      case INT: return int[].class;
      case FLOAT: return float[].class;
      default: return double[].class;
    }
  }

  public static Array of(float[] values, int... shape) {
    return wrap(new ShapedArray(Shape.of(shape), DType.FLOAT32, false), values.clone());
  }

  public static Array of(double[] values, int... shape) {
    return wrap(new ShapedArray(Shape.of(shape), DType.FLOAT64, false), values.clone());
  }

  public static Array of(int[] values, int... shape) {
    return wrap(new ShapedArray(Shape.of(shape), DType.INT32, false), values.clone());
  }

  public static Array of(boolean[] values, int... shape) {
    return wrap(new ShapedArray(Shape.of(shape), DType.BOOL, false), values.clone());
  }

  /** A uint32 array from bit patterns. */
  public static Array ofUint32(int[] bits, int... shape) {
    return wrap(new ShapedArray(Shape.of(shape), DType.UINT32, false), bits.clone());
  }

  /** An int-storage array of any int-stored dtype (int32, uint32, key) from its words. */
  public static Array ofWords(DType dtype, int[] words, int... shape) {
    if (dtype.storage() != DType.Storage.INT) {
      throw new IllegalArgumentException(dtype + " is not stored as int words");
    }
    return wrap(new ShapedArray(Shape.of(shape), dtype, false), words.clone());
  }

  public static Array scalar(float v) {
    return of(new float[] {v});
  }

  public static Array scalar(int v) {
    return of(new int[] {v});
  }

  public static Array scalar(boolean v) {
    return of(new boolean[] {v});
  }

  /**
   * A scalar of {@code dtype} holding {@code v}: truncated toward zero for integers (uint32 by its
   * low 32 bits), {@code v != 0} for bool.
   */
  public static Array scalarOf(double v, DType dtype, boolean weak) {
    ShapedArray aval = new ShapedArray(Shape.SCALAR, dtype, weak);
    Object storage = allocate(aval);
    switch (dtype) {
      case BOOL: ((boolean[]) storage)[0] = v != 0; break;
      case INT32: ((int[]) storage)[0] = (int) v; break;
      case UINT32: ((int[]) storage)[0] = (int) (long) v; break;
      case FLOAT32: ((float[]) storage)[0] = (float) v; break;
      case FLOAT64: ((double[]) storage)[0] = v; break;
      default: throw new IllegalArgumentException("no scalar constant of dtype " + dtype);
    }
    return new Array(aval, storage);
  }

  /** A Python float literal as JAX sees it: a weakly typed float32 scalar. */
  public static Array weak(double v) {
    return wrap(new ShapedArray(Shape.SCALAR, DType.FLOAT32, true), new float[] {(float) v});
  }

  /** A Python int literal as JAX sees it: a weakly typed int32 scalar. */
  public static Array weak(int v) {
    return wrap(new ShapedArray(Shape.SCALAR, DType.INT32, true), new int[] {v});
  }

  @Override
  public ShapedArray aval() {
    return aval;
  }

  public boolean weakType() {
    return aval.weakType();
  }

  public int size() {
    return aval.shape().size();
  }

  /** Storage of a float32 array; never write to it. */
  public float[] rawFloats() {
    return (float[]) data;
  }

  /** Storage of a float64 array; never write to it. */
  public double[] rawDoubles() {
    return (double[]) data;
  }

  /** Storage of an int32, uint32 or key array; never write to it. */
  public int[] rawInts() {
    return (int[]) data;
  }

  /** Storage of a bool array; never write to it. */
  public boolean[] rawBools() {
    return (boolean[]) data;
  }

  /** The storage object itself (one of the four Java array types); never write to it. */
  public Object rawStorage() {
    return data;
  }

  /** Element {@code i} (flat, row-major) as a double; uint32 reads as unsigned, bool as 0/1. */
  public double getDouble(int i) {
    switch (aval.dtype()) {
      case BOOL: return ((boolean[]) data)[i] ? 1 : 0;
      case INT32: return ((int[]) data)[i];
      case UINT32: return Integer.toUnsignedLong(((int[]) data)[i]);
      case FLOAT32: return ((float[]) data)[i];
      case FLOAT64: return ((double[]) data)[i];
      default: throw new IllegalStateException("getDouble on " + aval.dtype());
    }
  }

  /** Element {@code i} as a long; uint32 reads as unsigned, floats truncate. */
  public long getLong(int i) {
    switch (aval.dtype()) {
      case INT32: return ((int[]) data)[i];
      case UINT32: return Integer.toUnsignedLong(((int[]) data)[i]);
      default: return (long) getDouble(i);
    }
  }

  /** The single element of a size-1 array, as a double. */
  public double item() {
    if (size() != 1) {
      throw new IllegalArgumentException("item() needs a size-1 array, got shape " + shape());
    }
    return getDouble(0);
  }

  /** A copy of the elements as floats (converting from any numeric dtype). */
  public float[] toFloatArray() {
    float[] out = new float[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) getDouble(i);
    }
    return out;
  }

  /** A copy of the elements as doubles. */
  public double[] toDoubleArray() {
    double[] out = new double[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = getDouble(i);
    }
    return out;
  }

  /** A copy of the storage words of an int-stored array. */
  public int[] toIntArray() {
    return ((int[]) data).clone();
  }

  /** Same values, same dtype, with the weak-type flag set as given. */
  public Array withWeakType(boolean weak) {
    return weak == aval.weakType() ? this : new Array(aval.withDType(aval.dtype(), weak), data);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Array)) {
      return false;
    }
    Array a = (Array) o;
    return aval.equals(a.aval) && Arrays.deepEquals(new Object[] {data}, new Object[] {a.data});
  }

  @Override
  public int hashCode() {
    return aval.hashCode() * 31 + Arrays.deepHashCode(new Object[] {data});
  }

  @Override
  public String toString() {
    return ArrayFormat.repr(this);
  }
}
