package dev.flaxj.linen.transforms;

import static dev.flaxj.goldens.SeedGoldens.assertTreeClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Value;
import dev.flaxj.goldens.SeedGoldens;
import dev.flaxj.linen.Dense;
import dev.flaxj.linen.LSTMCell;
import dev.flaxj.linen.MethodTransform;
import dev.flaxj.linen.Module;
import dev.flaxj.linen.ModuleMethod;
import dev.flaxj.nn.Activations;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.transform.Jax;
import dev.flaxj.tree.Tuple;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seed examples #1-#6 of the Flax "Transformations" page (vmap, scan in class and function form,
 * ResidualMLP, CheckpointedMLP), against {@code seed-vmap_scan_checkpoint.json} recorded from
 * flax 0.12.8 (programs in conformance-tests/tools/seed_programs/vmap_scan_checkpoint.py).
 */
class SeedVmapScanCheckpointTest {
  static final SeedGoldens GOLDENS = SeedGoldens.load("vmap_scan_checkpoint");
  /** The float32 conformance tolerance (the orthogonal recurrent kernels equal JAX's bit for bit). */
  static final double LSTM_TOLERANCE = 1e-6;

  static Lifted<Dense> batchDense(Vmap vmap) {
    return vmap.module(() -> new Dense(5));
  }

  @Test
  void recordedWithTheFlaxVersionOfTheIssue() {
    assertEquals("0.12.8", GOLDENS.header("flax"));
    assertEquals("0.10.2", GOLDENS.header("jax"));
  }

  @Test
  void vmapDenseWithStackedParams() {
    SeedGoldens.Program p = GOLDENS.program("vmap_dense_stacked");
    Value x = (Value) p.value("x");
    Vmap stacked = Vmap.vmap().inAxes(0).outAxes(0).variableAxes("params", 0).splitRngs("params", true);
    Tuple out = batchDense(stacked).initWithOutput(Random.key(0), x);
    assertTreeClose(p.value("y"), out.get(0));
    assertTreeClose(p.value("variables"), out.get(1));
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> variables = (Map<String, Map<String, Object>>) out.get(1);
    assertTreeClose(p.value("y_apply_2x"), batchDense(stacked).apply(variables, Jnp.multiply(x, 2.0f)));
    assertEquals(p.value("class_name"), stacked.className(Dense.class));
  }

  @Test
  void vmapDenseWithSharedParams() {
    SeedGoldens.Program p = GOLDENS.program("vmap_dense_shared");
    Value x = (Value) p.value("x");
    Vmap shared = Vmap.vmap().inAxes(0).outAxes(0).variableAxes("params", null).splitRngs("params", false);
    Tuple out = batchDense(shared).initWithOutput(Random.key(0), x);
    assertTreeClose(p.value("y"), out.get(0));
    assertTreeClose(p.value("variables"), out.get(1));
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> variables = (Map<String, Map<String, Object>>) out.get(1);
    assertTreeClose(p.value("y_apply_2x"), batchDense(shared).apply(variables, Jnp.multiply(x, 2.0f)));
  }

  /** #1 inside a compact module: auto-name {@code VmapDense_0} next to {@code Dense_0}. */
  static final class VmapInModel extends Module {
    @Override
    protected Object forward(Object... a) {
      Value x = (Value) a[0];
      Value y = (Value) batchDense(Vmap.vmap().variableAxes("params", 0).splitRngs("params", true)).call(x);
      return Jnp.add(y, new Dense(5).call(x));
    }
  }

  @Test
  void vmapDenseAsSubmoduleIsAutoNamedAfterTheTransformedClass() {
    SeedGoldens.Program p = GOLDENS.program("vmap_dense_in_submodule");
    Tuple out = new VmapInModel().initWithOutput(Random.key(1), p.value("x"));
    assertTreeClose(p.value("y"), out.get(0));
    assertTreeClose(p.value("variables"), out.get(1));
  }

  /** #3: {@code nn.scan(nn.LSTMCell, variable_broadcast="params", ...)} in class form. */
  static final class LstmClassForm extends Module {
    final int features;

    LstmClassForm(int features) {
      this.features = features;
    }

    @Override
    protected Object forward(Object... a) {
      Value x = (Value) a[0];
      Lifted<LSTMCell> lstm = Scan.scan().variableBroadcast("params").splitRngs("params", false)
          .inAxes(1).outAxes(1).module(() -> new LSTMCell(features));
      Tuple carry = lstm.target().initializeCarry(Random.key(0), x.shape().dim(0), x.shape().dim(2));
      Tuple r = (Tuple) lstm.call(carry, x);
      return r.get(1);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> vars(Object v) {
    return (Map<String, Map<String, Object>>) v;
  }

  @Test
  void scanLstmClassForm() {
    SeedGoldens.Program p = GOLDENS.program("scan_lstm_class");
    LstmClassForm module = new LstmClassForm(32);
    Tuple out = module.initWithOutput(Random.key(0), p.value("x"));
    assertTreeClose(p.value("variables"), out.get(1), LSTM_TOLERANCE);
    assertTreeClose(p.value("y"), out.get(0), LSTM_TOLERANCE);
    assertTreeClose(p.value("y_apply_x2"), module.apply(vars(out.get(1)), p.value("x2")), LSTM_TOLERANCE);
  }

  /** #4: the same LSTM with {@code nn.scan} over a function {@code body_fn(cell, carry, x)}. */
  static final class LstmFunctionForm extends Module {
    final int features;

    LstmFunctionForm(int features) {
      this.features = features;
    }

    @Override
    protected Object forward(Object... a) {
      Value x = (Value) a[0];
      LSTMCell cell = new LSTMCell(features);
      ModuleMethod bodyFn = (mdl, args) -> ((LSTMCell) mdl).call((Tuple) args[0], (Value) args[1]);
      ModuleMethod scan = Scan.scan().variableBroadcast("params").splitRngs("params", false)
          .inAxes(1).outAxes(1).function(bodyFn);
      Tuple carry = cell.initializeCarry(Random.key(0), x.shape().dim(0), x.shape().dim(2));
      Tuple r = (Tuple) scan.call(cell, carry, x);
      return r.get(1);
    }
  }

  @Test
  void scanLstmFunctionForm() {
    SeedGoldens.Program p = GOLDENS.program("scan_lstm_function");
    LstmFunctionForm module = new LstmFunctionForm(32);
    Map<String, Map<String, Object>> variables = module.init(Random.key(0), Jnp.ones(4, 12, 7));
    assertTreeClose(p.value("variables"), variables, LSTM_TOLERANCE);
    assertTreeClose(p.value("y_apply_x2"), module.apply(variables, p.value("x2")), LSTM_TOLERANCE);
  }

  /** #5's block: {@code (x, _) -> (x + relu(Dense(2)(x)), None)}. */
  static final class ResidualMLPBlock extends Module {
    @Override
    protected Object forward(Object... a) {
      Value x = (Value) a[0];
      Value h = Activations.relu(new Dense(2).call(x));
      return Tuple.of(Jnp.add(x, h), null);
    }
  }

  /** #5: {@code nn.scan(ResidualMLPBlock, variable_axes={'params': 0}, split_rngs={'params': True}, length=n_layers)}. */
  static final class ResidualMLP extends Module {
    final int nLayers;

    ResidualMLP(int nLayers) {
      this.nLayers = nLayers;
    }

    @Override
    protected Object forward(Object... a) {
      Scan scanMlp = Scan.scan().variableAxes("params", 0).variableBroadcast(false).splitRngs("params", true)
          .length(nLayers);
      Tuple r = (Tuple) scanMlp.module(ResidualMLPBlock::new).call(a[0], null);
      return r.get(0);
    }
  }

  @Test
  void scanResidualMlp() {
    SeedGoldens.Program p = GOLDENS.program("scan_residual_mlp");
    ResidualMLP model = new ResidualMLP(4);
    Map<String, Map<String, Object>> variables = model.init(Random.key(42), Jnp.ones(1, 2));
    assertTreeClose(p.value("variables"), variables);
    assertTreeClose(p.value("y_apply_x2"), model.apply(variables, p.value("x2")));
  }

  /** #6: {@code @nn.checkpoint} on a compact {@code __call__}. */
  static final class CheckpointedMLP extends Module {
    @Override
    protected MethodTransform forwardTransform() {
      return Checkpoint.checkpoint();
    }

    @Override
    protected Object forward(Object... a) {
      Value x = new Dense(128).call((Value) a[0]);
      x = Activations.relu(x);
      return new Dense(1).call(x);
    }
  }

  @Test
  void checkpointedMlp() {
    SeedGoldens.Program p = GOLDENS.program("checkpointed_mlp");
    CheckpointedMLP model = new CheckpointedMLP();
    Map<String, Map<String, Object>> variables = model.init(Random.key(0), Jnp.ones(1, 16));
    assertTreeClose(p.value("variables"), variables);
    Object x2 = p.value("x2");
    assertTreeClose(p.value("y_apply_x2"), model.apply(variables, x2));
    Object grads = Jax.grad(v -> Jnp.sum((Value) model.apply(vars(v[0]), x2))).apply(variables);
    assertTreeClose(p.value("grads"), grads, 1e-5);
  }
}
