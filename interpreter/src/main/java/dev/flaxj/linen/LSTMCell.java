package dev.flaxj.linen;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.nn.Activations;
import dev.flaxj.nn.Initializer;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Index;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.tree.Tuple;
import java.util.function.UnaryOperator;

/**
 * {@code nn.LSTMCell}: carry {@code (c, h)}; returns {@code Tuple(Tuple(c', h'), h')}. Each gate
 * {@code g} sums a bias-free input Dense {@code i<g>} (lecun normal) and a hidden Dense
 * {@code h<g>} with bias (orthogonal kernel), created in the order ii, hi, if, hf, ig, hg, io, ho.
 */
public final class LSTMCell extends RecurrentCell {
  private final UnaryOperator<Value> gateFn;

  public LSTMCell(int features) {
    this(features, null);
  }

  public LSTMCell(int features, String name) {
    this(features, Activations::sigmoid, Activations::tanh, Initializers.lecunNormal(),
        Initializers.orthogonal(), Initializers.zeros(), Initializers.zeros(), name);
  }

  /** All of Flax's fields except the dtypes (float32). */
  public LSTMCell(int features, UnaryOperator<Value> gateFn, UnaryOperator<Value> activationFn,
      Initializer kernelInit, Initializer recurrentKernelInit, Initializer biasInit,
      Initializer carryInit, String name) {
    super(features, activationFn, kernelInit, recurrentKernelInit, biasInit, carryInit, name);
    this.gateFn = gateFn;
  }

  public Tuple call(Tuple carry, Value x) {
    return (Tuple) call(new Object[] {carry, x});
  }

  @Override
  protected Object forward(Object... args) {
    Tuple carry = (Tuple) args[0];
    Value x = (Value) args[1];
    Value c = (Value) carry.get(0);
    Value h = (Value) carry.get(1);
    int hidden = h.shape().dim(h.rank() - 1);
    Value i = gate(gateFn, "i", x, h, hidden);
    Value f = gate(gateFn, "f", x, h, hidden);
    Value g = gate(activationFn, "g", x, h, hidden);
    Value o = gate(gateFn, "o", x, h, hidden);
    Value newC = Jnp.add(Jnp.multiply(f, c), Jnp.multiply(i, g));
    Value newH = Jnp.multiply(o, activationFn.apply(newC));
    return Tuple.of(Tuple.of(newC, newH), newH);
  }

  private Value gate(UnaryOperator<Value> fn, String gate, Value x, Value h, int hidden) {
    Value fromInput = new Dense(hidden, false, kernelInit, biasInit, "i" + gate).call(x);
    Value fromHidden = new Dense(hidden, true, recurrentKernelInit, biasInit, "h" + gate).call(h);
    return fn.apply(Jnp.add(fromInput, fromHidden));
  }

  /**
   * {@code initialize_carry(rng, input_shape)}: {@code (c, h)}, each {@code carry_init} of shape
   * {@code input_shape[:-1] + (features,)} with one of the two halves of {@code split(rng)}.
   */
  public Tuple initializeCarry(Value rng, int... inputShape) {
    int[] shape = carryShape(inputShape);
    Value keys = Random.split(rng);
    Value c = carryInit.init(Jnp.index(keys, Index.at(0)), shape, DType.FLOAT32);
    Value h = carryInit.init(Jnp.index(keys, Index.at(1)), shape, DType.FLOAT32);
    return Tuple.of(c, h);
  }
}
