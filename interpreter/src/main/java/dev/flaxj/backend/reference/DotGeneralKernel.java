package dev.flaxj.backend.reference;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.backend.Kernel;
import dev.flaxj.lax.DotDimensionNumbers;
import dev.flaxj.lax.DotGeneralPrimitive;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reference kernel of {@code dot_general}. Both operands are gathered into row-major
 * {@code (batch, M, K)} and {@code (batch, K, N)} layouts, converted to the compute dtype (the
 * higher of the operand and result dtypes, see {@link DotGeneralPrimitive#higher}), multiplied
 * per batch, and the {@code (batch, M, N)} product converted to the result dtype.
 *
 * <p>Floats accumulate each output sequentially over {@code k} with a fused multiply-add from
 * zero, which is what XLA's CPU dot emitter and, for many shapes, its GEMM library do on an FMA
 * host: results are often bit-identical to JAX's and otherwise within a few ulp (EJML's
 * multiply rounds each product separately and matches less often). With a single contracted
 * element the accumulator starts at -0.0 instead, so the result is the bare product (keeping
 * -0.0), as XLA's rewrite of such a dot into a multiply gives. Subnormal operands and results
 * are flushed to zero, as XLA on CPU computes. Integers wrap; bool computes or-of-ands.
 */
final class DotGeneralKernel {
  private DotGeneralKernel() {}

  static void register(Map<Primitive, Kernel> table) {
    table.put(DotGeneralPrimitive.DOT_GENERAL, DotGeneralKernel::apply);
  }

  private static List<Array> apply(List<Array> inputs, Params params, List<ShapedArray> outAvals) {
    Array lhs = inputs.get(0);
    Array rhs = inputs.get(1);
    ShapedArray out = outAvals.get(0);
    DotDimensionNumbers dn = (DotDimensionNumbers) params.get("dimension_numbers");
    DType compute = DotGeneralPrimitive.higher(
        DotGeneralPrimitive.higher(lhs.dtype(), rhs.dtype()), out.dtype());
    DotLayout l = DotLayout.get(dn, lhs.shape(), rhs.shape(), compute == DType.FLOAT32);
    Object a = operand(lhs, l.lhsDims(), l.lhsStrides(), compute);
    Object b = operand(rhs, l.rhsDims(), l.rhsStrides(), compute);
    Object c;
    if (compute == DType.FLOAT32) {
      c = Float32Product.multiply((float[]) a, leastExponent(lhs, a), l.lhsRowStride(),
          l.lhsDepthStride(), (float[]) b, leastExponent(rhs, b), l.rhsDepthStride(),
          l.rhsColumnStride(), l.batch(), l.m(), l.k(), l.n());
    } else {
      c = multiply(a, b, compute, l.batch(), l.m(), l.k(), l.n());
    }
    if (compute != out.dtype()) {
      c = Conversions.convert(
          Array.wrap(new ShapedArray(out.shape(), compute, false), c), out.dtype());
    }
    return List.of(Array.wrap(out, c));
  }

  /**
   * The exponent bound ({@link LeastExponents}) of {@code x}'s elements as the float32 product
   * reads them ({@code storage}): moving elements keeps it, converting them does not.
   */
  private static int leastExponent(Array x, Object storage) {
    return x.dtype() == DType.FLOAT32 ? LeastExponents.of(x) : LeastExponents.of((float[]) storage);
  }

  /** The product in dtypes other than float32 (see {@link Float32Product}). */
  private static Object multiply(Object a, Object b, DType compute, int batch, int m, int k,
      int n) {
    int outSize = batch * m * n;
    switch (compute.storage()) {
      case DOUBLE: {
        double[] x = (double[]) a;
        double[] y = (double[]) b;
        double[] c = new double[outSize];
        Arrays.fill(c, k == 1 ? -0.0 : 0);
        for (int row = 0; row < batch * m; row++) {
          int yBase = row / m * k * n;
          for (int p = 0; p < k; p++) {
            double xv = x[row * k + p];
            int yRow = yBase + p * n;
            for (int j = 0; j < n; j++) {
              c[row * n + j] = Denormals.flush(Math.fma(xv, y[yRow + j], c[row * n + j]));
            }
          }
        }
        return c;
      }
      case INT: {
        int[] x = (int[]) a;
        int[] y = (int[]) b;
        int[] c = new int[outSize];
        for (int row = 0; row < batch * m; row++) {
          int yBase = row / m * k * n;
          for (int p = 0; p < k; p++) {
            int xv = x[row * k + p];
            int yRow = yBase + p * n;
            for (int j = 0; j < n; j++) {
              c[row * n + j] += xv * y[yRow + j];
            }
          }
        }
        return c;
      }
      default: {
        boolean[] x = (boolean[]) a;
        boolean[] y = (boolean[]) b;
        boolean[] c = new boolean[outSize];
        for (int row = 0; row < batch * m; row++) {
          int yBase = row / m * k * n;
          for (int p = 0; p < k; p++) {
            if (x[row * k + p]) {
              int yRow = yBase + p * n;
              for (int j = 0; j < n; j++) {
                c[row * n + j] |= y[yRow + j];
              }
            }
          }
        }
        return c;
      }
    }
  }

  /**
   * The elements of {@code x} in product order ({@code x} itself when {@code dims} is null, else
   * gathered through {@code strides}, see {@link DotLayout}), as storage of dtype {@code compute}.
   * Never written to: it may be {@code x}'s own storage.
   */
  private static Object operand(Array x, int[] dims, int[] strides, DType compute) {
    Array moved = dims == null ? x
        : ElementCopy.strided(x, strides, x.aval().withShape(Shape.of(dims)));
    Object storage =
        moved.dtype() == compute ? moved.rawStorage() : Conversions.convert(moved, compute);
    return compute == DType.FLOAT32 ? storage : flushed(storage);
  }


  /** Float64 storage with subnormals read as zeros (a copy only if there are any). */
  private static Object flushed(Object storage) {
    if (storage instanceof double[]) {
      double[] d = (double[]) storage;
      for (int i = 0; i < d.length; i++) {
        if (d[i] != Denormals.flush(d[i]) && !Double.isNaN(d[i])) {
          double[] copy = new double[d.length];
          for (int j = 0; j < d.length; j++) {
            copy[j] = Denormals.flush(d[j]);
          }
          return copy;
        }
      }
    }
    return storage;
  }
}
