package dev.flaxj.lax;

import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import java.util.List;

/** Linear-algebra primitives beyond {@code dot_general}, as {@code jax.lax.linalg} defines them. */
public final class LinalgPrimitives {
  private LinalgPrimitives() {}

  /**
   * {@code qr}: QR decomposition of the trailing two dimensions of a float array. Only the reduced
   * form ({@code full_matrices=False}, {@code pivoting=False}) exists: {@code (..., m, n)} gives
   * {@code q (..., m, k)} with orthonormal columns and upper-triangular {@code r (..., k, n)},
   * {@code k = min(m, n)}.
   */
  public static final Primitive QR = new Primitive("qr") {
    @Override
    public List<ShapedArray> abstractEval(List<ShapedArray> in, Params params) {
      ShapedArray x = in.get(0);
      if (params.getBoolean("full_matrices") || params.getBoolean("pivoting")) {
        throw error("only full_matrices=False, pivoting=False is supported, got " + params);
      }
      if (!x.dtype().isFloating() || x.rank() < 2) {
        throw error("expected a float array of rank >= 2, got " + x.str());
      }
      int[] dims = x.shape().dims();
      int rank = dims.length;
      int m = dims[rank - 2];
      int n = dims[rank - 1];
      int k = Math.min(m, n);
      int[] qDims = dims.clone();
      qDims[rank - 1] = k;
      int[] rDims = dims.clone();
      rDims[rank - 2] = k;
      return List.of(new ShapedArray(Shape.of(qDims), x.dtype(), false),
          new ShapedArray(Shape.of(rDims), x.dtype(), false));
    }
  };
}
