package dev.flaxj.transform.remat;

import static dev.flaxj.transform.custom.CustomTestSupport.assertJax;
import static dev.flaxj.transform.custom.CustomTestSupport.assertJaxScalar;
import static dev.flaxj.transform.custom.CustomTestSupport.at;
import static dev.flaxj.transform.custom.CustomTestSupport.f32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.control.ControlFlow;
import dev.flaxj.transform.partial.Grad;
import dev.flaxj.transform.partial.Linearize;
import dev.flaxj.transform.partial.LinearizeOutput;
import dev.flaxj.tree.Tuple;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reverse mode of a checkpoint around scan, cond and loops: the policy splits the control-flow
 * primitives inside it ({@link PartialEvalCustomRules}), against JAX 0.10.2.
 */
class CheckpointControlFlowTest {
  private static final Array W = Array.of(new float[] {0f, .1f, .2f, .3f, .4f, .5f, .6f, .7f, .8f}, 3, 3);
  private static final Array X = f32(.5f, -1f, 2f);

  /** {@code c = tanh(W @ c)} four times, summing the final carry and sin of every carry. */
  private static final TreeFunction SCAN = a -> {
    Value w = (Value) a[0];
    Tuple out = ControlFlow.scan(s -> {
      Value c = Jnp.tanh(Jnp.matmul(w, (Value) s[0]));
      return Tuple.of(c, Jnp.sum(Jnp.sin(c)));
    }, a[1], null, 4);
    return Jnp.add(Jnp.sum((Value) out.get(0)), Jnp.sum((Value) out.get(1)));
  };

  /** {@code cond(sum(x) > 0, sin(x) * x, cos(x)).sum()}. */
  private static final TreeFunction COND = a -> Jnp.sum((Value) ControlFlow.cond(
      Jnp.greater(Jnp.sum((Value) a[0]), 0f),
      o -> Jnp.multiply(Jnp.sin((Value) o[0]), o[0]),
      o -> Jnp.cos((Value) o[0]), a[0]));

  /** {@code fori_loop(0, 4, lambda i, c: c * sin(c) + i, x).sum()}. */
  private static final TreeFunction FORI = a -> Jnp.sum((Value) ControlFlow.foriLoop(0, 4,
      s -> Jnp.add(Jnp.multiply((Value) s[1], Jnp.sin((Value) s[1])), s[0]), a[0]));

  /** A while loop over {@code (i, c)}: three times {@code c = sin(c) * c}, then the sum. */
  private static final TreeFunction WHILE = a -> Jnp.sum(at(ControlFlow.whileLoop(
      s -> Jnp.less(at(s[0], 0), 3),
      s -> Tuple.of(Jnp.add(at(s[0], 0), 1), Jnp.multiply(Jnp.sin(at(s[0], 1)), at(s[0], 1))),
      Tuple.of(0, a[0])), 1));

  @Test
  void gradOfACheckpointedScan() {
    for (CheckpointPolicy policy : policies()) {
      Tuple g = (Tuple) Grad.grad(Checkpoint.checkpoint(SCAN).policy(policy)).argnums(0, 1).apply(W, X);
      // from jax 0.10.2: grad(checkpoint(fscan, policy=...), argnums=(0, 1))(W, x), every policy
      assertJax(g.get(0), new int[] {3, 3}, 1.9242174625396729f, 1.6726504564285278f, 6.990880966186523f,
          1.2903940677642822f, 0.9719115495681763f, 4.697778224945068f,
          0.6544358730316162f, 0.3628067970275879f, 2.3962602615356445f);
      assertJax(g.get(1), new int[] {3}, 0.6511042714118958f, 0.9536532759666443f, 1.2562023401260376f);
    }
  }

  @Test
  void gradOfACheckpointedCondTakesEitherBranch() {
    for (CheckpointPolicy policy : policies()) {
      Checkpoint f = Checkpoint.checkpoint(COND).policy(policy);
      // from jax 0.10.2: grad(checkpoint(fcond))(x) and (-3 * x)
      assertJax(Grad.grad(f).apply(X), new int[] {3},
          0.9182168245315552f, -1.3817732334136963f, 0.07700371742248535f);
      assertJax(Grad.grad(f).apply(f32(-1.5f, 3f, -6f)), new int[] {3},
          0.9974949955940247f, -0.14112000167369843f, -0.279415488243103f);
    }
  }

  @Test
  void gradOfACheckpointedForiLoopWithStaticBounds() {
    for (CheckpointPolicy policy : policies()) {
      // from jax 0.10.2: grad(checkpoint(ffori))(x)
      assertJax(Grad.grad(Checkpoint.checkpoint(FORI).policy(policy)).apply(X), new int[] {3},
          -1.5789620876312256f, 6.011111259460449f, 0.2550390660762787f);
    }
  }

  @Test
  void savedResidualsMatchJax() {
    // from jax 0.10.2: jax._src.ad_checkpoint.saved_residuals(checkpoint(f, policy=...), *args),
    // count and total bytes: the loop's stacked dot outputs under dots_saveable, only the
    // arguments under the default policy
    assertResiduals(2, 48, Checkpoint.checkpoint(SCAN), W, X);
    assertResiduals(3, 96, Checkpoint.checkpoint(SCAN).policy(CheckpointPolicies.DOTS_SAVEABLE), W, X);
    assertResiduals(1, 12, Checkpoint.checkpoint(COND), X);
    assertResiduals(1, 12, Checkpoint.checkpoint(FORI), X);
    // JAX's third residual is f32[4,3], the four dot outputs stacked; Jnp.matmul of a matrix and
    // a vector computes them as [3,1] and then drops the unit axis, hence the extra axis here
    SavedResiduals.Residual stacked = SavedResiduals.of(
        Checkpoint.checkpoint(SCAN).policy(CheckpointPolicies.DOTS_SAVEABLE), W, X).residuals().get(2);
    assertEquals("f32[4,3,1] output of scan", stacked.toString());
  }

  @Test
  void whileLoopIsLinearizedButNotTransposed() {
    LinearizeOutput lin = Linearize.linearize(Checkpoint.checkpoint(WHILE), X);
    // from jax 0.10.2: linearize(checkpoint(fwhile), x) at ones
    assertJaxScalar(lin.primalOut(), 2.1021354f);
    assertJaxScalar(lin.jvpFn().apply(Jnp.ones(3)), -1.901452f);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Grad.grad(Checkpoint.checkpoint(WHILE)).apply(X));
    assertEquals("Reverse-mode differentiation does not work for lax.while_loop or lax.fori_loop "
        + "with dynamic start/stop values. Try using lax.scan, or using fori_loop with static "
        + "start/stop.", e.getMessage());
  }

  private static List<CheckpointPolicy> policies() {
    return List.of(CheckpointPolicies.NOTHING_SAVEABLE, CheckpointPolicies.DOTS_SAVEABLE,
        CheckpointPolicies.EVERYTHING_SAVEABLE);
  }

  private static void assertResiduals(int count, long bytes, TreeFunction f, Object... args) {
    SavedResiduals r = SavedResiduals.of(f, args);
    assertEquals(count, r.count(), r.toString());
    assertEquals(bytes, r.totalBytes(), r.toString());
  }
}
