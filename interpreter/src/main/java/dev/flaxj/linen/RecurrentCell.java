package dev.flaxj.linen;

import dev.flaxj.array.Value;
import dev.flaxj.nn.Initializer;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * What Flax's recurrent cells share ({@code RNNCellBase}'s fields): the number of features, the
 * activation, the initialisers of the input kernels, the recurrent kernels, the biases and the
 * carry, and the carry shape {@code input_shape[:-1] + (features,)}.
 */
abstract class RecurrentCell extends Module {
  final int features;
  final UnaryOperator<Value> activationFn;
  final Initializer kernelInit;
  final Initializer recurrentKernelInit;
  final Initializer biasInit;
  final Initializer carryInit;

  RecurrentCell(int features, UnaryOperator<Value> activationFn, Initializer kernelInit,
      Initializer recurrentKernelInit, Initializer biasInit, Initializer carryInit, String name) {
    super(name);
    this.features = features;
    this.activationFn = activationFn;
    this.kernelInit = kernelInit;
    this.recurrentKernelInit = recurrentKernelInit;
    this.biasInit = biasInit;
    this.carryInit = carryInit;
  }

  /** {@code initialize_carry(rng, input_shape)}: the carry for inputs of shape {@code inputShape}. */
  public abstract Object initializeCarry(Value rng, int... inputShape);

  /** {@code input_shape[:-1] + (features,)}; an error naming the cell for a scalar input shape. */
  final int[] carryShape(int[] inputShape) {
    if (inputShape.length == 0) {
      throw new IllegalArgumentException(getClass().getSimpleName()
          + ".initializeCarry: input shape must have rank >= 1, got ()");
    }
    int[] shape = Arrays.copyOf(inputShape, inputShape.length);
    shape[shape.length - 1] = features;
    return shape;
  }
}
