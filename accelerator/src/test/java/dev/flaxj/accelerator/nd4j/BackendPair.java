package dev.flaxj.accelerator.nd4j;

import dev.flaxj.array.Array;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.backend.Backend;
import dev.flaxj.backend.Backends;
import dev.flaxj.backend.reference.ReferenceBackend;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Evaluates one program on the reference backend and on ND4J in the same JVM (through
 * {@link Backends#with}), counting per primitive how many calls ND4J computed and how many it
 * delegated to the reference kernels, so that a test can tell that ND4J really ran.
 */
public final class BackendPair {
  /**
   * ND4J for every call it has a kernel for, however small (the default backend leaves small
   * calls on the reference, see {@link Nd4jBackend#MIN_WORK_PROPERTY}), so that the tests' small
   * programs exercise the ND4J kernels.
   */
  public static final Nd4jBackend ND4J = new Nd4jBackend(0);

  private static final Map<String, LongAdder> onNd4j = new ConcurrentHashMap<>();
  private static final Map<String, LongAdder> delegated = new ConcurrentHashMap<>();

  /** ND4J, recording which calls it computes itself. */
  private static final Backend RECORDING = new Backend() {
    @Override
    public String name() {
      return Nd4jBackend.NAME;
    }

    @Override
    public List<Array> execute(Primitive primitive, List<Array> inputs, Params params,
        List<ShapedArray> outAvals) {
      boolean own = ND4J.runsOnNd4j(primitive, inputs, params, outAvals);
      (own ? onNd4j : delegated).computeIfAbsent(primitive.name(), k -> new LongAdder()).increment();
      return ND4J.execute(primitive, inputs, params, outAvals);
    }
  };

  private BackendPair() {}

  public static <T> T onReference(Supplier<T> program) {
    return Backends.with(ReferenceBackend.INSTANCE, program);
  }

  public static <T> T onNd4j(Supplier<T> program) {
    return Backends.with(RECORDING, program);
  }

  /** Calls of each primitive that ND4J computed, since the JVM started. */
  public static Map<String, Long> nd4jCalls() {
    return snapshot(onNd4j);
  }

  /** Calls of each primitive that ND4J handed to the reference kernels, since the JVM started. */
  public static Map<String, Long> delegatedCalls() {
    return snapshot(delegated);
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> m) {
    Map<String, Long> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** Total calls in a count map. */
  public static long total(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
