package dev.flaxj.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.accelerator.nd4j.Agreement;
import dev.flaxj.accelerator.nd4j.BackendPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Replays the interpreter's recorded JAX programs ({@code jax-vectors/*.json}: the transform
 * composition matrix, jax.numpy, jax.random and the initializers) once on the reference backend
 * and once on ND4J, in the same JVM, and requires the two results to agree: same structure,
 * dtypes, shapes and integer/bool/key values, floats within 1e-5 relative ({@link Agreement}
 * explains the one allowance: BLAS and ND4J reductions sum in another order). A case the
 * reference rejects must be rejected on ND4J with the same exception class.
 *
 * <p>The test classes {@code Nd4j*VectorsTest} run it on one file each. Each backend gets its
 * own replay functions, so that nothing a jitted function caches on its
 * first run on one backend is reused on the other. The last test of each file prints how many
 * primitive calls ND4J computed and how many it delegated, and fails if ND4J computed none.
 */
final class Nd4jVectorEquivalence {
  private Nd4jVectorEquivalence() {}

  /** What one replay returned or threw. */
  private record Outcome(Object value, RuntimeException error) {
    static Outcome of(Supplier<Object> run) {
      try {
        return new Outcome(run.get(), null);
      } catch (RuntimeException e) {
        return new Outcome(null, e);
      }
    }
  }

  private static final class Tally {
    int agreed;
    int bothRejected;
    int skipped;
    long floats;
    long exactFloats;
    double maxRelative;
    Map<String, Long> nd4jBefore;
    Map<String, Long> delegatedBefore;
  }

  /** One dynamic test per case of {@code file}, replayed through fresh dispatchers per backend, then the summary. */
  static Stream<DynamicTest> tests(String file, Supplier<Dispatcher> dispatchers) {
    return tests(file, dispatchers, c -> true);
  }

  /** As {@link #tests(String, Supplier)}, for the cases {@code selected} accepts. */
  static Stream<DynamicTest> tests(String file, Supplier<Dispatcher> dispatchers,
      Predicate<VectorCase> selected) {
    List<VectorCase> cases = VectorFile.load(file).cases().stream().filter(selected).toList();
    Dispatcher onReference = dispatchers.get();
    Dispatcher onNd4j = dispatchers.get();
    Tally tally = new Tally();
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(DynamicTest.dynamicTest("start counting " + file, () -> {
      tally.nd4jBefore = BackendPair.nd4jCalls();
      tally.delegatedBefore = BackendPair.delegatedCalls();
    }));
    for (VectorCase c : cases) {
      tests.add(DynamicTest.dynamicTest(c.displayName(), () -> {
        Replayer ref = onReference.find(c.fn());
        Replayer nd = onNd4j.find(c.fn());
        Outcome expected = Outcome.of(() -> BackendPair.onReference(() -> ref.replay(c.args())));
        if (expected.error() instanceof NotExpressible) {
          tally.skipped++;
          Assumptions.abort("not expressible in Java: " + expected.error().getMessage());
        }
        Outcome actual = Outcome.of(() -> BackendPair.onNd4j(() -> nd.replay(c.args())));
        if (expected.error() != null || actual.error() != null) {
          if (expected.error() == null) {
            throw new AssertionError("ND4J threw where the reference returned a value", actual.error());
          }
          assertTrue(actual.error() != null, "ND4J returned " + actual.value() + " where the reference threw "
              + expected.error());
          assertEquals(expected.error().getClass(), actual.error().getClass(), "exception class");
          tally.bothRejected++;
          return;
        }
        Agreement a = Agreement.of(actual.value(), expected.value());
        assertTrue(a.ok(), a.report());
        tally.agreed++;
        tally.floats += a.floats();
        tally.exactFloats += a.exactFloats();
        tally.maxRelative = Math.max(tally.maxRelative, a.maxRelative());
      }));
    }
    tests.add(DynamicTest.dynamicTest("summary of " + file, () -> {
      Map<String, Long> nd4j = delta(BackendPair.nd4jCalls(), tally.nd4jBefore);
      Map<String, Long> delegated = delta(BackendPair.delegatedCalls(), tally.delegatedBefore);
      System.out.printf("[nd4j-equivalence] %s: %d cases agree, %d rejected by both, %d skipped;"
              + " %d floats, %d bit-identical, max relative difference %.3g;"
              + " %d primitive calls on ND4J %s, %d delegated %s%n",
          file, tally.agreed, tally.bothRejected, tally.skipped, tally.floats, tally.exactFloats,
          tally.maxRelative, BackendPair.total(nd4j), nd4j, BackendPair.total(delegated), delegated);
      assertEquals(cases.size(), tally.agreed + tally.bothRejected + tally.skipped,
          "every case of " + file + " replayed on both backends");
      assertTrue(BackendPair.total(nd4j) > 0, "ND4J computed nothing for " + file);
    }));
    return tests.stream();
  }

  private static Map<String, Long> delta(Map<String, Long> now, Map<String, Long> before) {
    Map<String, Long> d = new TreeMap<>();
    now.forEach((k, v) -> {
      long n = v - before.getOrDefault(k, 0L);
      if (n > 0) {
        d.put(k, n);
      }
    });
    return d;
  }
}
