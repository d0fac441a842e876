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

  /**
   * The kernel of {@code primitive}, looked up once: the jit executor keeps it and calls it on
   * every run of a plan instead of calling {@link #execute}. It must compute what {@code execute}
   * computes, and a primitive without a kernel must fail when the kernel is called, not here.
   */
  default Kernel kernel(Primitive primitive) {
    return (inputs, params, outAvals) -> execute(primitive, inputs, params, outAvals);
  }

  /**
   * Whether this backend accepts fused elementwise loops for {@code primitive} with
   * {@code params} on float32 operands of one shape: its loop over a block of elements, which the
   * jit executor then calls for each block of a fused chain, or {@code null} (the default) when the
   * primitive must run as its own kernel.
   */
  default Float32Elementwise fusibleFloat32(Primitive primitive, Params params) {
    return null;
  }
}
