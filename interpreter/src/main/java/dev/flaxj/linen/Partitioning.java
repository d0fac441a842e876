package dev.flaxj.linen;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.core.Partitioned;
import dev.flaxj.nn.Initializer;
import java.util.List;

/**
 * {@code nn.with_partitioning}: an initialiser whose parameters are stored boxed in {@link
 * Partitioned} with logical axis names; {@link Module#param} returns the unboxed value.
 */
public final class Partitioning {
  private Partitioning() {}

  /** An initialiser that stores its value as {@code Partitioned(value, names)} ({@code null} names an unnamed axis). */
  public static Initializer withPartitioning(Initializer init, String... names) {
    return new Boxing(init, java.util.Arrays.asList(names.clone()));
  }

  /** The initialiser of {@link #withPartitioning}: plain values through {@link #init}, boxes through {@link #boxed}. */
  record Boxing(Initializer init, List<String> names) implements Initializer {
    @Override
    public Value init(Value key, int[] shape, DType dtype) {
      return init.init(key, shape, dtype);
    }

    Partitioned boxed(Value key, int[] shape) {
      return new Partitioned(init.init(key, shape), names);
    }
  }
}
