package dev.flaxj.bench;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.partial.Grad;
import dev.flaxj.transform.staging.Jit;
import dev.flaxj.transform.staging.MakeJaxpr;
import dev.flaxj.transform.staging.Pjit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The jit executor on one MLP gradient step (tanh hidden layers, mean squared loss, gradient with
 * respect to a params dict), three ways: {@code eager} (grad evaluated primitive by primitive
 * through the transformations), {@code jitEquationByEquation} (the cached jaxpr of the step bound
 * as {@code jit}, i.e. evaluated equation by equation with abstract evaluation per equation: what
 * {@code jit} did before the executor) and {@code jitPlan} ({@code jit(grad(loss))} on concrete
 * arrays, which runs the cached execution plan). {@code size}: {@code tiny} = batch 4, widths
 * 8-16-16-2 (dispatch dominates); {@code small} = batch 32, widths 64-128-128-10 (as
 * {@link MlpGradStepBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class JitExecutorBenchmark {
  @Param({"tiny", "small"})
  public String size;

  private TreeFunction eager;
  private TreeFunction jitted;
  private ClosedJaxpr staged;
  private List<Value> flatArgs;
  private Map<String, Object> params;
  private Array x;
  private Array y;

  static TreeFunction loss(int layers) {
    return a -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> p = (Map<String, Object>) a[0];
      Value h = (Value) a[1];
      for (int layer = 0; layer < layers; layer++) {
        h = Jnp.add(Jnp.matmul(h, (Value) p.get("w" + layer)), p.get("b" + layer));
        if (layer < layers - 1) {
          h = Jnp.tanh(h);
        }
      }
      return Jnp.mean(Jnp.square(Jnp.subtract(h, a[2])));
    };
  }

  @Setup
  public void setUp() {
    int batch = size.equals("tiny") ? 4 : 32;
    int[] widths = size.equals("tiny") ? new int[] {8, 16, 16, 2} : new int[] {64, 128, 128, 10};
    params = new TreeMap<>();
    for (int layer = 0; layer < widths.length - 1; layer++) {
      params.put("w" + layer, BenchData.uniform(10 + layer, widths[layer], widths[layer + 1]));
      params.put("b" + layer, BenchData.uniform(20 + layer, widths[layer + 1]));
    }
    x = BenchData.uniform(1, batch, widths[0]);
    y = BenchData.uniform(2, batch, widths[widths.length - 1]);
    TreeFunction loss = loss(widths.length - 1);
    eager = Grad.grad(loss);
    jitted = Jit.jit(Grad.grad(loss));
    staged = MakeJaxpr.makeJaxpr(Grad.grad(loss)).apply(params, x, y);
    flatArgs = new ArrayList<>();
    params.values().forEach(v -> flatArgs.add((Value) v));
    flatArgs.add(x);
    flatArgs.add(y);
  }

  @Benchmark
  public Object eager() {
    return eager.apply(params, x, y);
  }

  @Benchmark
  public Object jitEquationByEquation() {
    return Pjit.call(staged, "loss", flatArgs);
  }

  @Benchmark
  public Object jitPlan() {
    return jitted.apply(params, x, y);
  }
}
