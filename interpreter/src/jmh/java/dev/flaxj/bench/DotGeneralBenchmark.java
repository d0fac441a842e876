package dev.flaxj.bench;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.lax.DotDimensionNumbers;
import dev.flaxj.lax.Lax;
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

/** {@code lax.dot_general} as a float32 square matrix product (n, n) x (n, n) on the current backend. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DotGeneralBenchmark {
  private static final DotDimensionNumbers MATMUL = DotDimensionNumbers.of(new int[] {1}, new int[] {0});

  @Param({"64", "256", "1024"})
  public int n;

  private Array lhs;
  private Array rhs;

  @Setup
  public void setUp() {
    lhs = BenchData.uniform(1, n, n);
    rhs = BenchData.uniform(2, n, n);
  }

  @Benchmark
  public Value matmul() {
    return Lax.dotGeneral(lhs, rhs, MATMUL);
  }
}
