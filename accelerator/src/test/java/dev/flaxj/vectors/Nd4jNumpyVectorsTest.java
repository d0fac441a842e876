package dev.flaxj.vectors;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code jax-vectors/numpy.json}, the jax.numpy programs: ND4J agrees with the reference
 * ({@link Nd4jVectorEquivalence}).
 */
class Nd4jNumpyVectorsTest {
  @TestFactory
  Stream<DynamicTest> sameResultsOnNd4j() {
    return Nd4jVectorEquivalence.tests("numpy.json", NumpyVectorsTest::dispatcher);
  }
}
