package dev.flaxj.backend.reference;

import dev.flaxj.array.Array;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.backend.Kernel;
import dev.flaxj.backend.reference.ElementOps.BoolBinary;
import dev.flaxj.backend.reference.ElementOps.DoubleTest;
import dev.flaxj.backend.reference.ElementOps.FloatTest;
import dev.flaxj.backend.reference.ElementOps.IntTest;
import dev.flaxj.lax.Params;
import java.util.List;

/**
 * A comparison kernel: one test per dtype, a bool result. Floating operands are compared with
 * subnormals read as zeros, as XLA on CPU does. Keys (two words each) compare as wholes and only
 * for equality: the {@code bool} test then maps "the keys are equal" to the result.
 */
record ComparisonKernel(FloatTest f32, DoubleTest f64, IntTest i32, IntTest u32, BoolBinary bool)
    implements Kernel {

  @Override
  public List<Array> apply(List<Array> inputs, Params params, List<ShapedArray> outAvals) {
    Array a = inputs.get(0);
    Array b = inputs.get(1);
    boolean[] out = new boolean[a.size()];
    switch (a.dtype()) {
      case FLOAT32:
        test(a.rawFloats(), b.rawFloats(), f32, out);
        break;
      case FLOAT64:
        test(a.rawDoubles(), b.rawDoubles(), f64, out);
        break;
      case INT32:
        test(a.rawInts(), b.rawInts(), i32, out);
        break;
      case UINT32:
        test(a.rawInts(), b.rawInts(), u32, out);
        break;
      case BOOL:
        test(a.rawBools(), b.rawBools(), bool, out);
        break;
      case KEY:
        testKeys(a.rawInts(), b.rawInts(), bool, out);
        break;
      default:
        throw new IllegalStateException("no comparison for " + a.dtype());
    }
    return List.of(Array.wrap(outAvals.get(0), out));
  }

  private static void test(float[] x, float[] y, FloatTest t, boolean[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = t.test(Denormals.flush(x[i]), Denormals.flush(y[i]));
    }
  }

  private static void test(double[] x, double[] y, DoubleTest t, boolean[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = t.test(Denormals.flush(x[i]), Denormals.flush(y[i]));
    }
  }

  private static void test(int[] x, int[] y, IntTest t, boolean[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = t.test(x[i], y[i]);
    }
  }

  private static void test(boolean[] x, boolean[] y, BoolBinary t, boolean[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = t.apply(x[i], y[i]);
    }
  }

  private static void testKeys(int[] x, int[] y, BoolBinary t, boolean[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = t.apply(x[2 * i] == y[2 * i] && x[2 * i + 1] == y[2 * i + 1], true);
    }
  }
}
