package dev.flaxj.bench;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
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

/** Ten float32 elementwise primitives in a row on 2^20 elements, one Lax call (and array) each. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ElementwiseChainBenchmark {
  private static final int SIZE = 1 << 20;

  private Array x;
  private Array y;

  @Setup
  public void setUp() {
    x = BenchData.uniform(3, SIZE);
    y = BenchData.uniform(4, SIZE);
  }

  @Benchmark
  public Value chainOfTen() {
    Value v = Lax.add(x, y);
    v = Lax.mul(v, x);
    v = Lax.tanh(v);
    v = Lax.exp(v);
    v = Lax.max(v, y);
    v = Lax.sub(v, x);
    v = Lax.mul(v, v);
    v = Lax.neg(v);
    v = Lax.abs(v);
    return Lax.add(v, y);
  }
}
