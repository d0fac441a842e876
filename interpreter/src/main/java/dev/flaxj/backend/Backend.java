package dev.flaxj.backend;

import dev.flaxj.array.Array;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import java.util.List;

/**
 * The kernel SPI: computes one primitive on concrete arrays. Implementations register through
 * {@link java.util.ServiceLoader} and are chosen by {@link Backends}.
 */
public interface Backend {
  /** The name used to select this backend ({@code reference}, {@code nd4j}). */
  String name();

  /**
   * Runs {@code primitive}'s kernel. {@code outAvals} are the outputs' types, already computed
   * and checked by the primitive's abstract evaluation; the result must have exactly them.
   */
  List<Array> execute(Primitive primitive, List<Array> inputs, Params params, List<ShapedArray> outAvals);
}
