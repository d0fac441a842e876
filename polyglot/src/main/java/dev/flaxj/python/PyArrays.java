package dev.flaxj.python;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.GatherDimensionNumbers;
import dev.flaxj.lax.GatherScatterMode;
import dev.flaxj.lax.Lax;
import dev.flaxj.numpy.Index;
import dev.flaxj.numpy.IndexUpdate;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.Concrete;

/**
 * What {@code jax.Array} (Python) asks of a Java value that the core facades do not already offer:
 * its abstract value in Python-friendly pieces, concrete elements, arrays built from flat Python
 * data, and numpy index expressions.
 */
public final class PyArrays {
  private PyArrays() {}

  public static int[] shape(Value v) {
    return v.shape().dims();
  }

  /** The dtype's JAX name ({@code "float32"}, {@code "key<fry>"}). */
  public static String dtype(Value v) {
    return v.dtype().jaxName();
  }

  public static boolean weakType(Value v) {
    return v.aval().weakType();
  }

  public static DType dtypeNamed(String jaxName) {
    return DType.fromJaxName(jaxName);
  }

  public static boolean isConcrete(Value v) {
    return v instanceof Array;
  }

  /**
   * The flat elements of a concrete array (doubles for floats, longs for integers, booleans), or
   * JAX's {@code ConcretizationTypeError} naming {@code context} for a tracer.
   */
  public static Object[] elements(Value v, String context) {
    Array a = Concrete.arrayOrError(v, context);
    Object[] out = new Object[a.size()];
    for (int i = 0; i < out.length; i++) {
      switch (a.dtype()) {
        case BOOL: out[i] = a.rawBools()[i]; break;
        case INT32: case UINT32: out[i] = a.getLong(i); break;
        case KEY: throw new IllegalArgumentException("elements of a key array are not numbers;"
            + " use jax.random.key_data");
        default: out[i] = a.getDouble(i);
      }
    }
    return out;
  }

  /** A weakly typed float32 scalar (a Python float as JAX sees it). */
  public static Value weakFloat(double v) {
    return Array.weak(v);
  }

  /** A weakly typed int32 scalar (a Python int as JAX sees it). */
  public static Value weakInt(long v) {
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new ArithmeticException("Python int " + v + " too large to convert to int32");
    }
    return Array.weak((int) v);
  }

  /** A strongly typed array of {@code dtype} from flat numbers or booleans in row-major order. */
  public static Value fromFlat(String dtype, int[] shape, Object... values) {
    DType d = DType.fromJaxName(dtype);
    double[] data = new double[values.length];
    boolean[] bits = new boolean[values.length];
    for (int i = 0; i < values.length; i++) {
      Object o = values[i];
      if (o instanceof Boolean b) {
        bits[i] = b;
        data[i] = b ? 1 : 0;
      } else {
        data[i] = ((Number) o).doubleValue();
        bits[i] = data[i] != 0;
      }
    }
    switch (d) {
      case BOOL: return Array.of(bits, shape);
      case FLOAT64: return Array.of(data, shape);
      case INT32: {
        int[] ints = new int[data.length];
        for (int i = 0; i < ints.length; i++) {
          ints[i] = Math.toIntExact(((Number) (values[i] instanceof Boolean b ? (b ? 1 : 0) : values[i])).longValue());
        }
        return Array.of(ints, shape);
      }
      case UINT32: {
        int[] ints = new int[data.length];
        for (int i = 0; i < ints.length; i++) {
          ints[i] = (int) ((Number) values[i]).longValue();
        }
        return Array.ofUint32(ints, shape);
      }
      case FLOAT32: {
        float[] fs = new float[data.length];
        for (int i = 0; i < fs.length; i++) {
          fs[i] = (float) data[i];
        }
        return Array.of(fs, shape);
      }
      default: throw new IllegalArgumentException("cannot build a " + dtype + " array from numbers");
    }
  }

  /** A numpy slice {@code start:stop:step} for {@link #index}. */
  public static Index slice(Integer start, Integer stop, Integer step) {
    return Index.slice(start, stop, step);
  }

  /**
   * The entries of a Python index tuple as {@link Index}es: an int, null ({@code None}), the string
   * {@code "..."}, a {@link #slice}, or a value (an integer array or a concrete boolean mask).
   */
  static Index[] parse(Object[] items) {
    Index[] out = new Index[items.length];
    for (int i = 0; i < items.length; i++) {
      Object o = items[i];
      if (o == null) {
        out[i] = Index.NEW_AXIS;
      } else if ("...".equals(o)) {
        out[i] = Index.ELLIPSIS;
      } else if (o instanceof Index idx) {
        out[i] = idx;
      } else if (o instanceof Number n) {
        out[i] = Index.at(n.intValue());
      } else if (o instanceof Value v) {
        out[i] = Index.array(v);
      } else {
        throw new IllegalArgumentException("unsupported index entry: " + o);
      }
    }
    return out;
  }

  /** {@code x[items...]}. */
  public static Value index(Value x, Object... items) {
    return Jnp.index(x, parse(items));
  }

  /** {@code x.at[items...]}. */
  public static IndexUpdate at(Value x, Object... items) {
    return Jnp.at(x, parse(items));
  }

  /** The abstract value {@code dtype[dims]} (for {@code jax.ShapeDtypeStruct} and eval_shape). */
  public static ShapedArray aval(String dtype, int[] shape, boolean weak) {
    return new ShapedArray(Shape.of(shape), DType.fromJaxName(dtype), weak);
  }

  /** Dims of an abstract value. */
  public static int[] avalShape(ShapedArray aval) {
    return aval.shape().dims();
  }

  public static String avalDtype(ShapedArray aval) {
    return aval.dtype().jaxName();
  }

  /** {@code lax.dot_general} with dimension numbers {@code ((lc, rc), (lb, rb))}. */
  public static Value dotGeneral(Value lhs, Value rhs, int[] lc, int[] rc, int[] lb, int[] rb) {
    return dev.flaxj.lax.Lax.dotGeneral(lhs, rhs,
        dev.flaxj.lax.DotDimensionNumbers.of(lc, rc, lb, rb));
  }

  /** {@code lax.dynamic_slice(x, starts, sizes)}. */
  public static Value dynamicSlice(Value x, int[] sizes, Value... starts) {
    return dev.flaxj.lax.Lax.dynamicSlice(x, starts, sizes);
  }

  /** {@code lax.dynamic_update_slice(x, update, starts)}. */
  public static Value dynamicUpdateSlice(Value x, Value update, Value... starts) {
    return dev.flaxj.lax.Lax.dynamicUpdateSlice(x, update, starts);
  }

  /**
   * {@code jnp.arange} with float bounds (a separate name: polyglot would pick the int overload of
   * {@link Jnp#arange} for whole-valued Python floats).
   */
  public static Value arangeFloat(double start, double stop, double step) {
    return Jnp.arange(start, stop, step);
  }

  /**
   * {@code lax.gather} with its dimension numbers given as arrays; {@code mode} is JAX's name
   * ({@code "clip"}, {@code "fill"}, {@code "promise_in_bounds"}), {@code fill} null for the
   * default fill value.
   */
  public static Value gather(Value x, Value indices, int[] offsetDims, int[] collapsedSliceDims,
      int[] startIndexMap, int[] operandBatchingDims, int[] startIndicesBatchingDims,
      int[] sliceSizes, String mode, Number fill) {
    GatherScatterMode m = switch (mode) {
      case "clip" -> GatherScatterMode.CLIP;
      case "fill" -> GatherScatterMode.FILL_OR_DROP;
      default -> GatherScatterMode.PROMISE_IN_BOUNDS;
    };
    return Lax.gather(x, indices, new GatherDimensionNumbers(offsetDims, collapsedSliceDims,
        startIndexMap, operandBatchingDims, startIndicesBatchingDims), sliceSizes, m, fill, false,
        false);
  }
}
