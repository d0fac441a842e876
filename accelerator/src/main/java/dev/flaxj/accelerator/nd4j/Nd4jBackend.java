package dev.flaxj.accelerator.nd4j;

import dev.flaxj.array.Array;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.backend.Backend;
import dev.flaxj.backend.Float32Elementwise;
import dev.flaxj.backend.reference.ReferenceBackend;
import dev.flaxj.lax.DotGeneralPrimitive;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.lax.ReductionPrimitives;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The ND4J backend ({@code -Dflaxj.backend=nd4j} or {@code FLAXJ_BACKEND=nd4j}; registered in
 * {@code META-INF/services}): the float kernels of arithmetic, comparisons, the shape primitives,
 * the float reductions and {@code dot_general} run on ND4J, on nd4j-native (CPU) or, built with
 * the {@code cuda} profile, on nd4j-cuda. On the CPU, float32 dots and sums over leading or
 * trailing axes call nd4j-native's OpenBLAS directly on the Java arrays ({@link BlasDot},
 * {@link BlasReduceSum}); on CUDA they go through ND4J's kernels ({@link DotGeneralNd4j},
 * {@link ReductionNd4j}). The jit executor's fused elementwise chains run the reference's
 * float32 loops ({@link #fusibleFloat32}).
 *
 * <p>Everything else is delegated to the {@link ReferenceBackend}'s kernel: primitives whose
 * reference semantics ND4J cannot reproduce (XLA's approximations of pow, erf and erf_inv,
 * threefry and the other uint32 bit operations, C-style integer division, rounding modes, sort,
 * gather/scatter, XLA's association order of cumulative sums), operands ND4J does not store
 * (uint32, keys), empty arrays, and calls that do not pay for copying their operands to ND4J
 * ({@link #MIN_WORK_PROPERTY}). See
 * {@link #acceleratedPrimitives()} and the README for the exact list.
 */
public final class Nd4jBackend implements Backend {
  public static final String NAME = "nd4j";

  /** The system property that sets {@link #minWork}. */
  public static final String MIN_WORK_PROPERTY = "flaxj.nd4j.minWork";

  /**
   * Every call copies its operands to ND4J and the results back; below this much work (the
   * multiply-adds of a {@code dot_general}, the largest operand or result size of a reduction)
   * the copies cost more than the reference kernel and the call stays there. The other kernels
   * do about as much work per element as the copies themselves, so they lost to the reference at
   * every size measured (README); they run on ND4J only when this is 0.
   */
  private final long minWork;

  /**
   * The smallest {@code dot_general} (in multiply-adds) or {@code reduce_sum} (in elements) that
   * runs on OpenBLAS directly: such a call costs about a microsecond, what the reference kernel
   * needs for about this much work.
   */
  static final long BLAS_MIN_WORK = 512;

  private static final Set<Primitive> PAYING_OFF = Set.of(DotGeneralPrimitive.DOT_GENERAL,
      ReductionPrimitives.REDUCE_SUM, ReductionPrimitives.REDUCE_PROD,
      ReductionPrimitives.REDUCE_MAX, ReductionPrimitives.REDUCE_MIN);

  /** Whether float32 dots and sums call the CPU's OpenBLAS directly ({@link #runsOnBlas}). */
  private final boolean hostBlas;

  private final Map<Primitive, Nd4jKernel> kernels = new IdentityHashMap<>();

  /**
   * Called by {@link java.util.ServiceLoader}; the ND4J native library loads on first use.
   * {@code -Dflaxj.nd4j.minWork=N} sets the smallest dot_general or reduction that runs on ND4J
   * (default 65536); 0 sends every call ND4J has a kernel for to ND4J, as the tests'
   * {@code new Nd4jBackend(0)} does.
   */
  public Nd4jBackend() {
    this(Long.getLong(MIN_WORK_PROPERTY, 65536));
  }

  /** A backend that runs calls of at least {@code minWork} on ND4J (see {@link #Nd4jBackend()}). */
  public Nd4jBackend(long minWork) {
    this(minWork, NdArrays.onHost());
  }

  /**
   * As {@link #Nd4jBackend(long)}; {@code hostBlas} false sends float32 dots and sums through
   * ND4J's own kernels even on the CPU (what nd4j-cuda always does), so that tests cover both
   * paths.
   */
  Nd4jBackend(long minWork, boolean hostBlas) {
    this.minWork = minWork;
    this.hostBlas = hostBlas;
    ElementwiseNd4j.register(kernels);
    ShapeNd4j.register(kernels);
    ReductionNd4j.register(kernels);
    DotGeneralNd4j.register(kernels);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Array> execute(Primitive primitive, List<Array> inputs, Params params,
      List<ShapedArray> outAvals) {
    if (runsOnBlas(primitive, inputs, params, outAvals)) {
      return List.of(primitive == DotGeneralPrimitive.DOT_GENERAL
          ? BlasDot.apply(inputs, params, outAvals.get(0))
          : BlasReduceSum.apply(inputs.get(0), params, outAvals.get(0)));
    }
    Nd4jKernel k = kernels.get(primitive);
    if (!runsOnNd4j(k, primitive, inputs, params, outAvals)) {
      return ReferenceBackend.INSTANCE.execute(primitive, inputs, params, outAvals);
    }
    List<INDArray> in = new ArrayList<>(inputs.size());
    for (Array a : inputs) {
      in.add(NdArrays.toNd4j(a, k.arithmetic()));
    }
    List<INDArray> out = k.body().apply(in, params, outAvals);
    List<Array> result = new ArrayList<>(out.size());
    for (int i = 0; i < out.size(); i++) {
      result.add(NdArrays.toArray(out.get(i), outAvals.get(i), k.arithmetic()));
    }
    // The off-heap buffers are copied out; free them now rather than when the GC finds them.
    out.forEach(Nd4jBackend::release);
    in.forEach(Nd4jBackend::release);
    return result;
  }

  private static void release(INDArray x) {
    if (x.closeable() && !x.wasClosed()) {
      x.close();
    }
  }

  /**
   * Whether this call runs on the CPU's OpenBLAS on the Java arrays: a float32
   * {@code dot_general} ({@link BlasDot}) from {@link #BLAS_MIN_WORK} multiply-adds, or a float32
   * {@code reduce_sum} over leading or trailing axes ({@link BlasReduceSum}) from that many
   * elements ({@link #minWork} if that is lower); on nd4j-native only, never for empty operands.
   */
  private boolean runsOnBlas(Primitive primitive, List<Array> inputs, Params params,
      List<ShapedArray> outAvals) {
    if (!hostBlas) {
      return false;
    }
    long least = Math.min(minWork, BLAS_MIN_WORK);
    if (primitive == DotGeneralPrimitive.DOT_GENERAL) {
      long work = DotGeneralNd4j.multiplyAdds(inputs, params, outAvals);
      return BlasDot.accepts(inputs, outAvals) && work > 0 && work >= least
          && inputs.get(0).size() > 0 && inputs.get(1).size() > 0;
    }
    return primitive == ReductionPrimitives.REDUCE_SUM
        && BlasReduceSum.accepts(inputs.get(0), params) && inputs.get(0).size() >= least;
  }

  /**
   * Whether {@link #execute} computes this call on ND4J or its OpenBLAS (true) or hands it to
   * the reference kernel (false).
   */
  public boolean runsOnNd4j(Primitive primitive, List<Array> inputs, Params params,
      List<ShapedArray> outAvals) {
    return runsOnBlas(primitive, inputs, params, outAvals)
        || runsOnNd4j(kernels.get(primitive), primitive, inputs, params, outAvals);
  }

  private boolean runsOnNd4j(Nd4jKernel k, Primitive primitive, List<Array> inputs,
      Params params, List<ShapedArray> outAvals) {
    if (k == null) {
      return false;
    }
    // ND4J's zero-length arrays are not reliable across ops; they cost nothing on the reference.
    long largest = 0;
    for (Array a : inputs) {
      if (a.size() == 0) {
        return false;
      }
      largest = Math.max(largest, a.size());
    }
    for (ShapedArray o : outAvals) {
      if (o.shape().size() == 0) {
        return false;
      }
      largest = Math.max(largest, o.shape().size());
    }
    if (minWork > 0) {
      long work = primitive == DotGeneralPrimitive.DOT_GENERAL
          ? DotGeneralNd4j.multiplyAdds(inputs, params, outAvals) : largest;
      if (!PAYING_OFF.contains(primitive) || work < minWork) {
        return false;
      }
    }
    return k.accepts().test(inputs, params, outAvals);
  }

  /**
   * The reference backend's float32 loops: the jit executor's fused elementwise chains run in
   * Java on both backends (one pass over the operands, no copies to ND4J), with the reference's
   * exact float32 arithmetic.
   */
  @Override
  public Float32Elementwise fusibleFloat32(Primitive primitive, Params params) {
    return ReferenceBackend.INSTANCE.fusibleFloat32(primitive, params);
  }

  /** The primitives that have an ND4J kernel (for some dtypes; the others run on the reference). */
  public Set<Primitive> acceleratedPrimitives() {
    return Collections.unmodifiableSet(kernels.keySet());
  }
}
