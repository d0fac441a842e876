package dev.flaxj.bench;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.core.Core;
import dev.flaxj.core.LiftRematScan;
import dev.flaxj.core.LiftScan;
import dev.flaxj.core.LiftVmap;
import dev.flaxj.core.Scope;
import dev.flaxj.core.ScopeFunction;
import dev.flaxj.nn.Activations;
import dev.flaxj.nn.Initializer;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.tree.Tuple;
import java.util.List;
import java.util.Map;

/**
 * The Flax programs of issue 7's benchmark table, written on the Flax core (lifted scan, vmap and
 * remat_scan over scope functions), each a model {@code (scope, x) -> y} with its input. They
 * mirror {@code conformance-tests/tools/bench_jax.py}, which runs the same programs with
 * {@code flax.linen} under real JAX: Dense is {@code x @ kernel + bias} (kernel lecun_normal, bias
 * zeros) and the LSTM cell is Flax's {@code LSTMCell} (input kernels without bias, recurrent
 * kernels orthogonal with bias).
 */
final class FlaxPrograms {
  private FlaxPrograms() {}

  /** A model and its input; {@code loss(params, x)} is the mean square of its output. */
  record Program(String name, ScopeFunction model, Array x) {
    Tuple init() {
      return Core.init(model).call(Random.key(0), x);
    }

    Object forward(Map<String, ?> variables) {
      return Core.apply(model).call(variables, null, x);
    }

    /** {@code (params, x) -> mean(y ** 2)}: what the grad step differentiates. */
    TreeFunction loss() {
      return a -> Jnp.mean(Jnp.square((Value) Core.apply(model).call(Map.of("params", a[0]), null, a[1])));
    }
  }

  static final List<String> NAMES = List.of("lstm_seed", "lstm_large", "resmlp_4", "resmlp_32x512",
      "remat_scan_8", "remat_scan_512", "scan_100_8", "scan_100_512", "vmap_dense_256");

  static Program byName(String name) {
    switch (name) {
      case "lstm_seed": return new Program(name, lstm(32), ones(4, 12, 7));
      case "lstm_large": return new Program(name, lstm(256), ones(64, 128, 256));
      case "resmlp_4": return new Program(name, residualMlp(4, 2), ones(1, 2));
      case "resmlp_32x512": return new Program(name, residualMlp(32, 512), ones(32, 512));
      case "remat_scan_8": return new Program(name, rematScan(8, 10, 10), ones(4, 8));
      case "remat_scan_512": return new Program(name, rematScan(512, 10, 10), ones(32, 512));
      case "scan_100_8": return new Program(name, plainScan(8, 100), ones(4, 8));
      case "scan_100_512": return new Program(name, plainScan(512, 100), ones(32, 512));
      case "vmap_dense_256": return new Program(name, vmapDense(256), ones(64, 8, 256));
      default: throw new IllegalArgumentException("no program " + name + "; known: " + NAMES);
    }
  }

  private static Array ones(int... shape) {
    return (Array) Jnp.ones(shape);
  }

  /** {@code nn.Dense(features, use_bias=bias, kernel_init=kernelInit)} as child {@code name}. */
  static Value dense(Scope scope, String name, Value x, int features, boolean bias, Initializer kernelInit) {
    Scope s = scope.push(name);
    Value kernel = (Value) s.param("kernel", kernelInit, x.shape().dim(x.rank() - 1), features);
    Value y = Jnp.matmul(x, kernel);
    return bias ? Jnp.add(y, s.param("bias", Initializers.zeros(), features)) : y;
  }

  /** Flax's {@code LSTMCell(features)}: {@code (carry=(c, h), x) -> ((c', h'), h')}. */
  private static Object lstmCell(Scope scope, Object... a) {
    Tuple carry = (Tuple) a[0];
    Value x = (Value) a[1];
    Value c = (Value) carry.get(0);
    Value h = (Value) carry.get(1);
    int hidden = h.shape().dim(h.rank() - 1);
    Value i = Activations.sigmoid(gate(scope, "i", x, h, hidden));
    Value f = Activations.sigmoid(gate(scope, "f", x, h, hidden));
    Value g = Jnp.tanh(gate(scope, "g", x, h, hidden));
    Value o = Activations.sigmoid(gate(scope, "o", x, h, hidden));
    Value newC = Jnp.add(Jnp.multiply(f, c), Jnp.multiply(i, g));
    Value newH = Jnp.multiply(o, Jnp.tanh(newC));
    return Tuple.of(Tuple.of(newC, newH), newH);
  }

  private static Value gate(Scope scope, String gate, Value x, Value h, int hidden) {
    return Jnp.add(dense(scope, "i" + gate, x, hidden, false, Initializers.lecunNormal()),
        dense(scope, "h" + gate, h, hidden, true, Initializers.orthogonal()));
  }

  /**
   * The seed's {@code LSTM}: {@code nn.scan(nn.LSTMCell, variable_broadcast="params",
   * split_rngs={"params": False}, in_axes=1, out_axes=1)} over a zero carry.
   */
  private static ScopeFunction lstm(int features) {
    ScopeFunction scan = LiftScan.scan().variableBroadcast("params").splitRngs("params", false)
        .inAxes(1).outAxes(1).build(FlaxPrograms::lstmCell);
    return (scope, a) -> {
      Value x = (Value) a[0];
      Value zeros = Jnp.zeros(x.shape().dim(0), features);
      Tuple out = (Tuple) scan.apply(scope.push("ScanLSTMCell_0"), Tuple.of(zeros, zeros), x);
      return out.get(1);
    };
  }

  /**
   * The seed's {@code ResidualMLP}: {@code nn.scan(ResidualMLPBlock, variable_axes={'params': 0},
   * split_rngs={'params': True}, length=n_layers)}, the block {@code x + relu(Dense(features)(x))}.
   */
  private static ScopeFunction residualMlp(int layers, int features) {
    ScopeFunction scan = LiftScan.scan().variableAxes("params", 0).splitRngs("params", true)
        .length(layers).build((scope, a) -> {
          Value x = (Value) a[0];
          Value h = Activations.relu(dense(scope, "Dense_0", x, features, true, Initializers.lecunNormal()));
          return Tuple.of(Jnp.add(x, h), null);
        });
    return (scope, a) -> ((Tuple) scan.apply(scope.push("ScanResidualMLPBlock_0"), a[0], null)).get(0);
  }

  /** The body of the Dense stacks: {@code nn.Dense(features)} applied to the carry. */
  private static ScopeFunction denseBody(int features) {
    return (scope, a) -> dense(scope, "Dense_0", (Value) a[0], features, true, Initializers.lecunNormal());
  }

  /** {@code nn.remat_scan(nn.Dense, lengths=lengths)(features, name="dense_stack")}. */
  private static ScopeFunction rematScan(int features, int... lengths) {
    ScopeFunction stack = LiftRematScan.rematScan(lengths).build(denseBody(features));
    return (scope, a) -> stack.apply(scope.push("dense_stack"), a[0]);
  }

  /**
   * The same Dense stack as one plain {@code nn.scan} of {@code length} steps, without remat: what
   * remat_scan's saved residuals are compared with.
   */
  private static ScopeFunction plainScan(int features, int length) {
    ScopeFunction body = denseBody(features);
    ScopeFunction scan = LiftScan.scan().variableAxes(true, 0).splitRngs(true, true).length(length)
        .build((scope, a) -> Tuple.of(body.apply(scope, a[0]), null));
    return (scope, a) -> ((Tuple) scan.apply(scope.push("dense_stack"), a[0], null)).get(0);
  }

  /**
   * {@code nn.vmap(nn.Dense, in_axes=0, out_axes=0, variable_axes={'params': 0},
   * split_rngs={'params': True})(features)}: one Dense per copy along axis 0 (unshared params).
   */
  private static ScopeFunction vmapDense(int features) {
    ScopeFunction vmapped = LiftVmap.vmap().variableAxes("params", 0).splitRngs("params", true)
        .inAxes(0).outAxes(0).build((scope, a) ->
            dense(scope, "Dense_0", (Value) a[0], features, true, Initializers.lecunNormal()));
    return (scope, a) -> vmapped.apply(scope.push("VmapDense_0"), a[0]);
  }
}
