package dev.flaxj.python.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite: one test per example of every corpus page ("page #index line N"), run on
 * flaxj through GraalPy and compared with the golden from real Flax. An example passes when it
 * matches, or when known-failures.json lists it and it still fails for exactly the listed reason.
 * Each page runs when its container starts; all pages share one session on the shared engine.
 */
class ConformanceTest {
  private static final Conformance SUITE = new Conformance(new Corpus(Path.of("")));

  @TestFactory
  Stream<DynamicContainer> corpus() {
    return SUITE.corpus().pages().stream().map(page -> DynamicContainer.dynamicContainer(page,
        Stream.of(page).flatMap(p -> SUITE.runPage(p).stream()).map(result ->
            DynamicTest.dynamicTest(result.name(), () -> {
              String problem = result.problem();
              if (problem != null) {
                fail(problem);
              }
            }))));
  }

  @AfterAll
  static void closeSession() {
    SUITE.close();
  }
}
