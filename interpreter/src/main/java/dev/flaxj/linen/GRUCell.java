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
 * {@code nn.GRUCell}: {@code r = gate(ir(x) + hr(h))}, {@code z = gate(iz(x) + hz(h))},
 * {@code n = act(in(x) + r * hn(h))}, {@code h' = (1 - z) * n + z * h}; returns
 * {@code Tuple(h', h')}. Input denses {@code i*} and {@code hn} have biases, {@code hr}, {@code hz}
 * none; hidden kernels are orthogonal.
 */
public final class GRUCell extends RecurrentCell {
  private final UnaryOperator<Value> gateFn;

  public GRUCell(int features) {
    this(features, Activations::sigmoid, Activations::tanh, Initializers.lecunNormal(),
        Initializers.orthogonal(), Initializers.zeros(), Initializers.zeros(), null);
  }

  /** All of Flax's fields except the dtypes (float32). */
  public GRUCell(int features, UnaryOperator<Value> gateFn, UnaryOperator<Value> activationFn,
      Initializer kernelInit, Initializer recurrentKernelInit, Initializer biasInit,
      Initializer carryInit, String name) {
    super(features, activationFn, kernelInit, recurrentKernelInit, biasInit, carryInit, name);
    this.gateFn = gateFn;
  }

  public Tuple call(Value carry, Value x) {
    return (Tuple) call(new Object[] {carry, x});
  }

  @Override
  protected Object forward(Object... args) {
    Value h = (Value) args[0];
    Value x = (Value) args[1];
    int hidden = h.shape().dim(h.rank() - 1);
    Value r = gateFn.apply(Jnp.add(input("ir", hidden, x), hiddenDense("hr", hidden, false, h)));
    Value z = gateFn.apply(Jnp.add(input("iz", hidden, x), hiddenDense("hz", hidden, false, h)));
    Value n = activationFn.apply(
        Jnp.add(input("in", hidden, x), Jnp.multiply(r, hiddenDense("hn", hidden, true, h))));
    Value newH = Jnp.add(Jnp.multiply(Jnp.subtract(1.0, z), n), Jnp.multiply(z, h));
    return Tuple.of(newH, newH);
  }

  private Value input(String denseName, int hidden, Value x) {
    return new Dense(hidden, true, kernelInit, biasInit, denseName).call(x);
  }

  private Value hiddenDense(String denseName, int hidden, boolean useBias, Value h) {
    return new Dense(hidden, useBias, recurrentKernelInit, biasInit, denseName).call(h);
  }

  /** {@code initialize_carry(rng, input_shape)}: {@code carry_init(rng, input_shape[:-1] + (features,))}. */
  public Value initializeCarry(Value rng, int... inputShape) {
    return carryInit.init(rng, carryShape(inputShape), DType.FLOAT32);
  }
}
