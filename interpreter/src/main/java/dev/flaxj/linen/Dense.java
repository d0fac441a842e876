package dev.flaxj.linen;

import dev.flaxj.array.Value;
import dev.flaxj.lax.DotDimensionNumbers;
import dev.flaxj.lax.Lax;
import dev.flaxj.nn.Initializer;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Jnp;
import java.util.Arrays;

/**
 * {@code nn.Dense}: {@code y = x @ kernel + bias} over the last axis of {@code x}. Creates
 * {@code kernel (in, features)} (lecun normal) before {@code bias (features,)} (zeros).
 */
public final class Dense extends Module {
  private final int features;
  private final boolean useBias;
  private final Initializer kernelInit;
  private final Initializer biasInit;

  public Dense(int features) {
    this(features, null);
  }

  public Dense(int features, String name) {
    this(features, true, Initializers.lecunNormal(), Initializers.zeros(), name);
  }

  public Dense(int features, boolean useBias, Initializer kernelInit, Initializer biasInit, String name) {
    super(name);
    if (features < 0) {
      throw new IllegalArgumentException("Dense: features must be >= 0, got " + features);
    }
    this.features = features;
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
    if (x.rank() == 0) {
      throw new IllegalArgumentException("Dense: input must have rank >= 1, got shape " + x.shape());
    }
    int last = x.rank() - 1;
    Value kernel = param("kernel", kernelInit, x.shape().dim(last), features);
    Value bias = useBias ? param("bias", biasInit, features) : null;
    if (!x.dtype().isFloating()) {
      x = Jnp.astype(x, kernel.dtype());
    }
    Value y = Lax.dotGeneral(x, kernel, DotDimensionNumbers.of(new int[] {last}, new int[] {0}));
    if (bias == null) {
      return y;
    }
    int[] shape = new int[y.rank()];
    Arrays.fill(shape, 1);
    shape[shape.length - 1] = features;
    return Jnp.add(y, Jnp.reshape(bias, shape));
  }
}
