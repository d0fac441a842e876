package dev.flaxj.transform.remat;

import static dev.flaxj.transform.custom.CustomTestSupport.assertJax;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.lax.DotDimensionNumbers;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.Params;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.partial.Grad;
import dev.flaxj.tree.Tuple;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each policy changes what reverse mode saves, as in JAX: the residual lists below are
 * {@code jax.ad_checkpoint.saved_residuals} of the same function in jax 0.10.2 (source locations
 * left out; arguments are named by their flattened index here).
 */
class CheckpointPoliciesTest {
  /** sin of a plain dot, named "a"; sin of a batched dot, named "b"; a sum of sines of both. */
  private static final TreeFunction F = args -> {
    Value a = Jnp.sin(Lax.dotGeneral((Value) args[1], (Value) args[0],
        DotDimensionNumbers.of(new int[] {1}, new int[] {0})));
    a = (Value) Checkpoint.checkpointName(a, "a");
    Value xb = (Value) args[2];
    Value b = Jnp.sin(Lax.dotGeneral(xb, xb,
        DotDimensionNumbers.of(new int[] {2}, new int[] {1}, new int[] {0}, new int[] {0})));
    b = (Value) Checkpoint.checkpointName(b, "b");
    return Jnp.add(Jnp.sum(Jnp.sin(a)), Jnp.sum(Jnp.sin(b)));
  };

  private static final Value W = Jnp.divide(Jnp.reshape(Jnp.arange(6.0), 3, 2), 10);
  private static final Value X = Jnp.divide(Jnp.reshape(Jnp.arange(12.0), 4, 3), 10);
  private static final Value XB = Jnp.divide(Jnp.reshape(Jnp.arange(8.0), 2, 2, 2), 10);

  private static final String ARGS = "f32[3,2] from the argument at flattened index 0\n"
      + "f32[4,3] from the argument at flattened index 1\n"
      + "f32[2,2,2] from the argument at flattened index 2\n";

  private static String residuals(TreeFunction f) {
    return SavedResiduals.of(f, W, X, XB).toString();
  }

  private static String residuals(CheckpointPolicy policy) {
    return residuals(Checkpoint.checkpoint(F).policy(policy));
  }

  @Test
  void withoutCheckpointEveryLinearizationPointIsSaved() {
    String all = ARGS + "f32[4,2] output of cos\nf32[2,2,2] output of cos\n"
        + "f32[4,2] output of cos\nf32[2,2,2] output of cos\n";
    assertEquals(all, residuals(F));
    assertEquals(all, residuals(CheckpointPolicies.EVERYTHING_SAVEABLE));
  }

  @Test
  void nothingSaveableKeepsOnlyTheInputs() {
    assertEquals(ARGS, residuals(Checkpoint.checkpoint(F)));
    assertEquals(ARGS, residuals(CheckpointPolicies.NOTHING_SAVEABLE));
  }

  @Test
  void dotPolicies() {
    assertEquals(ARGS + "f32[4,2] output of dot_general\nf32[2,2,2] output of dot_general\n",
        residuals(CheckpointPolicies.DOTS_SAVEABLE));
    assertEquals(ARGS + "f32[4,2] output of dot_general\n",
        residuals(CheckpointPolicies.DOTS_WITH_NO_BATCH_DIMS_SAVEABLE));
  }

  @Test
  void namePolicies() {
    assertEquals(ARGS + "f32[4,2] named 'a'\n", residuals(CheckpointPolicies.saveOnlyTheseNames("a")));
    assertEquals(ARGS + "f32[2,2,2] named 'b'\n", residuals(CheckpointPolicies.saveAnyNamesButThese("a")));
    assertEquals(ARGS + "f32[4,2] output of dot_general\nf32[2,2,2] named 'b'\n",
        residuals(CheckpointPolicies.saveFromBothPolicies(
            CheckpointPolicies.DOTS_WITH_NO_BATCH_DIMS_SAVEABLE, CheckpointPolicies.saveOnlyTheseNames("b"))));
  }

  @Test
  void countsAndBytes() {
    SavedResiduals none = SavedResiduals.of(F, W, X, XB);
    SavedResiduals nothing = SavedResiduals.of(Checkpoint.checkpoint(F), W, X, XB);
    assertEquals(7, none.count());
    assertEquals(3, nothing.count());
    assertEquals(4 * (6 + 12 + 8 + 8 + 8 + 8 + 8), none.totalBytes());
    assertEquals(4 * (6 + 12 + 8), nothing.totalBytes());
  }

  @Test
  void gradientsDoNotDependOnThePolicy() {
    // from jax 0.10.2: grad(checkpoint(f, policy=dots_saveable), argnums=(0, 1, 2))(W, x, xb)
    float[] gw = {1.3598311f, 1.005052f, 1.6985407f, 1.2931049f, 2.0372503f, 1.5811578f};
    float[] gx = {0.0983242f, 0.49298257f, 0.88764095f, 0.08521012f, 0.44054824f, 0.79588634f,
        0.06374862f, 0.35308424f, 0.6424198f, 0.04076998f, 0.25496307f, 0.46915618f};
    float[] gxb = {0.29919133f, 0.6972447f, 0.49767923f, 0.89197505f, 1.4043626f, 1.6182451f,
        1.3821115f, 1.5040594f};
    for (CheckpointPolicy p : new CheckpointPolicy[] {CheckpointPolicies.NOTHING_SAVEABLE,
        CheckpointPolicies.DOTS_SAVEABLE, CheckpointPolicies.saveOnlyTheseNames("a")}) {
      Tuple g = (Tuple) Grad.grad(Checkpoint.checkpoint(F).policy(p)).argnums(0, 1, 2).apply(W, X, XB);
      assertJax(g.get(0), new int[] {3, 2}, gw);
      assertJax(g.get(1), new int[] {4, 3}, gx);
      assertJax(g.get(2), new int[] {2, 2, 2}, gxb);
    }
  }

  @Test
  void policiesAreValuesAndPrintLikeJax() {
    assertEquals(CheckpointPolicies.saveOnlyTheseNames("a", "b"), CheckpointPolicies.saveOnlyTheseNames("b", "a"));
    assertEquals("dots_saveable", CheckpointPolicies.DOTS_SAVEABLE.toString());
    assertFalse(CheckpointPolicies.DOTS_SAVEABLE.saveable(NamePrimitive.NAME,
        List.of(Array.scalar(1f).aval()), Params.of("name", "a")));
    assertTrue(CheckpointPolicies.saveOnlyTheseNames("a").saveable(NamePrimitive.NAME,
        List.of(Array.scalar(1f).aval()), Params.of("name", "a")));
  }
}
