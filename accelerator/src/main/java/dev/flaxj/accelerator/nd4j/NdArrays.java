package dev.flaxj.accelerator.nd4j;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies between flaxj {@link Array}s (Java heap, row-major) and ND4J {@link INDArray}s (off
 * heap, c order). Only the dtypes ND4J stores as they are cross: float32, float64, int32 and bool;
 * uint32 and keys never reach ND4J (their kernels run on the reference backend).
 *
 * <p>XLA on CPU flushes subnormals to zero and ND4J does not, so arithmetic kernels read their
 * float operands through {@link #toNd4j(Array, boolean)} with {@code flush} set, and write their
 * results through {@link #toArray(INDArray, ShapedArray, boolean)} with {@code flush} set: each
 * float32 operation of the reference (which flushes operands and results) is then reproduced.
 */
final class NdArrays {
  /**
   * Whether ND4J keeps buffers in host memory (nd4j-native): their contents are then copied in
   * and out in bulk through the buffer's pointer, much faster than ND4J's generic per-element
   * {@code setData}/{@code asFloat}, which the CUDA backend needs (they synchronise the device).
   */
  private static final boolean HOST_MEMORY =
      "CpuBackend".equals(Nd4j.getBackend().getClass().getSimpleName());

  private NdArrays() {}

  /** Whether ND4J runs on the CPU (nd4j-native), whose OpenBLAS {@link BlasDot} calls directly. */
  static boolean onHost() {
    return HOST_MEMORY;
  }

  /** Whether arrays of {@code d} can be copied to ND4J. */
  static boolean crosses(DType d) {
    return d == DType.FLOAT32 || d == DType.FLOAT64 || d == DType.INT32 || d == DType.BOOL;
  }

  static DataType nd4jType(DType d) {
    switch (d) {
      case FLOAT32: return DataType.FLOAT;
      case FLOAT64: return DataType.DOUBLE;
      case INT32: return DataType.INT;
      case BOOL: return DataType.BOOL;
      default: throw new IllegalArgumentException(d + " is not copied to ND4J");
    }
  }

  static long[] longs(int[] dims) {
    long[] l = new long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      l[i] = dims[i];
    }
    return l;
  }

  /** A new c-order INDArray holding {@code a}'s elements, subnormal floats read as zeros if {@code flush}. */
  static INDArray toNd4j(Array a, boolean flush) {
    long[] shape = longs(a.shape().dims());
    switch (a.dtype()) {
      case FLOAT32: {
        float[] f = flush ? flushed(a.rawFloats()) : a.rawFloats();
        INDArray x = Nd4j.createUninitialized(DataType.FLOAT, shape);
        if (HOST_MEMORY) {
          ((FloatPointer) x.data().pointer()).put(f);
        } else {
          x.data().setData(f);
        }
        return x;
      }
      case FLOAT64: {
        double[] d = flush ? flushed(a.rawDoubles()) : a.rawDoubles();
        INDArray x = Nd4j.createUninitialized(DataType.DOUBLE, shape);
        if (HOST_MEMORY) {
          ((DoublePointer) x.data().pointer()).put(d);
        } else {
          x.data().setData(d);
        }
        return x;
      }
      case INT32: {
        INDArray x = Nd4j.createUninitialized(DataType.INT, shape);
        if (HOST_MEMORY) {
          ((IntPointer) x.data().pointer()).put(a.rawInts());
        } else {
          x.data().setData(a.rawInts());
        }
        return x;
      }
      case BOOL:
        return Nd4j.create(a.rawBools(), shape, DataType.BOOL);
      default:
        throw new IllegalArgumentException(a.dtype() + " is not copied to ND4J");
    }
  }

  /**
   * {@code x} as an {@link Array} of type {@code aval} (cast first if ND4J produced another
   * dtype), subnormal float results written as zeros if {@code flush}.
   */
  static Array toArray(INDArray x, ShapedArray aval, boolean flush) {
    DataType want = nd4jType(aval.dtype());
    INDArray y = x.dataType() == want ? x : x.castTo(want);
    int n = aval.shape().size();
    if (y.length() != n) {
      throw new IllegalStateException("ND4J result of " + y.length() + " elements for " + aval.str());
    }
    if (!isPlainRowMajor(y, n)) {
      y = y.dup('c');
    }
    switch (aval.dtype()) {
      case FLOAT32: {
        float[] f;
        if (HOST_MEMORY) {
          f = new float[n];
          y.data().asNioFloat().get(f);
        } else {
          f = y.data().asFloat();
        }
        return Array.wrap(aval, flush ? flushInPlace(f) : f);
      }
      case FLOAT64: {
        double[] d;
        if (HOST_MEMORY) {
          d = new double[n];
          y.data().asNioDouble().get(d);
        } else {
          d = y.data().asDouble();
        }
        return Array.wrap(aval, flush ? flushInPlace(d) : d);
      }
      case INT32: {
        int[] i;
        if (HOST_MEMORY) {
          i = new int[n];
          y.data().asNioInt().get(i);
        } else {
          i = y.data().asInt();
        }
        return Array.wrap(aval, i);
      }
      default: {
        int[] bits = y.castTo(DataType.INT).data().asInt();
        boolean[] b = new boolean[n];
        for (int i = 0; i < n; i++) {
          b[i] = bits[i] != 0;
        }
        return Array.wrap(aval, b);
      }
    }
  }

  /** Whether {@code y}'s buffer holds exactly its {@code n} elements in row-major order. */
  private static boolean isPlainRowMajor(INDArray y, int n) {
    if (y.isView() || y.offset() != 0 || y.data().length() != n) {
      return false;
    }
    long[] shape = y.shape();
    long[] stride = y.stride();
    long expected = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      if (shape[i] != 1 && stride[i] != expected) {
        return false;
      }
      expected *= shape[i];
    }
    return true;
  }

  /** {@code f} itself if it has no subnormals, else a copy with them replaced by signed zeros. */
  static float[] flushed(float[] f) {
    for (float v : f) {
      if (v != 0 && Math.abs(v) < Float.MIN_NORMAL) {
        return flushInPlace(f.clone());
      }
    }
    return f;
  }

  static double[] flushed(double[] d) {
    for (double v : d) {
      if (v != 0 && Math.abs(v) < Double.MIN_NORMAL) {
        return flushInPlace(d.clone());
      }
    }
    return d;
  }

  static float[] flushInPlace(float[] f) {
    for (int i = 0; i < f.length; i++) {
      if (Math.abs(f[i]) < Float.MIN_NORMAL) {
        f[i] *= 0f;
      }
    }
    return f;
  }

  static double[] flushInPlace(double[] d) {
    for (int i = 0; i < d.length; i++) {
      if (Math.abs(d[i]) < Double.MIN_NORMAL) {
        d[i] *= 0.0;
      }
    }
    return d;
  }
}
