package dev.flaxj.linen;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.nn.Activations;
import dev.flaxj.nn.Initializer;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.tree.Tuple;
import java.util.function.UnaryOperator;

/**
 * {@code nn.SimpleCell} (Elman): {@code h' = act(i(x) + h(h) [+ h])}, returning
 * {@code Tuple(h', h')}. Dense {@code i} has the bias, {@code h} (orthogonal kernel) none.
 */
public final class SimpleCell extends RecurrentCell {
  private final boolean residual;

  public SimpleCell(int features) {
    this(features, Activations::tanh, Initializers.lecunNormal(), Initializers.orthogonal(),
        Initializers.zeros(), Initializers.zeros(), false, null);
  }

  /** All of Flax's fields except the dtypes (float32). */
  public SimpleCell(int features, UnaryOperator<Value> activationFn, Initializer kernelInit,
      Initializer recurrentKernelInit, Initializer biasInit, Initializer carryInit,
      boolean residual, String name) {
    super(features, activationFn, kernelInit, recurrentKernelInit, biasInit, carryInit, name);
    this.residual = residual;
  }

  public Tuple call(Value carry, Value x) {
    return (Tuple) call(new Object[] {carry, x});
  }

  @Override
  protected Object forward(Object... args) {
    Value h = (Value) args[0];
    Value x = (Value) args[1];
    int hidden = h.shape().dim(h.rank() - 1);
    Value sum = Jnp.add(new Dense(hidden, true, kernelInit, biasInit, "i").call(x),
        new Dense(hidden, false, recurrentKernelInit, biasInit, "h").call(h));
    if (residual) {
      sum = Jnp.add(sum, h);
    }
    Value out = activationFn.apply(sum);
    return Tuple.of(out, out);
  }

  /** {@code initialize_carry(rng, input_shape)}: {@code carry_init(rng, input_shape[:-1] + (features,))}. */
  public Value initializeCarry(Value rng, int... inputShape) {
    return carryInit.init(rng, carryShape(inputShape), DType.FLOAT32);
  }
}
