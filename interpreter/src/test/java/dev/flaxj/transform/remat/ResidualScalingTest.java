package dev.flaxj.transform.remat;

import static dev.flaxj.transform.custom.CustomTestSupport.assertJax;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.control.ControlFlow;
import dev.flaxj.transform.partial.Grad;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checkpointing really trades memory for recomputation: the residuals reverse mode keeps for a
 * deep MLP grow with the number of layers without checkpoint, and shrink to the layer inputs (or
 * to nothing but the arguments) with it. Every byte count below equals what
 * {@code jax.ad_checkpoint.saved_residuals} reports for the same program in jax 0.10.2.
 */
class ResidualScalingTest {
  private static final int B = 8;
  private static final int D = 32;
  private static final int H = 128;

  /** A residual block: h + tanh(tanh(h W1 + b1) W2 + b2), scanned over stacked parameters. */
  private static final TreeFunction BLOCK = a -> {
    Tuple p = (Tuple) a[1];
    Value h = (Value) a[0];
    Value hidden = Jnp.tanh(Jnp.add(Jnp.matmul(h, (Value) p.get(0)), p.get(1)));
    return Tuple.of(Jnp.add(h, Jnp.tanh(Jnp.add(Jnp.matmul(hidden, (Value) p.get(2)), p.get(3)))), null);
  };

  private static Value scannedMlp(TreeFunction block, Object params, Object x) {
    return Jnp.sum((Value) ControlFlow.scan(block, x, params).get(0));
  }

  private static Tuple params(int layers) {
    return Tuple.of(Jnp.multiply(Jnp.ones(layers, D, H), 0.01), Jnp.zeros(layers, H),
        Jnp.multiply(Jnp.ones(layers, H, D), 0.01), Jnp.zeros(layers, D));
  }

  /** Residuals holding one activation per layer and example: shaped [layers, B, ...]. */
  private static List<SavedResiduals.Residual> perLayerActivations(SavedResiduals r, int layers) {
    List<SavedResiduals.Residual> out = new ArrayList<>();
    for (SavedResiduals.Residual res : r.residuals()) {
      int[] dims = res.aval().shape().dims();
      if (dims.length == 3 && dims[0] == layers && dims[1] == B) {
        out.add(res);
      }
    }
    return out;
  }

  private static long bytes(List<SavedResiduals.Residual> rs) {
    return rs.stream().mapToLong(SavedResiduals.Residual::bytes).sum();
  }

  @Test
  void scannedMlpOfAHundredLayers() {
    Tuple params = params(100);
    Value x = Jnp.ones(B, D);
    SavedResiduals plain = SavedResiduals.of(a -> scannedMlp(BLOCK, a[0], a[1]), params, x);
    SavedResiduals perLayer = SavedResiduals.of(
        a -> scannedMlp(Checkpoint.checkpoint(BLOCK), a[0], a[1]), params, x);
    SavedResiduals whole = SavedResiduals.of(
        Checkpoint.checkpoint(a -> scannedMlp(BLOCK, a[0], a[1])), params, x);

    // from jax 0.10.2: total residual bytes and counts of the same three programs
    assertEquals(7, plain.count());
    assertEquals(4403200, plain.totalBytes());
    assertEquals(5, perLayer.count());
    assertEquals(3443200, perLayer.totalBytes());
    assertEquals(5, whole.count());
    assertEquals(3341824, whole.totalBytes());

    // the activations behind those totals: five per layer without checkpoint (the block input,
    // two hidden-layer and two output-layer values), only the block input with it, none when
    // the whole model is checkpointed (the parameters are the rest; JAX saves the same)
    assertEquals(5, perLayerActivations(plain, 100).size());
    assertEquals(1126400, bytes(perLayerActivations(plain, 100)));
    assertEquals(1, perLayerActivations(perLayer, 100).size());
    assertEquals(102400, bytes(perLayerActivations(perLayer, 100)));
    assertEquals(0, perLayerActivations(whole, 100).size());
    assertEquals("f32[8,32] from the argument at flattened index 4",
        whole.residuals().get(4).toString());
  }

  @Test
  void residualsGrowLinearlyWithDepthWithoutCheckpoint() {
    Value x = Jnp.ones(B, D);
    // from jax 0.10.2: 50 layers save exactly half of what 100 layers save
    assertEquals(2201600, SavedResiduals.of(a -> scannedMlp(BLOCK, a[0], a[1]), params(50), x).totalBytes());
    assertEquals(1721600, SavedResiduals.of(
        a -> scannedMlp(Checkpoint.checkpoint(BLOCK), a[0], a[1]), params(50), x).totalBytes());
  }

  @Test
  void gradientsAreUnchangedByCheckpointing() {
    Tuple params = params(100);
    Value x = Jnp.ones(B, D);
    Tuple plain = (Tuple) Grad.grad(a -> scannedMlp(BLOCK, a[0], a[1])).apply(params, x);
    Tuple ck = (Tuple) Grad.grad(a -> scannedMlp(Checkpoint.checkpoint(BLOCK), a[0], a[1])).apply(params, x);
    // from jax 0.10.2: grad(...)[0][[0, 1, 50, 99], 0, 0], [1][[0, 99], 0], [2][[0, 99], 0, 0], [3][[0, 99], 0]
    assertEntries(ck.get(0), new int[] {0, D * H, 50 * D * H, 99 * D * H}, 3.9593847f, 3.5326002f, 0f, 0f);
    assertEntries(ck.get(1), new int[] {0, 99 * H}, 3.9593847f, 0f);
    assertEntries(ck.get(2), new int[] {0, 99 * H * D}, 4.235268f, 2.1314733f);
    assertEntries(ck.get(3), new int[] {0, 99 * D}, 13.683923f, 2.1314733f);
    for (int i = 0; i < 4; i++) {
      assertEquals(plain.get(i), ck.get(i), "gradient " + i);
    }
  }

  @Test
  void javaLoopOfAHundredCheckpointedLayers() {
    // the same as a Java loop of tanh(h W + b) layers, each its own checkpoint
    TreeFunction layer = a -> Jnp.tanh(Jnp.add(Jnp.matmul((Value) a[0], (Value) a[1]), a[2]));
    List<Object> params = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      params.add(Tuple.of(Jnp.multiply(Jnp.ones(D, D), 0.01), Jnp.zeros(D)));
    }
    Value x = Jnp.ones(B, D);
    SavedResiduals plain = SavedResiduals.of(a -> loop(layer, a[0], a[1]), params, x);
    SavedResiduals ck = SavedResiduals.of(a -> loop(Checkpoint.checkpoint(layer), a[0], a[1]), params, x);
    // from jax 0.10.2: 301 residuals (615424 bytes, 204800 of them not arguments) without
    // checkpoint; 300 (524800 bytes, 101376 not arguments: the 99 hidden layer inputs) with it
    assertEquals(301, plain.count());
    assertEquals(615424, plain.totalBytes());
    assertEquals(204800, plain.computedBytes());
    assertEquals(300, ck.count());
    assertEquals(524800, ck.totalBytes());
    assertEquals(101376, ck.computedBytes());
  }

  private static void assertEntries(Object grad, int[] flatIndices, float... expected) {
    float[] all = ((Array) grad).toFloatArray();
    float[] picked = new float[flatIndices.length];
    for (int i = 0; i < picked.length; i++) {
      picked[i] = all[flatIndices[i]];
    }
    assertJax(Array.of(picked, picked.length), new int[] {picked.length}, expected);
  }

  private static Value loop(TreeFunction layer, Object params, Object x) {
    Object h = x;
    for (Object p : (List<?>) params) {
      h = layer.apply(h, ((Tuple) p).get(0), ((Tuple) p).get(1));
    }
    return Jnp.sum((Value) h);
  }
}
