package dev.flaxj.random;

import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import java.util.List;

/**
 * JAX's threefry2x32 PRNG implementation on single typed keys, under its default
 * {@code jax_threefry_partitionable=True}: every derived key or random word is the hash of the
 * key with a 64-bit counter (the element's row-major index, as a high and a low uint32 word).
 */
final class Threefry {
  private Threefry() {}

  /** {@code split}: key {@code i} (row-major over {@code shape}) is {@code hash(key; 0, i)}. */
  static Value split(Value key, int[] shape) {
    List<Value> y = hashCounters(key, shape);
    return Lax.randomWrap(stackLast(y.get(0), y.get(1)));
  }

  /** The two keys of {@code split(key)}, each as a scalar typed key. */
  static Value[] splitInTwo(Value key) {
    Value data = Lax.randomUnwrap(split(key, new int[] {2}));
    return new Value[] {Lax.randomWrap(Ops.index0(data, 0)), Lax.randomWrap(Ops.index0(data, 1))};
  }

  /** {@code fold_in}: the key {@code hash(key; 0, data)} for a uint32 scalar {@code data}. */
  static Value foldIn(Value key, Value data) {
    Value[] k = keyWords(key);
    List<Value> y = Lax.threefry2x32(k[0], k[1], Ops.u32(0), data);
    return Lax.randomWrap(stackLast(y.get(0), y.get(1)));
  }

  /** {@code random_bits} of width 32: {@code y1 ^ y2} of {@code hash(key; 0, i)} per element. */
  static Value bits(Value key, int[] shape) {
    List<Value> y = hashCounters(key, shape);
    return Lax.xor(y.get(0), y.get(1));
  }

  private static List<Value> hashCounters(Value key, int[] shape) {
    Value[] k = keyWords(key);
    Value[] counts = iota2x32(shape);
    return Lax.threefry2x32(k[0], k[1], counts[0], counts[1]);
  }

  /** The two uint32 words of a scalar typed key, as scalars. */
  private static Value[] keyWords(Value key) {
    Value data = Lax.randomUnwrap(key);
    return new Value[] {Ops.index0(data, 0), Ops.index0(data, 1)};
  }

  /**
   * JAX's {@code iota_2x32_shape}: the row-major index of each element of {@code shape} as a
   * 64-bit number split into high and low uint32 words. Arrays here have fewer than 2^31
   * elements, so the high words are all zero.
   */
  private static Value[] iota2x32(int[] shape) {
    if (shape.length == 0) {
      return new Value[] {Ops.u32(0), Ops.u32(0)};
    }
    Value lo = Lax.reshape(Lax.iota(DType.UINT32, Shape.of(shape).size()), shape);
    return new Value[] {Ops.full(shape, Ops.u32(0)), lo};
  }

  /** Stacks two arrays of one shape along a new last axis, as {@code jnp.stack(..., axis=ndim)}. */
  private static Value stackLast(Value a, Value b) {
    int axis = a.rank();
    return Lax.concatenate(axis, Lax.expandDims(a, axis), Lax.expandDims(b, axis));
  }
}
