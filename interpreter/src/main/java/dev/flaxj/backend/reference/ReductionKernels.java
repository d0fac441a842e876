package dev.flaxj.backend.reference;

import static dev.flaxj.lax.ReductionPrimitives.ARGMAX;
import static dev.flaxj.lax.ReductionPrimitives.ARGMIN;
import static dev.flaxj.lax.ReductionPrimitives.CUMMAX;
import static dev.flaxj.lax.ReductionPrimitives.CUMMIN;
import static dev.flaxj.lax.ReductionPrimitives.CUMPROD;
import static dev.flaxj.lax.ReductionPrimitives.CUMSUM;
import static dev.flaxj.lax.ReductionPrimitives.REDUCE_AND;
import static dev.flaxj.lax.ReductionPrimitives.REDUCE_MAX;
import static dev.flaxj.lax.ReductionPrimitives.REDUCE_MIN;
import static dev.flaxj.lax.ReductionPrimitives.REDUCE_OR;
import static dev.flaxj.lax.ReductionPrimitives.REDUCE_PROD;
import static dev.flaxj.lax.ReductionPrimitives.REDUCE_SUM;

import dev.flaxj.array.Array;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.backend.Kernel;
import dev.flaxj.lax.Primitive;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reference kernels of the reductions, arg-reductions and scans. Reductions and scans combine
 * elements in XLA's association order ({@link ReductionOrder}), in the operand's own dtype.
 */
final class ReductionKernels {
  private ReductionKernels() {}

  static void register(Map<Primitive, Kernel> table) {
    table.put(REDUCE_SUM, reduce(Monoid.SUM));
    table.put(REDUCE_PROD, reduce(Monoid.PROD));
    table.put(REDUCE_MAX, reduce(Monoid.MAX));
    table.put(REDUCE_MIN, reduce(Monoid.MIN));
    table.put(REDUCE_AND, reduce(Monoid.AND));
    table.put(REDUCE_OR, reduce(Monoid.OR));
    table.put(ARGMAX, argReduce(1));
    table.put(ARGMIN, argReduce(-1));
    table.put(CUMSUM, scan(Monoid.SUM));
    table.put(CUMPROD, scan(Monoid.PROD));
    table.put(CUMMAX, scan(Monoid.MAX));
    table.put(CUMMIN, scan(Monoid.MIN));
  }

  /** A reduction's shape and axes: what its {@link FoldPlan} depends on. */
  private record ReduceKey(Shape shape, int[] axes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ReduceKey r && shape.equals(r.shape) && Arrays.equals(axes, r.axes);
    }

    @Override
    public int hashCode() {
      return shape.hashCode() * 31 + Arrays.hashCode(axes);
    }
  }

  private static final KernelMemo<ReduceKey, FoldPlan> REDUCE_PLANS =
      new KernelMemo<>(key -> ReductionOrder.reduce(key.shape(), key.axes()));

  private static Kernel reduce(Monoid m) {
    return (inputs, params, outAvals) -> {
      Array x = inputs.get(0);
      FoldPlan plan = REDUCE_PLANS.get(new ReduceKey(x.shape(), params.getInts("axes")));
      return List.of(Array.wrap(outAvals.get(0), plan.evaluate(x, m)));
    };
  }

  private static Kernel scan(Monoid m) {
    return (inputs, params, outAvals) -> {
      Array x = inputs.get(0);
      FoldPlan plan =
          ReductionOrder.scan(x.shape(), params.getInt("axis"), params.getBoolean("reverse"));
      return List.of(Array.wrap(outAvals.get(0), plan.evaluate(x, m)));
    };
  }

  /**
   * argmax ({@code sign = 1}) or argmin ({@code sign = -1}): the first index of the extreme
   * value along the axis, where the first NaN beats every number. Elements are compared as
   * doubles, which is exact for every dtype here.
   */
  private static Kernel argReduce(int sign) {
    return (inputs, params, outAvals) -> {
      Array x = inputs.get(0);
      int axis = params.getInts("axes")[0];
      int len = x.shape().dim(axis);
      int stride = x.shape().strides()[axis];
      ShapedArray out = outAvals.get(0);
      int[] result = (int[]) Array.allocate(out);
      int[] starts = Lanes.starts(x.shape(), axis);
      for (int j = 0; j < starts.length; j++) {
        double best = comparable(x, starts[j]);
        int bestIndex = 0;
        for (int i = 1; i < len && !Double.isNaN(best); i++) {
          double v = comparable(x, starts[j] + i * stride);
          if (Double.isNaN(v) || (sign > 0 ? v > best : v < best)) {
            best = v;
            bestIndex = i;
          }
        }
        result[j] = bestIndex;
      }
      return List.of(Array.wrap(out, result));
    };
  }

  /** Element {@code i} as a double, with float subnormals read as zeros, as XLA compares. */
  private static double comparable(Array x, int i) {
    switch (x.dtype()) {
      case FLOAT32: return Denormals.flush(x.rawFloats()[i]);
      case FLOAT64: return Denormals.flush(x.rawDoubles()[i]);
      default: return x.getDouble(i);
    }
  }
}
