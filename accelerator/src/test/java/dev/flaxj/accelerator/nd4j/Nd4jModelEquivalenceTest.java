package dev.flaxj.accelerator.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.linen.Dense;
import dev.flaxj.linen.LSTMCell;
import dev.flaxj.linen.Sequential;
import dev.flaxj.nn.Activations;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.transform.Jax;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.tree.Tuple;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Flax layers on ND4J against the reference: parameter initialisation, forward passes and
 * gradients. Initialisation is bit-identical (threefry, erf_inv and the other sampler kernels are
 * the reference's own on both backends); forward passes and gradients go through gemm and agree
 * within the tolerance of {@link Agreement}.
 */
class Nd4jModelEquivalenceTest {
  private static Value input(long seed, int... shape) {
    return BackendPair.onReference(() -> Random.normal(Random.key(seed), shape));
  }

  /** Runs {@code program} on both backends and asserts that ND4J computed gemm and agreed. */
  private static Agreement agree(String what, Supplier<Object> program) {
    long before = BackendPair.nd4jCalls().getOrDefault("dot_general", 0L);
    Object nd = BackendPair.onNd4j(program);
    Object ref = BackendPair.onReference(program);
    assertTrue(BackendPair.nd4jCalls().getOrDefault("dot_general", 0L) > before,
        what + ": no dot_general ran on ND4J");
    Agreement a = Agreement.of(nd, ref);
    assertTrue(a.ok(), what + ": " + a.report());
    System.out.printf("[nd4j-models] %s: %d floats, %d bit-identical, max relative %.3g%n", what,
        a.floats(), a.exactFloats(), a.maxRelative());
    return a;
  }

  @Test
  void denseInitAndApply() {
    Value x = input(1, 16, 64);
    Dense dense = new Dense(48);
    Agreement a = agree("Dense(48) init and apply", () -> {
      Map<String, Map<String, Object>> v = dense.init(Random.key(0), x);
      return List.of(v, dense.apply(v, x));
    });
    assertTrue(a.floats() > 64 * 48);
    Agreement init = Agreement.of(BackendPair.onNd4j(() -> dense.init(Random.key(0), x)),
        BackendPair.onReference(() -> dense.init(Random.key(0), x)));
    assertEquals(64 * 48 + 48, init.floats());
    assertEquals(init.floats(), init.exactFloats(), "initial parameters are bit-identical");
  }

  @Test
  void lstmCellInitAndTwoSteps() {
    Value x = input(2, 4, 12);
    LSTMCell cell = new LSTMCell(32);
    agree("LSTMCell(32) init and two steps", () -> {
      Tuple carry = cell.initializeCarry(Random.key(5), 4, 12);
      Map<String, Map<String, Object>> v = cell.init(Random.key(0), carry, x);
      Tuple step1 = (Tuple) cell.apply(v, carry, x);
      Tuple step2 = (Tuple) cell.apply(v, step1.get(0), Jnp.multiply(x, 2));
      return List.of(v, step1, step2);
    });
  }

  /** The gradient of a mean squared error through a three-layer ReLU MLP, eager and jitted. */
  @Test
  void gradientOfSmallMlp() {
    UnaryOperator<Value> relu = Activations::relu;
    Sequential mlp = new Sequential(new Dense(64), relu, new Dense(64), relu, new Dense(1));
    Value x = input(3, 32, 16);
    Value y = input(4, 32, 1);
    Map<String, Map<String, Object>> v =
        BackendPair.onReference(() -> mlp.init(Random.key(7), x));
    TreeFunction loss = args -> Jnp.mean(Jnp.square(Jnp.subtract(
        mlp.apply(Map.of("params", args[0]), x), y)));
    Object params = v.get("params");
    agree("grad of MLP loss", () -> Jax.grad(loss).apply(params));
    agree("jit(value_and_grad) of MLP loss", () -> Jax.jit(Jax.valueAndGrad(loss)).apply(params));
  }

  @Test
  void inputsAreNotChangedByNd4j() {
    Value x = input(5, 3, 4);
    float[] before = ((Array) x).rawFloats().clone();
    BackendPair.onNd4j(() -> Jnp.tanh(Jnp.matmul(x, Jnp.transpose(x))));
    assertTrue(java.util.Arrays.equals(before, ((Array) x).rawFloats()));
  }
}
