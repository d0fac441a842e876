package dev.flaxj.random;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.transform.Concrete;

/**
 * {@code jax.random}, bit for bit with JAX under its defaults
 * ({@code jax_threefry_partitionable=True}, 32-bit types). Every function takes a typed key
 * ({@code key<fry>}, from {@link #key}) or raw uint32 key data of shape {@code (2,)} (from
 * {@link #prngKey}); functions returning keys return them in the form they were given.
 * Everything is composed of lax primitives.
 *
 * <p>Float dtypes: float32; float64 is truncated to float32, as JAX does with 64-bit types
 * disabled. Integer dtypes ({@code randint}): int32 and uint32.
 */
public final class Random {
  private Random() {}

  // ---- keys ----

  /**
   * A typed key from a seed. As in JAX's default 32-bit mode, only the seed's low 32 bits count:
   * the key data is {@code [0, seed mod 2^32]}.
   */
  public static Value key(long seed) {
    return Lax.randomWrap(Keys.seedData(seed));
  }

  /** A legacy raw key: the uint32 data {@code [0, seed mod 2^32]} of {@link #key}. */
  public static Value prngKey(long seed) {
    return Keys.seedData(seed);
  }

  /** The uint32 data of keys (any shape), with a trailing dimension of 2. */
  public static Value keyData(Value keys) {
    return Lax.randomUnwrap(Keys.any("key_data", keys).typed());
  }

  /** Typed keys from uint32 key data of shape {@code (..., 2)}. */
  public static Value wrapKeyData(Value keyData) {
    return Keys.wrap("wrap_key_data", keyData);
  }

  /** The same key, for reuse: {@code jax.random.clone} is the identity outside key-reuse checks. */
  public static Value clone(Value key) {
    Keys.any("clone", key);
    return key;
  }

  /** Two new keys, shape {@code (2,)}. */
  public static Value split(Value key) {
    return split(key, 2);
  }

  /** {@code num} new keys, shape {@code (num,)}. */
  public static Value split(Value key, int num) {
    return split(key, new int[] {num});
  }

  /** New keys of the given shape; key {@code i} (row-major) equals {@code foldIn(key, i)}. */
  public static Value split(Value key, int... shape) {
    Keys.Checked k = Keys.single("split", key);
    return k.returned(Threefry.split(k.typed(), checkShape("split", shape)));
  }

  /** A new key from a key and 32-bit data (read as uint32: negative ints wrap). */
  public static Value foldIn(Value key, int data) {
    return foldIn(key, Array.ofUint32(new int[] {data}));
  }

  /** A new key from a key and an integer scalar, converted to uint32. */
  public static Value foldIn(Value key, Value data) {
    Keys.Checked k = Keys.single("fold_in", key);
    if (data.rank() != 0 || !data.dtype().isInteger()) {
      throw new IllegalArgumentException("fold_in accepts an integer scalar, but was given "
          + data.aval().str());
    }
    return k.returned(Threefry.foldIn(k.typed(), Lax.convertElementType(data, DType.UINT32)));
  }

  // ---- samplers ----

  /** Uniform random uint32 bits. */
  public static Value bits(Value key, int... shape) {
    return Threefry.bits(Keys.single("bits", key).typed(), checkShape("bits", shape));
  }

  /** Uniform float32 values in [0, 1). */
  public static Value uniform(Value key, int... shape) {
    return uniform(key, shape, DType.FLOAT32, 0.0, 1.0);
  }

  /** Uniform values in [0, 1). */
  public static Value uniform(Value key, int[] shape, DType dtype) {
    return uniform(key, shape, dtype, 0.0, 1.0);
  }

  /** Uniform values in [minval, maxval). */
  public static Value uniform(Value key, int[] shape, DType dtype, double minval, double maxval) {
    return uniform(key, shape, dtype, Array.weak(minval), Array.weak(maxval));
  }

  /** Uniform values in [minval, maxval), bounds broadcast to {@code shape}. */
  public static Value uniform(Value key, int[] shape, DType dtype, Value minval, Value maxval) {
    Value k = Keys.single("uniform", key).typed();
    floatDType("uniform", dtype);
    return Continuous.uniform(k, checkShape("uniform", shape), minval, maxval);
  }

  /** Standard normal float32 values. */
  public static Value normal(Value key, int... shape) {
    return normal(key, shape, DType.FLOAT32);
  }

  /** Standard normal values. */
  public static Value normal(Value key, int[] shape, DType dtype) {
    Value k = Keys.single("normal", key).typed();
    floatDType("normal", dtype);
    return Continuous.normal(k, checkShape("normal", shape));
  }

  /** Standard normal values truncated to the open interval (lower, upper). */
  public static Value truncatedNormal(Value key, double lower, double upper, int[] shape,
      DType dtype) {
    return truncatedNormal(key, Array.weak(lower), Array.weak(upper), shape, dtype);
  }

  /**
   * Standard normal values truncated to (lower, upper), bounds broadcast to {@code shape}; a
   * null {@code shape} is the broadcast of the bounds' shapes.
   */
  public static Value truncatedNormal(Value key, Value lower, Value upper, int[] shape,
      DType dtype) {
    Value k = Keys.single("truncated_normal", key).typed();
    floatDType("truncated_normal", dtype);
    int[] bounds = Ops.broadcastShapes("truncated_normal", lower.shape().dims(),
        upper.shape().dims());
    int[] out = shape == null ? bounds : checkShape("truncated_normal", shape);
    if (!java.util.Arrays.equals(Ops.broadcastShapes("truncated_normal", out, bounds), out)) {
      throw new IllegalArgumentException("truncated_normal: the bounds' shapes "
          + lower.shape() + " and " + upper.shape() + " do not broadcast to shape "
          + Shape.of(out));
    }
    return Continuous.truncatedNormal(k, lower, upper, out);
  }

  /** {@code True} with probability 0.5, a scalar. */
  public static Value bernoulli(Value key) {
    return bernoulli(key, 0.5, new int[0]);
  }

  /** {@code True} with probability {@code p}. */
  public static Value bernoulli(Value key, double p, int... shape) {
    return bernoulli(key, Array.weak(p), shape);
  }

  /**
   * {@code True} with probability {@code p} (a float, broadcast to {@code shape}); a null
   * {@code shape} is {@code p}'s shape.
   */
  public static Value bernoulli(Value key, Value p, int[] shape) {
    Value k = Keys.single("bernoulli", key).typed();
    if (!p.dtype().isFloating()) {
      throw new IllegalArgumentException(
          "bernoulli: probability p must have a floating dtype, got " + p.aval().str());
    }
    int[] out = shape == null ? p.shape().dims() : checkShape("bernoulli", shape);
    return Continuous.bernoulli(k, Lax.convertElementType(p, DType.FLOAT32), out);
  }

  /** Uniform int32 values in [minval, maxval). */
  public static Value randint(Value key, int[] shape, int minval, int maxval) {
    return randint(key, shape, minval, maxval, DType.INT32);
  }

  /** Uniform integers in [minval, maxval). */
  public static Value randint(Value key, int[] shape, int minval, int maxval, DType dtype) {
    return randint(key, shape, Array.weak(minval), Array.weak(maxval), dtype);
  }

  /** Uniform integers in [minval, maxval), bounds broadcast to {@code shape}. */
  public static Value randint(Value key, int[] shape, Value minval, Value maxval, DType dtype) {
    Value k = Keys.single("randint", key).typed();
    if (!dtype.isInteger()) {
      throw new IllegalArgumentException("randint only accepts integer dtypes, got " + dtype);
    }
    return Integers.randint(k, checkShape("randint", shape), minval, maxval, dtype);
  }

  /** A random permutation of {@code 0, ..., n - 1} (int32). */
  public static Value permutation(Value key, int n) {
    Value k = Keys.single("permutation", key).typed();
    checkShape("permutation", n);
    return Shuffling.shuffle(k, Lax.iota(DType.INT32, n), 0);
  }

  /** {@code x} with its first axis randomly permuted. */
  public static Value permutation(Value key, Value x) {
    return permutation(key, x, 0, false);
  }

  /**
   * {@code x} permuted along {@code axis}: the same order for every slice, or each 1-D slice
   * shuffled on its own if {@code independent}. An integer scalar {@code x} stands for
   * {@code arange(x)}.
   */
  public static Value permutation(Value key, Value x, int axis, boolean independent) {
    if (x.rank() == 0) {
      if (!x.dtype().isInteger()) {
        throw new IllegalArgumentException(
            "permutation: x must be an integer or at least 1-dimensional, got " + x.aval().str());
      }
      Shape.canonicalAxis(axis, 1, "permutation");
      Array n = Concrete.arrayOrError(x, "argument x of jax.random.permutation()");
      return permutation(key, (int) n.getLong(0));
    }
    Value k = Keys.single("permutation", key).typed();
    return Shuffling.permutation(k, x, Shape.canonicalAxis(axis, x.rank(), "permutation"),
        independent);
  }

  /**
   * Samples of {@code arange(n)}: with or without replacement, uniformly or with probabilities
   * {@code p} (null for uniform).
   */
  public static Value choice(Value key, int n, int[] shape, boolean replace, Value p) {
    Value k = Keys.single("choice", key).typed();
    return Choice.choice(k, null, n, checkShape("choice", shape), replace, p, 0);
  }

  /**
   * Samples along {@code axis} of {@code a} (an integer scalar {@code a} stands for
   * {@code arange(a)}); the result replaces that axis by {@code shape}.
   */
  public static Value choice(Value key, Value a, int[] shape, boolean replace, Value p,
      int axis) {
    if (a.rank() == 0) {
      if (!a.dtype().isInteger()) {
        throw new IllegalArgumentException(
            "choice: a must be an integer or an array, got " + a.aval().str());
      }
      Array n = Concrete.arrayOrError(a, "The error occurred in jax.random.choice()");
      return choice(key, (int) n.getLong(0), shape, replace, p);
    }
    Value k = Keys.single("choice", key).typed();
    int ax = Shape.canonicalAxis(axis, a.rank(), "choice");
    return Choice.choice(k, a, a.shape().dim(ax), checkShape("choice", shape), replace, p, ax);
  }

  /** Samples from the categorical distributions given by the last axis of {@code logits}. */
  public static Value categorical(Value key, Value logits) {
    return categorical(key, logits, -1, null);
  }

  /**
   * Samples (int32 indices along {@code axis}) from categorical distributions with unnormalised
   * log-probabilities {@code logits}; {@code shape} (null: the logits' shape without
   * {@code axis}) must end with a shape that broadcasts to that batch shape.
   */
  public static Value categorical(Value key, Value logits, int axis, int[] shape) {
    return categorical(key, logits, axis, shape, true);
  }

  /**
   * {@link #categorical(Value, Value, int, int[])}, with or without replacement. Without, the
   * leading (prefix) part of {@code shape} counts draws of distinct categories, and the rest of
   * {@code shape} must equal the batch shape.
   */
  public static Value categorical(Value key, Value logits, int axis, int[] shape,
      boolean replace) {
    Value k = Keys.single("categorical", key).typed();
    if (!logits.dtype().isFloating()) {
      throw new IllegalArgumentException(
          "categorical: logits must have a floating dtype, got " + logits.aval().str());
    }
    int ax = Shape.canonicalAxis(axis, logits.rank(), "categorical");
    return Categorical.categorical(k, Lax.convertElementType(logits, DType.FLOAT32), ax,
        shape == null ? null : checkShape("categorical", shape), replace);
  }

  /** Standard Gumbel float32 values. */
  public static Value gumbel(Value key, int... shape) {
    return gumbel(key, shape, DType.FLOAT32);
  }

  /** Standard Gumbel values. */
  public static Value gumbel(Value key, int[] shape, DType dtype) {
    Value k = Keys.single("gumbel", key).typed();
    floatDType("gumbel", dtype);
    return Continuous.gumbel(k, checkShape("gumbel", shape));
  }

  /** A Haar-random {@code n x n} orthogonal float32 matrix. */
  public static Value orthogonal(Value key, int n) {
    return orthogonal(key, n, new int[0], DType.FLOAT32, n);
  }

  /**
   * A batch {@code shape} of random {@code n x m} matrices with orthonormal rows
   * ({@code n <= m}) or columns ({@code n >= m}).
   */
  public static Value orthogonal(Value key, int n, int[] shape, DType dtype, int m) {
    Value k = Keys.single("orthogonal", key).typed();
    floatDType("orthogonal", dtype);
    checkShape("orthogonal", n, m);
    return Orthogonal.orthogonal(k, n, checkShape("orthogonal", shape), m);
  }

  private static int[] checkShape(String name, int... shape) {
    for (int d : shape) {
      if (d < 0) {
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
          dims.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        throw new IllegalArgumentException(name + ": negative dimension in shape "
            + dims.append(shape.length == 1 ? ",)" : ")"));
      }
    }
    return shape.clone();
  }

  private static void floatDType(String name, DType dtype) {
    if (!dtype.isFloating()) {
      throw new IllegalArgumentException(
          "dtype argument to " + name + " must be a float dtype, got " + dtype);
    }
  }
}
