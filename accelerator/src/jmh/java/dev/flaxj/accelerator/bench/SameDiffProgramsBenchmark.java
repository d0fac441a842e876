package dev.flaxj.accelerator.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.ndarray.INDArray;
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
 * The SameDiff column of issue 7's benchmark table: {@link SameDiffPrograms} under the program
 * names and phase names of flaxj's {@code FlaxProgramsBenchmark}: {@code forward} (the graph's
 * output {@code y}) and {@code gradStep} (the gradient of {@code mean(y ** 2)} with respect to all
 * parameters; the graph and its gradient function are built once in setup, so the time is
 * SameDiff's execution of them). There is no {@code init}: building a SameDiff graph is not the
 * same work as Flax's init.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SameDiffProgramsBenchmark {
  @Param({"lstm_seed", "resmlp_4"})
  public String program;

  private SameDiffPrograms.Program p;

  @Setup
  public void setUp() {
    p = SameDiffPrograms.build(program, SameDiffPrograms.ParamSource.random(0));
    p.gradStep();
  }

  @Benchmark
  public INDArray forward() {
    return p.forward();
  }

  @Benchmark
  public Map<String, INDArray> gradStep() {
    return p.gradStep();
  }
}
