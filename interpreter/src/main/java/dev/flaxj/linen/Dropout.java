package dev.flaxj.linen;

import dev.flaxj.array.Value;
import dev.flaxj.errors.PyValueError;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;

/**
 * {@code nn.Dropout}: unless deterministic, zeroes each element with probability {@code rate} and
 * scales the rest by {@code 1 / (1 - rate)}, with a key from the {@code dropout} stream.
 * {@code deterministic} must be given exactly once: here or at call time.
 */
public final class Dropout extends Module {
  private final double rate;
  private final Boolean deterministic;
  private final int[] broadcastDims;
  private final String rngCollection;

  public Dropout(double rate) {
    this(rate, null, new int[0], "dropout", null);
  }

  public Dropout(double rate, Boolean deterministic) {
    this(rate, deterministic, new int[0], "dropout", null);
  }

  /** All of Flax's fields: {@code broadcastDims} share one mask value along those axes. */
  public Dropout(double rate, Boolean deterministic, int[] broadcastDims, String rngCollection, String name) {
    super(name);
    this.rate = rate;
    this.deterministic = deterministic;
    this.broadcastDims = broadcastDims.clone();
    this.rngCollection = rngCollection;
  }

  public Value call(Value x) {
    return (Value) call(new Object[] {x});
  }

  public Value call(Value x, boolean deterministicNow) {
    return (Value) call(new Object[] {x, deterministicNow});
  }

  @Override
  protected Object forward(Object... args) {
    Value x = (Value) args[0];
    boolean det = mergeDeterministic(args.length > 1 ? (Boolean) args[1] : null);
    if (rate == 0.0 || det) {
      return x;
    }
    if (rate == 1.0) {
      return Jnp.zerosLike(x);
    }
    double keepProb = 1.0 - rate;
    Value rng = makeRng(rngCollection);
    int[] maskShape = x.shape().dims().clone();
    for (int d : broadcastDims) {
      maskShape[d] = 1;
    }
    Value mask = Jnp.broadcastTo(Random.bernoulli(rng, keepProb, maskShape), x.shape().dims());
    return Jnp.where(mask, Jnp.divide(x, keepProb), Jnp.zerosLike(x));
  }

  private boolean mergeDeterministic(Boolean atCall) {
    if (deterministic == null && atCall == null) {
      throw new PyValueError(
          "Parameter \"deterministic\" must be passed to the constructor or at call time.");
    }
    if (deterministic != null && atCall != null) {
      throw new PyValueError("Parameter \"deterministic\" was passed to the constructor "
          + "and at call time. Should be passed just once.");
    }
    return deterministic != null ? deterministic : atCall;
  }
}
