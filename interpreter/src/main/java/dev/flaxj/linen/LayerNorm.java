package dev.flaxj.linen;

import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.nn.Initializer;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Jnp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code nn.LayerNorm} with Flax's fast variance: {@code mean = E[x]},
 * {@code var = max(0, E[x^2] - mean^2)} over {@code reductionAxes};
 * {@code y = (x - mean) * rsqrt(var + epsilon) * scale + bias}, with {@code scale} (ones) created
 * before {@code bias} (zeros), both shaped by {@code featureAxes}.
 */
public final class LayerNorm extends Module {
  private final double epsilon;
  private final boolean useBias;
  private final boolean useScale;
  private final Initializer biasInit;
  private final Initializer scaleInit;
  private final int[] reductionAxes;
  private final int[] featureAxes;

  public LayerNorm() {
    this(1e-6, true, true, Initializers.zeros(), Initializers.ones(), new int[] {-1}, new int[] {-1}, null);
  }

  /** All of Flax's fields except the dtypes, {@code axis_name} and {@code use_fast_variance=False}. */
  public LayerNorm(double epsilon, boolean useBias, boolean useScale, Initializer biasInit,
      Initializer scaleInit, int[] reductionAxes, int[] featureAxes, String name) {
    super(name);
    this.epsilon = epsilon;
    this.useBias = useBias;
    this.useScale = useScale;
    this.biasInit = biasInit;
    this.scaleInit = scaleInit;
    this.reductionAxes = reductionAxes.clone();
    this.featureAxes = featureAxes.clone();
  }

  public Value call(Value x) {
    return (Value) call(new Object[] {x});
  }

  @Override
  protected Object forward(Object... args) {
    Value x = (Value) args[0];
    int[] reduce = canonical(reductionAxes, x.rank());
    int[] features = canonical(featureAxes, x.rank());
    Value mean = Jnp.mean(x, reduce);
    Value meanSq = Jnp.mean(Jnp.square(x), reduce);
    Value var = Jnp.maximum(0.0, Jnp.subtract(meanSq, Jnp.square(mean)));
    Value y = Jnp.subtract(x, Jnp.expandDims(mean, reduce));
    Value mul = Lax.rsqrt(Jnp.add(Jnp.expandDims(var, reduce), epsilon));
    int[] featureShape = new int[x.rank()];
    Arrays.fill(featureShape, 1);
    int[] paramShape = new int[features.length];
    for (int i = 0; i < features.length; i++) {
      featureShape[features[i]] = x.shape().dim(features[i]);
      paramShape[i] = featureShape[features[i]];
    }
    if (useScale) {
      mul = Jnp.multiply(mul, Jnp.reshape(param("scale", scaleInit, paramShape), featureShape));
    }
    y = Jnp.multiply(y, mul);
    if (useBias) {
      y = Jnp.add(y, Jnp.reshape(param("bias", biasInit, paramShape), featureShape));
    }
    return y;
  }

  /** Axes made non-negative and sorted, as Flax's {@code _canonicalize_axes}. */
  private static int[] canonical(int[] axes, int rank) {
    List<Integer> out = new ArrayList<>();
    for (int a : axes) {
      int c = Shape.canonicalAxis(a, rank, "LayerNorm");
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    return out.stream().sorted().mapToInt(Integer::intValue).toArray();
  }
}
