package dev.flaxj.backend.reference;

import dev.flaxj.array.Array;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.backend.Float32Elementwise;
import dev.flaxj.backend.Kernel;
import dev.flaxj.backend.reference.ElementOps.BoolUnary;
import dev.flaxj.backend.reference.ElementOps.FloatUnary;
import dev.flaxj.lax.Params;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntUnaryOperator;

/**
 * A unary elementwise kernel given by one operator per dtype; {@code null} marks a dtype it
 * cannot compute (abstract evaluation has rejected the ones the primitive does not accept). The
 * result has the operand's storage type: one loop per storage type applies the operator, float32
 * the operator's own loop ({@link Float32Loops}).
 */
final class UnaryKernel implements Kernel {
  private final String name;
  private final Float32Elementwise f32;
  private final DoubleUnaryOperator f64;
  private final IntUnaryOperator i32;
  private final IntUnaryOperator u32;
  private final BoolUnary bool;

  UnaryKernel(String name, FloatUnary f32, DoubleUnaryOperator f64, IntUnaryOperator i32,
      IntUnaryOperator u32, BoolUnary bool) {
    this.name = name;
    this.f32 = f32 == null ? null : Float32Loops.unary(f32);
    this.f64 = f64;
    this.i32 = i32;
    this.u32 = u32;
    this.bool = bool;
  }

  /** A kernel for the floating dtypes only. */
  static UnaryKernel floating(String name, FloatUnary f32, DoubleUnaryOperator f64) {
    return new UnaryKernel(name, f32, f64, null, null, null);
  }

  /** The float32 loop, or null if the kernel has none. */
  Float32Elementwise f32() {
    return f32;
  }

  @Override
  public List<Array> apply(List<Array> inputs, Params params, List<ShapedArray> outAvals) {
    return List.of(Array.wrap(outAvals.get(0), map(inputs.get(0))));
  }

  /** Applies the operator for {@code x}'s dtype to every element; returns new storage. */
  Object map(Array x) {
    switch (x.dtype()) {
      case FLOAT32:
        return map(x.rawFloats(), require(f32, x));
      case FLOAT64:
        return map(x.rawDoubles(), require(f64, x));
      case INT32:
        return map(x.rawInts(), require(i32, x));
      case UINT32:
        return map(x.rawInts(), require(u32, x));
      case BOOL:
        return map(x.rawBools(), require(bool, x));
      default:
        throw unsupported(x);
    }
  }

  private <T> T require(T op, Array x) {
    if (op == null) {
      throw unsupported(x);
    }
    return op;
  }

  private UnsupportedOperationException unsupported(Array x) {
    return new UnsupportedOperationException(
        "reference backend: no " + x.dtype() + " kernel for " + name);
  }

  private static float[] map(float[] x, Float32Elementwise f) {
    float[] out = new float[x.length];
    f.apply(x, null, out, x.length);
    return out;
  }

  private static double[] map(double[] x, DoubleUnaryOperator f) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = f.applyAsDouble(x[i]);
    }
    return out;
  }

  private static int[] map(int[] x, IntUnaryOperator f) {
    int[] out = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = f.applyAsInt(x[i]);
    }
    return out;
  }

  private static boolean[] map(boolean[] x, BoolUnary f) {
    boolean[] out = new boolean[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = f.apply(x[i]);
    }
    return out;
  }
}
