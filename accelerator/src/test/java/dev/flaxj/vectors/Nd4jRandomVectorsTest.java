package dev.flaxj.vectors;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code jax-vectors/random.json}, the jax.random samplers: ND4J agrees with the reference
 * ({@link Nd4jVectorEquivalence}).
 */
class Nd4jRandomVectorsTest {
  @TestFactory
  Stream<DynamicTest> sameResultsOnNd4j() {
    return Nd4jVectorEquivalence.tests("random.json", RandomVectorsTest::dispatcher);
  }
}
