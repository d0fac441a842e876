package dev.flaxj.transform.batching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.function.Executable;

/**
 * The reference every batching test compares with: applying the function to each example
 * separately and stacking the results.
 */
final class VmapCheck {
  private VmapCheck() {}

  /** Example {@code i} of {@code x} along {@code axis} (negative counts from the end). */
  static Value example(Value x, int axis, int i) {
    int ax = axis < 0 ? axis + x.rank() : axis;
    int[] start = new int[x.rank()];
    int[] limit = x.shape().dims();
    start[ax] = i;
    limit[ax] = i + 1;
    return Lax.squeeze(Lax.slice(x, start, limit), ax);
  }

  /** The mapped size: of the first argument with an axis. */
  static int size(Integer[] inAxes, Value... args) {
    for (int k = 0; k < args.length; k++) {
      if (inAxes[k] != null) {
        int ax = inAxes[k] < 0 ? inAxes[k] + args[k].rank() : inAxes[k];
        return args[k].shape().dim(ax);
      }
    }
    throw new IllegalArgumentException("nothing mapped");
  }

  /** {@code f} of each example, stacked along {@code outAxis} (null: all equal, one kept). */
  static Value loop(Function<Value[], Value> f, Integer[] inAxes, Integer outAxis, Value... args) {
    int n = size(inAxes, args);
    List<Value> ys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Value[] a = new Value[args.length];
      for (int k = 0; k < args.length; k++) {
        a[k] = inAxes[k] == null ? args[k] : example(args[k], inAxes[k], i);
      }
      ys.add(f.apply(a));
    }
    if (outAxis == null) {
      for (Value y : ys) {
        assertClose(ys.get(0), y);
      }
      return ys.get(0);
    }
    return Jnp.stack(ys, outAxis);
  }

  /** vmap of {@code f} with these in_axes (one per argument) and out_axes. */
  static Value vmap(Function<Value[], Value> f, Integer[] inAxes, Integer outAxis,
      Value... args) {
    return (Value) Vmap.vmap(a -> f.apply(Arrays.copyOf(a, a.length, Value[].class)),
        new Tuple(Arrays.asList((Object[]) inAxes)), outAxis).apply((Object[]) args);
  }

  /** vmap equals the loop of examples. */
  static void check(Function<Value[], Value> f, Integer[] inAxes, Integer outAxis,
      Value... args) {
    assertClose(loop(f, inAxes, outAxis, args), vmap(f, inAxes, outAxis, args));
  }

  static Integer[] axes(Integer... axes) {
    return axes;
  }

  /**
   * Same dtype, weak flag and shape; integers and bools equal, floats within a few ulps
   * (batched reductions may sum in another order), NaN where NaN.
   */
  static void assertClose(Value expected, Value actual) {
    Array e = (Array) expected;
    Array a = (Array) actual;
    String where = "expected " + e + " got " + a;
    assertEquals(e.dtype(), a.dtype(), "dtype: " + where);
    assertEquals(e.weakType(), a.weakType(), "weak_type: " + where);
    assertEquals(e.shape(), a.shape(), "shape: " + where);
    if (e.dtype() == DType.KEY) {
      assertEquals(e, a, where);
      return;
    }
    for (int i = 0; i < e.size(); i++) {
      double x = e.getDouble(i);
      double y = a.getDouble(i);
      boolean ok = e.dtype().isFloating()
          ? (Double.isNaN(x) ? Double.isNaN(y)
              : x == y || Math.abs(x - y) <= 1e-5 * Math.max(1, Math.abs(x)))
          : x == y;
      assertTrue(ok, "element " + i + ": " + where);
    }
  }

  /** Exact values of a float32 array (from JAX where the test says so). */
  static void assertValues(Value actual, int[] shape, double... values) {
    Array a = (Array) actual;
    assertEquals(dev.flaxj.array.Shape.of(shape), a.shape(), "shape of " + a);
    assertEquals(values.length, a.size(), "size of " + a);
    for (int i = 0; i < values.length; i++) {
      assertEquals(a.dtype() == DType.FLOAT32 ? (float) values[i] : values[i], a.getDouble(i),
          "element " + i + " of " + a);
    }
  }

  /** A float32 array of {@code 0, 1, 2, ...} (scaled and shifted) in {@code shape}. */
  static Array iota(double scale, double offset, int... shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (offset + scale * i);
    }
    return Array.of(v, shape);
  }

  /** An int32 array of the given values. */
  static Array ints(int[] values, int... shape) {
    return Array.of(values, shape);
  }

  /** {@code body} throws an IllegalArgumentException with exactly this message. */
  static void failsWith(String message, Executable body) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, body);
    assertEquals(message, e.getMessage());
  }
}
