package dev.flaxj.accelerator.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Issue 7's MLP and LSTM benchmark programs written directly in ND4J's SameDiff, the autodiff a Java
 * user would otherwise pick: the same programs, names and inputs as flaxj's {@code FlaxPrograms}
 * (interpreter/src/jmh) and {@code bench_jax.py}, with the loss {@code mean(y ** 2)} differentiated
 * with respect to every parameter. The remat_scan and vmap programs have no SameDiff counterpart
 * (SameDiff has neither rematerialisation nor a batching transform) and are not here.
 *
 * <p>Parameters are SameDiff variables, one per Flax parameter; where Flax stacks a scanned
 * layer's parameters along a leading axis ({@code ResidualMLP}), there is one variable per layer.
 * Their values come from a {@link ParamSource}, so a test can load flaxj's initial parameters.
 */
public final class SameDiffPrograms {
  private SameDiffPrograms() {}

  /** The programs SameDiff can express, by their names in flaxj's benchmark table. */
  public static final List<String> NAMES = List.of("lstm_seed", "lstm_large", "resmlp_4", "resmlp_32x512");

  /** The value of one parameter of a program. */
  @FunctionalInterface
  public interface ParamSource {
    /**
     * The value of the Flax parameter at {@code path} (e.g. {@code ScanLSTMCell_0/hi/bias}); for a
     * parameter stacked over scanned layers, of layer {@code layer} (-1 when not stacked), of shape
     * {@code shape}.
     */
    INDArray get(String path, int layer, long... shape);

    /**
     * Random values: kernels normal with variance 1/fan_in (lecun_normal's scale, not its
     * truncation), biases zero, as Flax initialises them; for timing, where the values do not matter.
     */
    static ParamSource random(long seed) {
      Nd4j.getRandom().setSeed(seed);
      return (path, layer, shape) -> path.endsWith("bias") ? Nd4j.zeros(DataType.FLOAT, shape)
          : Nd4j.randn(DataType.FLOAT, shape).muli(1 / Math.sqrt(shape[0]));
    }
  }

  /** A built program: its graph, its input, and the names of its parameter variables. */
  public static final class Program {
    private final SameDiff sd;
    private final Map<String, INDArray> feed;
    private final List<String> params;

    private Program(SameDiff sd, INDArray x, List<String> params) {
      this.sd = sd;
      this.feed = Map.of("x", x);
      this.params = List.copyOf(params);
      sd.setLossVariables("loss");
      sd.createGradFunction();
    }

    /** The variable names of the parameters, the Flax path with {@code #layer} for stacked ones. */
    public List<String> paramNames() {
      return params;
    }

    /** The model's output {@code y} on the program's input. */
    public INDArray forward() {
      return sd.outputSingle(feed, "y");
    }

    /** The gradient of {@code mean(y ** 2)} with respect to every parameter, by variable name. */
    public Map<String, INDArray> gradStep() {
      return sd.calculateGradients(feed, params);
    }
  }

  /** The program {@code name} (one of {@link #NAMES}) with parameters from {@code source}. */
  public static Program build(String name, ParamSource source) {
    switch (name) {
      case "lstm_seed": return lstm(Nd4j.ones(DataType.FLOAT, 4, 12, 7), 32, source);
      case "lstm_large": return lstm(Nd4j.ones(DataType.FLOAT, 64, 128, 256), 256, source);
      case "resmlp_4": return residualMlp(Nd4j.ones(DataType.FLOAT, 1, 2), 4, source);
      case "resmlp_32x512": return residualMlp(Nd4j.ones(DataType.FLOAT, 32, 512), 32, source);
      default: throw new IllegalArgumentException("no SameDiff program " + name + "; known: " + NAMES);
    }
  }

  /** Ends the graph with {@code y} and {@code loss = mean(y ** 2)}. */
  private static Program finish(SameDiff sd, SDVariable y, INDArray x, List<String> params) {
    y.rename("y");
    sd.math.square(y).mean("loss");
    return new Program(sd, x, params);
  }

  private static SDVariable param(SameDiff sd, List<String> names, ParamSource source, String path,
      int layer, long... shape) {
    String name = layer < 0 ? path : path + "#" + layer;
    names.add(name);
    return sd.var(name, source.get(path, layer, shape).castTo(DataType.FLOAT));
  }

  /**
   * The seed's {@code ResidualMLP}: {@code layers} blocks {@code x + relu(x @ kernel + bias)} with
   * square kernels of the input's width (Flax: {@code nn.scan} of the block, params stacked).
   */
  private static Program residualMlp(INDArray x, int layers, ParamSource source) {
    SameDiff sd = SameDiff.create();
    long features = x.size(1);
    List<String> names = new ArrayList<>();
    SDVariable h = sd.placeHolder("x", DataType.FLOAT, x.shape());
    String dense = "ScanResidualMLPBlock_0/Dense_0/";
    for (int l = 0; l < layers; l++) {
      SDVariable kernel = param(sd, names, source, dense + "kernel", l, features, features);
      SDVariable bias = param(sd, names, source, dense + "bias", l, features);
      h = h.add(sd.nn.relu(h.mmul(kernel).add(bias), 0));
    }
    return finish(sd, h, x, names);
  }

  /**
   * The seed's {@code LSTM}: Flax's {@code LSTMCell(hidden)} scanned over axis 1 of {@code x}
   * (batch, time, features) from a zero carry, output the stacked hidden states. Each gate
   * {@code i, f, g, o} is {@code x @ i<gate>/kernel + h @ h<gate>/kernel + h<gate>/bias}; i, f, o
   * sigmoid, g tanh; {@code c' = f * c + i * g}, {@code h' = o * tanh(c')}.
   */
  private static Program lstm(INDArray x, int hidden, ParamSource source) {
    SameDiff sd = SameDiff.create();
    int batch = (int) x.size(0);
    int length = (int) x.size(1);
    long in = x.size(2);
    List<String> names = new ArrayList<>();
    String cell = "ScanLSTMCell_0/";
    String[] gates = {"i", "f", "g", "o"};
    SDVariable[] inKernel = new SDVariable[4];
    SDVariable[] hKernel = new SDVariable[4];
    SDVariable[] hBias = new SDVariable[4];
    for (int k = 0; k < 4; k++) {
      inKernel[k] = param(sd, names, source, cell + "i" + gates[k] + "/kernel", -1, in, hidden);
      hKernel[k] = param(sd, names, source, cell + "h" + gates[k] + "/kernel", -1, hidden, hidden);
      hBias[k] = param(sd, names, source, cell + "h" + gates[k] + "/bias", -1, hidden);
    }
    SDVariable input = sd.placeHolder("x", DataType.FLOAT, x.shape());
    SDVariable[] steps = sd.unstack(input, 1, length);
    SDVariable c = sd.constant("c0", Nd4j.zeros(DataType.FLOAT, batch, hidden));
    SDVariable h = sd.constant("h0", Nd4j.zeros(DataType.FLOAT, batch, hidden));
    SDVariable[] outputs = new SDVariable[length];
    for (int t = 0; t < length; t++) {
      SDVariable[] g = new SDVariable[4];
      for (int k = 0; k < 4; k++) {
        g[k] = steps[t].mmul(inKernel[k]).add(h.mmul(hKernel[k]).add(hBias[k]));
      }
      SDVariable i = sd.nn.sigmoid(g[0]);
      SDVariable f = sd.nn.sigmoid(g[1]);
      SDVariable gg = sd.math.tanh(g[2]);
      SDVariable o = sd.nn.sigmoid(g[3]);
      c = f.mul(c).add(i.mul(gg));
      h = o.mul(sd.math.tanh(c));
      outputs[t] = h;
    }
    return finish(sd, sd.stack(1, outputs), x, names);
  }
}
