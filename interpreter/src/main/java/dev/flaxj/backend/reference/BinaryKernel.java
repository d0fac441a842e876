package dev.flaxj.backend.reference;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.backend.Float32Elementwise;
import dev.flaxj.backend.Kernel;
import dev.flaxj.backend.reference.ElementOps.BoolBinary;
import dev.flaxj.backend.reference.ElementOps.FloatBinary;
import dev.flaxj.lax.Params;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.IntBinaryOperator;

/**
 * A binary elementwise kernel over two operands of one shape and dtype, given by one operator per
 * dtype ({@code null} where it has none); the result has the operands' storage type. Float32
 * operands go through the operator's own loop ({@link Float32Loops}).
 */
final class BinaryKernel implements Kernel {
  private final String name;
  private final Float32Elementwise f32;
  private final DoubleBinaryOperator f64;
  private final IntBinaryOperator i32;
  private final IntBinaryOperator u32;
  private final BoolBinary bool;

  BinaryKernel(String name, FloatBinary f32, DoubleBinaryOperator f64, IntBinaryOperator i32,
      IntBinaryOperator u32, BoolBinary bool) {
    this.name = name;
    this.f32 = f32 == null ? null : Float32Loops.binary(f32);
    this.f64 = f64;
    this.i32 = i32;
    this.u32 = u32;
    this.bool = bool;
  }

  /** A kernel for the floating dtypes only. */
  static BinaryKernel floating(String name, FloatBinary f32, DoubleBinaryOperator f64) {
    return new BinaryKernel(name, f32, f64, null, null, null);
  }

  /** A kernel for the integer dtypes only, the same operator for int32 and uint32. */
  static BinaryKernel integer(String name, IntBinaryOperator bits) {
    return new BinaryKernel(name, null, null, bits, bits, null);
  }

  /** The float32 loop, or null if the kernel has none. */
  Float32Elementwise f32() {
    return f32;
  }

  @Override
  public List<Array> apply(List<Array> inputs, Params params, List<ShapedArray> outAvals) {
    Array a = inputs.get(0);
    Object result = zip(a.rawStorage(), inputs.get(1).rawStorage(), a.dtype());
    return List.of(Array.wrap(outAvals.get(0), result));
  }

  /** Combines two storages of dtype {@code d} and equal length elementwise; returns new storage. */
  Object zip(Object a, Object b, DType d) {
    switch (d) {
      case FLOAT32:
        return zip((float[]) a, (float[]) b, require(f32, d));
      case FLOAT64:
        return zip((double[]) a, (double[]) b, require(f64, d));
      case INT32:
        return zip((int[]) a, (int[]) b, require(i32, d));
      case UINT32:
        return zip((int[]) a, (int[]) b, require(u32, d));
      case BOOL:
        return zip((boolean[]) a, (boolean[]) b, require(bool, d));
      default:
        throw unsupported(d);
    }
  }

  private <T> T require(T op, DType d) {
    if (op == null) {
      throw unsupported(d);
    }
    return op;
  }

  private UnsupportedOperationException unsupported(DType d) {
    return new UnsupportedOperationException("reference backend: no " + d + " kernel for " + name);
  }

  private static float[] zip(float[] a, float[] b, Float32Elementwise f) {
    float[] out = new float[a.length];
    f.apply(a, b, out, a.length);
    return out;
  }

  private static double[] zip(double[] a, double[] b, DoubleBinaryOperator f) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = f.applyAsDouble(a[i], b[i]);
    }
    return out;
  }

  private static int[] zip(int[] a, int[] b, IntBinaryOperator f) {
    int[] out = new int[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = f.applyAsInt(a[i], b[i]);
    }
    return out;
  }

  private static boolean[] zip(boolean[] a, boolean[] b, BoolBinary f) {
    boolean[] out = new boolean[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = f.apply(a[i], b[i]);
    }
    return out;
  }
}
