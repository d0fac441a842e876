package dev.flaxj.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Turns a vector file into JUnit dynamic tests: one per case, named by function and arguments,
 * replayed through a {@link Dispatcher}; then one that checks every case ran and prints the
 * file's summary (outcomes and the largest float error in ulp).
 *
 * <p>A case that JAX answered with an exception must make the Java call throw the exception flaxj
 * uses for it: {@link UnsupportedOperationException} for JAX's {@code NotImplementedError} (a
 * missing rule), {@link IllegalArgumentException} for everything else (bad input).
 */
final class VectorReplay {
  private VectorReplay() {}

  static Stream<DynamicTest> tests(String fileName, Dispatcher dispatcher) {
    VectorFile file = VectorFile.load(fileName);
    List<VectorCase> cases = file.cases();
    ReplaySummary summary = new ReplaySummary(fileName);
    Stream<DynamicTest> perCase = cases.stream()
        .map(c -> DynamicTest.dynamicTest(c.displayName(), () -> run(c, dispatcher, summary)));
    DynamicTest last = DynamicTest.dynamicTest("summary of " + fileName, () -> {
      System.out.println("[jax-vectors] " + summary);
      assertEquals(cases.size(), summary.attempted(), "every case of " + fileName + " replayed");
    });
    return Stream.concat(perCase, Stream.of(last));
  }

  private static Class<? extends RuntimeException> javaExceptionFor(String jaxError) {
    return "NotImplementedError".equals(jaxError)
        ? UnsupportedOperationException.class : IllegalArgumentException.class;
  }

  private static void run(VectorCase c, Dispatcher dispatcher, ReplaySummary summary) {
    Replayer replayer = dispatcher.find(c.fn());
    if (replayer == null) {
      summary.failed(c, null);
      fail(c.displayName() + ": no Java replay for '" + c.fn() + "' in " + c.file());
    }
    String error = c.expectedError();
    Object actual;
    try {
      actual = replayer.replay(c.args());
    } catch (NotExpressible e) {
      summary.skipped();
      Assumptions.abort("not expressible in Java: " + e.getMessage());
      return;
    } catch (RuntimeException | Error e) {
      if (error != null && javaExceptionFor(error).isInstance(e)) {
        summary.passed(c, new Comparison());
        return;
      }
      summary.failed(c, null);
      throw new AssertionError(c.displayName() + ": flaxj threw " + e + (error == null
          ? " where JAX returned a value"
          : "; JAX raised " + error + ", for which flaxj must throw " + javaExceptionFor(error).getSimpleName()), e);
    }
    if (error != null) {
      summary.failed(c, null);
      fail(c.displayName() + ": JAX raised " + error + ", flaxj returned " + actual);
    }
    Comparison comparison = OutputComparison.compare(actual, c.out());
    if (comparison.ok()) {
      summary.passed(c, comparison);
    } else {
      summary.failed(c, comparison);
      fail(c.displayName() + ": " + comparison.report());
    }
  }
}
