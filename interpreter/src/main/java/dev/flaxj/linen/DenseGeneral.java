package dev.flaxj.linen;

import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import dev.flaxj.errors.PyValueError;
import dev.flaxj.lax.DotDimensionNumbers;
import dev.flaxj.lax.Lax;
import dev.flaxj.nn.Initializer;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Jnp;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * {@code nn.DenseGeneral}: contracts input axes {@code axis} with a kernel of shape
 * {@code batch_shape + contracted_shape + features}, batching over the leading {@code batchDims}.
 * Initialisers see the kernel flattened to 2-D ({@code (batch * contracted, features)}) and the
 * bias to 1-D, then reshaped, as Flax does.
 */
public final class DenseGeneral extends Module {
  private final int[] features;
  private final int[] axis;
  private final int[] batchDims;
  private final boolean useBias;
  private final Initializer kernelInit;
  private final Initializer biasInit;

  public DenseGeneral(int[] features, int[] axis) {
    this(features, axis, new int[0], true, Initializers.lecunNormal(), Initializers.zeros(), null);
  }

  public DenseGeneral(int[] features, int[] axis, int[] batchDims, boolean useBias,
      Initializer kernelInit, Initializer biasInit, String name) {
    super(name);
    int[] sortedBatch = batchDims.clone();
    Arrays.sort(sortedBatch);
    for (int i = 0; i < sortedBatch.length; i++) {
      if (sortedBatch[i] != i) {
        throw new PyValueError("batch_dims " + Arrays.toString(batchDims)
            + " must be consecutive leading dimensions starting from 0.");
      }
    }
    this.features = features.clone();
    this.axis = axis.clone();
    this.batchDims = sortedBatch;
    this.useBias = useBias;
    this.kernelInit = kernelInit;
    this.biasInit = biasInit;
  }

  public Value call(Value x) {
    return (Value) call(new Object[] {x});
  }

  @Override
  protected Object forward(Object... args) {
    Value x = (Value) args[0];
    int ndim = x.rank();
    int[] ax = IntStream.of(axis).map(a -> Shape.canonicalAxis(a, ndim, "DenseGeneral")).sorted().toArray();
    int nBatch = batchDims.length;
    int[] batchShape = IntStream.of(batchDims).map(a -> x.shape().dim(a)).toArray();
    int[] contracted = IntStream.of(ax).map(a -> x.shape().dim(a)).toArray();
    int[] kernelShape = concat(batchShape, contracted, features);
    int flatIn = product(batchShape) * product(contracted);
    Value kernel = (Value) param("kernel",
        (key, a) -> Jnp.reshape(kernelInit.init(key, flatIn, product(features)), kernelShape));
    Value y = Lax.dotGeneral(x, kernel, DotDimensionNumbers.of(ax, range(nBatch, nBatch + ax.length),
        batchDims, range(0, nBatch)));
    if (!useBias) {
      return y;
    }
    int[] biasShape = concat(batchShape, features);
    Value bias = (Value) param("bias",
        (key, a) -> Jnp.reshape(biasInit.init(key, product(biasShape)), biasShape));
    int[] expandedBatch = IntStream.range(0, ndim)
        .filter(d -> Arrays.stream(ax).noneMatch(a -> a == d))
        .map(d -> d < nBatch ? x.shape().dim(d) : 1).toArray();
    return Jnp.add(y, Jnp.reshape(bias, concat(expandedBatch, features)));
  }

  private static int[] range(int from, int to) {
    return IntStream.range(from, to).toArray();
  }

  private static int product(int[] dims) {
    return IntStream.of(dims).reduce(1, (p, d) -> p * d);
  }

  private static int[] concat(int[]... parts) {
    return Arrays.stream(parts).flatMapToInt(IntStream::of).toArray();
  }
}
