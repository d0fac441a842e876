package dev.flaxj.vectors;

import static dev.flaxj.transform.exec.PlanTesting.assertPlanExact;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaxj.array.Array;
import dev.flaxj.backend.reference.ReferenceBackend;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.exec.PlanTesting;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.staging.MakeJaxpr;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every program of the transform composition matrix ({@link TransformVectorsTest#programs()}:
 * the 64 ordered pairs, their reverse-mode derivatives, while loops, Hessians and jacfwd of
 * jacrev) staged to a jaxpr and run both through its execution plan and equation by equation, on
 * several inputs: the results must be the same bits.
 */
class JitPlanExactnessTest {
  private static final List<Array> INPUTS = List.of(
      Array.of(new float[] {0.3f, -0.2f, 0.5f}, 3),
      PlanTesting.uniform(11, 2.0, 3),
      Array.of(new float[] {-0f, 1e-40f, 40f}, 3));

  @TestFactory
  Stream<DynamicTest> everyCompositionProgramRunsTheSameThroughItsPlan() {
    return TransformVectorsTest.programs().entrySet().stream().map(e -> DynamicTest.dynamicTest(
        e.getKey(), () -> check(e.getKey(), e.getValue())));
  }

  /**
   * The two programs JAX rejects (forward mode through custom_vjp) fail while staging, as they
   * fail eagerly; there is nothing to run.
   */
  private static void check(String name, TreeFunction f) {
    for (Array x : INPUTS) {
      ClosedJaxpr jaxpr;
      try {
        jaxpr = MakeJaxpr.makeJaxpr(f).apply(x);
      } catch (RuntimeException staging) {
        assertThrows(staging.getClass(), () -> f.apply(x), name + " fails eagerly too");
        return;
      }
      assertPlanExact(name + " at " + x, jaxpr, List.of(x), ReferenceBackend.INSTANCE);
    }
  }
}
