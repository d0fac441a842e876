package dev.flaxj.vectors;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code jax-vectors/transforms.json}, the derivatives: the gradient of every ordered pair of the
 * composition matrix, hessian and jacfwd-of-jacrev: ND4J agrees with the reference
 * ({@link Nd4jVectorEquivalence}).
 */
class Nd4jTransformDerivativeVectorsTest {
  @TestFactory
  Stream<DynamicTest> sameResultsOnNd4j() {
    return Nd4jVectorEquivalence.tests("transforms.json", TransformVectorsTest::dispatcher,
        Nd4jTransformVectorsTest::isDerivative);
  }
}
