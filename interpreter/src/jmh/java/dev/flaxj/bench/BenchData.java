package dev.flaxj.bench;

import dev.flaxj.array.Array;
import java.util.SplittableRandom;

/** Reproducible float32 inputs for the benchmarks. */
final class BenchData {
  private BenchData() {}

  /** Values uniform in [-1, 1), from a fixed seed. */
  static Array uniform(long seed, int... shape) {
    int size = 1;
    for (int dim : shape) {
      size *= dim;
    }
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[size];
    for (int i = 0; i < size; i++) {
      values[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return Array.of(values, shape);
  }
}
