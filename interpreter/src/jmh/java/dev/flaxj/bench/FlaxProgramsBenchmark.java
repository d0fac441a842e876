package dev.flaxj.bench;

import dev.flaxj.backend.Backends;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.partial.Grad;
import dev.flaxj.transform.staging.Jit;
import dev.flaxj.tree.Tuple;
import java.util.Map;
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
 * Issue 7's Flax programs ({@link FlaxPrograms}) on the backend chosen by {@code -Dflaxj.backend}
 * (pass it to the forked JVM: {@code -jvmArgsAppend -Dflaxj.backend=nd4j}, with the accelerator
 * on the class path): {@code init} (Flax core init, eager), {@code forward} (apply, eager) and
 * {@code gradStep} ({@code jit(grad(loss))} with respect to the params, traced once in setup, so
 * the time is the execution plan's). {@code conformance-tests/tools/run_benchmarks.py} runs it
 * beside the same programs under real JAX and writes BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class FlaxProgramsBenchmark {
  @Param({"lstm_seed", "resmlp_4", "remat_scan_8", "vmap_dense_256"})
  public String program;

  private FlaxPrograms.Program p;
  private Map<String, ?> variables;
  private Object params;
  private TreeFunction gradStep;

  @Setup
  public void setUp() {
    System.err.println("flaxj backend: " + Backends.current().name());
    p = FlaxPrograms.byName(program);
    @SuppressWarnings("unchecked")
    Map<String, ?> vars = (Map<String, ?>) p.init().get(1);
    variables = vars;
    params = vars.get("params");
    gradStep = Jit.jit(Grad.grad(p.loss()));
    gradStep.apply(params, p.x());
  }

  @Benchmark
  public Tuple init() {
    return p.init();
  }

  @Benchmark
  public Object forward() {
    return p.forward(variables);
  }

  @Benchmark
  public Object gradStep() {
    return gradStep.apply(params, p.x());
  }
}
