package dev.flaxj.backend.reference;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import java.util.function.IntToDoubleFunction;

/**
 * {@code convert_element_type} and {@code bitcast_convert_type} on storage, as XLA converts on
 * CPU: floats to integers truncate toward zero and saturate (NaN gives 0, negatives give 0 for
 * uint32), anything to bool is {@code x != 0}, integers to floats round to nearest, int32 and
 * uint32 reinterpret each other's bits, and floating sources read subnormals as zeros.
 */
final class Conversions {
  private Conversions() {}

  private static final double TWO_TO_32 = 4294967296.0;

  /** New storage holding {@code x}'s values converted to {@code target}. */
  static Object convert(Array x, DType target) {
    DType source = x.dtype();
    if (source == target || (source.isInteger() && target.isInteger())) {
      return ElementCopy.copyOf(x);
    }
    // Every bool, int32, uint32, float32 and float64 value is exact as a double.
    IntToDoubleFunction read = reader(x);
    int n = x.size();
    switch (target) {
      case BOOL: {
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
          out[i] = read.applyAsDouble(i) != 0;
        }
        return out;
      }
      case INT32: {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
          out[i] = (int) read.applyAsDouble(i);
        }
        return out;
      }
      case UINT32: {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
          out[i] = toUint32(read.applyAsDouble(i));
        }
        return out;
      }
      case FLOAT32: {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
          out[i] = Denormals.flush((float) read.applyAsDouble(i));
        }
        return out;
      }
      case FLOAT64: {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
          out[i] = read.applyAsDouble(i);
        }
        return out;
      }
      default:
        throw new IllegalStateException("convert_element_type: no conversion to " + target);
    }
  }

  /** New storage holding {@code x}'s bits reinterpreted as {@code target} (of the same width). */
  static Object bitcast(Array x, DType target) {
    if (x.dtype() == DType.FLOAT32 && target != DType.FLOAT32) {
      float[] in = x.rawFloats();
      int[] out = new int[in.length];
      for (int i = 0; i < in.length; i++) {
        out[i] = Float.floatToRawIntBits(in[i]);
      }
      return out;
    }
    if (target == DType.FLOAT32 && x.dtype() != DType.FLOAT32) {
      int[] in = x.rawInts();
      float[] out = new float[in.length];
      for (int i = 0; i < in.length; i++) {
        out[i] = Float.intBitsToFloat(in[i]);
      }
      return out;
    }
    return ElementCopy.copyOf(x);
  }

  private static IntToDoubleFunction reader(Array x) {
    switch (x.dtype()) {
      case BOOL: {
        boolean[] v = x.rawBools();
        return i -> v[i] ? 1 : 0;
      }
      case INT32: {
        int[] v = x.rawInts();
        return i -> v[i];
      }
      case UINT32: {
        int[] v = x.rawInts();
        return i -> Integer.toUnsignedLong(v[i]);
      }
      case FLOAT32: {
        float[] v = x.rawFloats();
        return i -> Denormals.flush(v[i]);
      }
      case FLOAT64: {
        double[] v = x.rawDoubles();
        return i -> Denormals.flush(v[i]);
      }
      default:
        throw new IllegalStateException("convert_element_type: no conversion from " + x.dtype());
    }
  }

  /** Truncates toward zero into [0, 2^32 - 1], NaN to 0; returns the uint32 bit pattern. */
  private static int toUint32(double d) {
    if (!(d > 0)) {
      return 0;
    }
    return d >= TWO_TO_32 ? -1 : (int) (long) d;
  }
}
