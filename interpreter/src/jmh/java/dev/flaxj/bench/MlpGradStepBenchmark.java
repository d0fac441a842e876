package dev.flaxj.bench;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.partial.Grad;
import dev.flaxj.transform.staging.Jit;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One gradient step of a 3-layer tanh MLP (batch 32, widths 64-128-128-10, mean squared loss,
 * gradient with respect to a params dict): {@code grad(loss)} evaluated eagerly, primitive by
 * primitive through the transformations, against {@code jit(grad(loss))}, which traces once and
 * then evaluates the cached jaxpr of the whole step equation by equation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MlpGradStepBenchmark {
  private static final int BATCH = 32;
  private static final int[] WIDTHS = {64, 128, 128, 10};

  private static final TreeFunction LOSS = a -> {
    @SuppressWarnings("unchecked")
    Map<String, Object> params = (Map<String, Object>) a[0];
    Value h = (Value) a[1];
    for (int layer = 0; layer < WIDTHS.length - 1; layer++) {
      h = Jnp.add(Jnp.matmul(h, (Value) params.get("w" + layer)), params.get("b" + layer));
      if (layer < WIDTHS.length - 2) {
        h = Jnp.tanh(h);
      }
    }
    return Jnp.mean(Jnp.square(Jnp.subtract(h, a[2])));
  };

  private final TreeFunction eager = Grad.grad(LOSS);
  private final TreeFunction jitted = Jit.jit(Grad.grad(LOSS));
  private Map<String, Object> params;
  private Array x;
  private Array y;

  @Setup
  public void setUp() {
    params = new TreeMap<>();
    for (int layer = 0; layer < WIDTHS.length - 1; layer++) {
      params.put("w" + layer, BenchData.uniform(10 + layer, WIDTHS[layer], WIDTHS[layer + 1]));
      params.put("b" + layer, BenchData.uniform(20 + layer, WIDTHS[layer + 1]));
    }
    x = BenchData.uniform(1, BATCH, WIDTHS[0]);
    y = BenchData.uniform(2, BATCH, WIDTHS[WIDTHS.length - 1]);
  }

  @Benchmark
  public Object eagerGradStep() {
    return eager.apply(params, x, y);
  }

  @Benchmark
  public Object jittedGradStep() {
    return jitted.apply(params, x, y);
  }
}
