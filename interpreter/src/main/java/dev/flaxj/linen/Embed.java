package dev.flaxj.linen;

import dev.flaxj.array.Value;
import dev.flaxj.errors.PyValueError;
import dev.flaxj.nn.Initializer;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Index;
import dev.flaxj.numpy.Jnp;
import java.util.Arrays;

/**
 * {@code nn.Embed}: a {@code (numEmbeddings, features)} table {@code embedding}, created in setup
 * (variance scaling 1.0, fan_in, normal, output axis 0); {@link #call} looks up integer ids,
 * {@link #attend} gives {@code query @ embedding.T}.
 */
public final class Embed extends Module {
  private final int numEmbeddings;
  private final int features;
  private final Initializer embeddingInit;
  private Value embedding;

  public Embed(int numEmbeddings, int features) {
    this(numEmbeddings, features,
        Initializers.varianceScaling(1.0, "fan_in", "normal", new int[] {-2}, new int[] {0}, new int[0]),
        null);
  }

  public Embed(int numEmbeddings, int features, Initializer embeddingInit, String name) {
    super(name);
    this.numEmbeddings = numEmbeddings;
    this.features = features;
    this.embeddingInit = embeddingInit;
  }

  @Override
  protected void setup() {
    embedding = param("embedding", embeddingInit, numEmbeddings, features);
  }

  public Value call(Value ids) {
    return (Value) call(new Object[] {ids});
  }

  /** The embeddings of {@code ids}: shape {@code ids.shape + (features,)}; ids must be in range. */
  @Override
  protected Object forward(Object... args) {
    Value ids = (Value) args[0];
    if (!ids.dtype().isInteger() && !ids.dtype().isUnsigned()) {
      throw new PyValueError("Input type must be an integer or unsigned integer.");
    }
    if (numEmbeddings == 1) {
      int[] shape = Arrays.copyOf(ids.shape().dims(), ids.rank() + 1);
      shape[ids.rank()] = features;
      return Jnp.broadcastTo(embedding, shape);
    }
    return Jnp.index(embedding, Index.array(ids));
  }

  /** {@code attend(query)}: the inner products of {@code query}'s last axis with every embedding. */
  public Value attend(Value query) {
    return wrap(() -> Jnp.dot(query, Jnp.transpose(embedding)));
  }
}
