package dev.flaxj.vectors;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code jax-vectors/initializers.json}, the flax/jax.nn initializers: ND4J agrees with the reference
 * ({@link Nd4jVectorEquivalence}).
 */
class Nd4jInitializerVectorsTest {
  @TestFactory
  Stream<DynamicTest> sameResultsOnNd4j() {
    return Nd4jVectorEquivalence.tests("initializers.json", InitializerVectorsTest::dispatcher);
  }
}
