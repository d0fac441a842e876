package dev.flaxj.transform.exec;

import static dev.flaxj.transform.exec.PlanTesting.assertPlanExact;
import static dev.flaxj.transform.exec.PlanTesting.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.backend.reference.ReferenceBackend;
import dev.flaxj.lax.Lax;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.staging.MakeJaxpr;
import dev.flaxj.tree.Tuple;
import java.util.List;
import org.junit.jupiter.api.Test;

class FusedStepTest {
  /**
   * A chain whose written results ({@code a}, and {@code t} at the end) are also read inside it,
   * at sizes of one block (inputs and outputs used as registers), exactly one block, and several
   * blocks with a remainder: the results are the kernels' bits and the inputs stay untouched.
   */
  @Test
  void writtenResultsReadInsideTheChainKeepTheKernelsBitsAtEveryBlocking() {
    TreeFunction f = args -> {
      Value x = (Value) args[0];
      Value y = (Value) args[1];
      Value a = Lax.mul(x, y);
      Value t = Lax.tanh(Lax.add(a, x));
      Value s = Lax.sub(Lax.exp(t), a);
      return Tuple.of(a, Lax.mul(s, t));
    };
    for (int size : new int[] {1, 7, 512, 513, 1100}) {
      Array x = uniform(11, 2.0, size);
      Array y = uniform(12, 2.0, size);
      float[] xBefore = x.rawFloats().clone();
      float[] yBefore = y.rawFloats().clone();
      ExecutionPlan plan = assertPlanExact("size " + size, MakeJaxpr.makeJaxpr(f).apply(x, y),
          List.of(x, y), ReferenceBackend.INSTANCE);
      assertEquals("fused[mul,add,tanh,exp,sub,mul]", plan.describe());
      assertArrayEquals(xBefore, x.rawFloats());
      assertArrayEquals(yBefore, y.rawFloats());
    }
  }
}
