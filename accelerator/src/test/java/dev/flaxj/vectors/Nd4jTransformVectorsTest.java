package dev.flaxj.vectors;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code jax-vectors/transforms.json}, the forward programs of the composition matrix (every
 * ordered pair of jit, vmap, grad, jvp, scan, cond, checkpoint, custom_vjp; while_loop): ND4J
 * agrees with the reference ({@link Nd4jVectorEquivalence}). The derivatives are in
 * {@link Nd4jTransformDerivativeVectorsTest}.
 */
class Nd4jTransformVectorsTest {
  @TestFactory
  Stream<DynamicTest> sameResultsOnNd4j() {
    return Nd4jVectorEquivalence.tests("transforms.json", TransformVectorsTest::dispatcher,
        c -> !isDerivative(c));
  }

  /** The recorded gradients of the pairs and the second derivatives. */
  static boolean isDerivative(VectorCase c) {
    return c.fn().startsWith("grad of ") || c.fn().startsWith("hessian of ")
        || c.fn().startsWith("jacfwd of ");
  }
}
