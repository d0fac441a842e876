package dev.flaxj.backend.reference;

import dev.flaxj.array.Array;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.backend.Backend;
import dev.flaxj.backend.Float32Elementwise;
import dev.flaxj.backend.Kernel;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference backend: plain Java kernels. It defines the exact semantics every other backend
 * is compared with. Float32 kernels compute in float32, as XLA does on CPU. (Library kernels such
 * as EJML's matrix product and QR were measured and left out: they round differently from XLA and
 * LAPACK, so results would not be JAX's bit for bit.)
 */
public final class ReferenceBackend implements Backend {
  public static final String NAME = "reference";
  public static final ReferenceBackend INSTANCE = new ReferenceBackend();

  private final Map<Primitive, Kernel> kernels = new IdentityHashMap<>();

  private ReferenceBackend() {
    ElementwiseKernels.register(kernels);
    ShapeKernels.register(kernels);
    IndexingKernels.register(kernels);
    ReductionKernels.register(kernels);
    DotGeneralKernel.register(kernels);
    SortKernel.register(kernels);
    ThreefryKernel.register(kernels);
    QrKernel.register(kernels);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Array> execute(Primitive primitive, List<Array> inputs, Params params,
      List<ShapedArray> outAvals) {
    Kernel k = kernels.get(primitive);
    if (k == null) {
      throw new UnsupportedOperationException("reference backend has no kernel for " + primitive);
    }
    return k.apply(inputs, params, outAvals);
  }

  @Override
  public Kernel kernel(Primitive primitive) {
    Kernel k = kernels.get(primitive);
    return k != null ? k : Backend.super.kernel(primitive);
  }

  /** Fuses the float32 loops of the unary and binary elementwise kernels (see {@link ElementwiseKernels#float32Op}). */
  @Override
  public Float32Elementwise fusibleFloat32(Primitive primitive, Params params) {
    return ElementwiseKernels.float32Op(kernels.get(primitive), primitive, params);
  }
}
