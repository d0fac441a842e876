package dev.flaxj.nn;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.random.Random;

/**
 * {@code jax.nn.initializers} (which Flax re-exports), with JAX's defaults. Each builder returns
 * an {@link Initializer}; {@link #zeros(Value, int[], DType)} and
 * {@link #ones(Value, int[], DType)} are initialisers themselves, as in JAX. Scale arithmetic is
 * done as JAX does it: Python doubles rounded once to the dtype, then float32 lax operations.
 */
public final class Initializers {
  private Initializers() {}

  private static final int[] LAST = {-1};
  private static final int[] NONE = {};
  /** Standard deviation of a standard normal truncated to (-2, 2). */
  private static final double TRUNCATED_STDDEV = .87962566103423978;

  /** An array of zeros; the key is ignored. */
  public static Value zeros(Value key, int[] shape, DType dtype) {
    return filled(shape, 0.0, dtype);
  }

  /** An array of ones; the key is ignored. */
  public static Value ones(Value key, int[] shape, DType dtype) {
    return filled(shape, 1.0, dtype);
  }

  /** {@link #zeros(Value, int[], DType)} as an initialiser (Flax's {@code zeros_init()}). */
  public static Initializer zeros() {
    return Initializers::zeros;
  }

  /** {@link #ones(Value, int[], DType)} as an initialiser (Flax's {@code ones_init()}). */
  public static Initializer ones() {
    return Initializers::ones;
  }

  /** Arrays full of {@code value}, converted to the dtype. */
  public static Initializer constant(double value) {
    return (key, shape, dtype) -> filled(shape, value, dtype);
  }

  /** Uniform values in [0, 0.01). */
  public static Initializer uniform() {
    return uniform(1e-2);
  }

  /** Uniform values in [0, scale). */
  public static Initializer uniform(double scale) {
    return (key, shape, dtype) ->
        scaled(Random.uniform(key, shape, dtype), constant(scale, dtype));
  }

  /** Normal values with standard deviation 0.01. */
  public static Initializer normal() {
    return normal(1e-2);
  }

  /** Normal values with mean 0 and standard deviation {@code stddev}. */
  public static Initializer normal(double stddev) {
    return (key, shape, dtype) ->
        scaled(Random.normal(key, shape, dtype), constant(stddev, dtype));
  }

  /** Truncated normal values: standard deviation 0.01 before truncation to (-2, 2). */
  public static Initializer truncatedNormal() {
    return truncatedNormal(1e-2);
  }

  /** {@code stddev} times a standard normal truncated to (-2, 2). */
  public static Initializer truncatedNormal(double stddev) {
    return truncatedNormal(stddev, -2.0, 2.0);
  }

  /** {@code stddev} times a standard normal truncated to (lower, upper). */
  public static Initializer truncatedNormal(double stddev, double lower, double upper) {
    return (key, shape, dtype) -> scaled(
        Random.truncatedNormal(key, lower, upper, shape, dtype), constant(stddev, dtype));
  }

  /**
   * {@code variance_scaling} with JAX's default axes: inputs on axis -2, outputs on axis -1, no
   * batch axes.
   */
  public static Initializer varianceScaling(double scale, String mode, String distribution) {
    return varianceScaling(scale, mode, distribution, Fans.DEFAULT_IN_AXIS, LAST, NONE);
  }

  /**
   * Values with variance {@code scale / n}, n the fan-in, fan-out or their (geometric) mean
   * ({@code mode}: {@code fan_in}, {@code fan_out}, {@code fan_avg}, {@code fan_geo_avg}), from a
   * {@code truncated_normal} (corrected to that variance after truncation to 2 standard
   * deviations), {@code normal} or {@code uniform} {@code distribution}. Axes not named as input,
   * output or batch axes form the receptive field.
   */
  public static Initializer varianceScaling(double scale, String mode, String distribution,
      int[] inAxis, int[] outAxis, int[] batchAxis) {
    Fans.checkMode(mode);
    if (!distribution.equals("truncated_normal") && !distribution.equals("normal")
        && !distribution.equals("uniform")) {
      throw new IllegalArgumentException("variance_scaling: invalid distribution " + distribution
          + " (truncated_normal, normal, uniform)");
    }
    int[] in = inAxis.clone();
    int[] out = outAxis.clone();
    int[] batch = batchAxis.clone();
    return (key, shape, dtype) -> {
      double denominator = Fans.of(shape, in, out, batch).denominator(mode);
      if (denominator == 0) {
        throw new IllegalArgumentException("variance_scaling: division by zero, " + mode
            + " of shape " + Shape.of(shape) + " is 0");
      }
      Value variance = constant(scale / denominator, dtype);
      switch (distribution) {
        case "truncated_normal":
          Value stddev = Lax.div(Lax.sqrt(variance), constant(TRUNCATED_STDDEV, dtype));
          return scaled(Random.truncatedNormal(key, -2, 2, shape, dtype), stddev);
        case "normal":
          return scaled(Random.normal(key, shape, dtype), Lax.sqrt(variance));
        default:
          Value threeVariance = Lax.mul(constant(3, dtype), variance);
          return scaled(Random.uniform(key, shape, dtype, -1.0, 1.0), Lax.sqrt(threeVariance));
      }
    };
  }

  /** {@code variance_scaling(1, "fan_avg", "uniform")}. */
  public static Initializer glorotUniform() {
    return varianceScaling(1.0, "fan_avg", "uniform");
  }

  /** {@code variance_scaling(1, "fan_avg", "truncated_normal")}. */
  public static Initializer glorotNormal() {
    return varianceScaling(1.0, "fan_avg", "truncated_normal");
  }

  /** {@link #glorotUniform()}. */
  public static Initializer xavierUniform() {
    return glorotUniform();
  }

  /** {@link #glorotNormal()}. */
  public static Initializer xavierNormal() {
    return glorotNormal();
  }

  /** {@code variance_scaling(1, "fan_in", "uniform")}. */
  public static Initializer lecunUniform() {
    return varianceScaling(1.0, "fan_in", "uniform");
  }

  /** {@code variance_scaling(1, "fan_in", "truncated_normal")}: Flax's default kernel init. */
  public static Initializer lecunNormal() {
    return varianceScaling(1.0, "fan_in", "truncated_normal");
  }

  /** {@code variance_scaling(2, "fan_in", "uniform")}. */
  public static Initializer heUniform() {
    return varianceScaling(2.0, "fan_in", "uniform");
  }

  /** {@code variance_scaling(2, "fan_in", "truncated_normal")}. */
  public static Initializer heNormal() {
    return varianceScaling(2.0, "fan_in", "truncated_normal");
  }

  /** {@link #heUniform()}. */
  public static Initializer kaimingUniform() {
    return heUniform();
  }

  /** {@link #heNormal()}. */
  public static Initializer kaimingNormal() {
    return heNormal();
  }

  /** Orthogonal matrices with orthonormal columns along the last axis. */
  public static Initializer orthogonal() {
    return orthogonal(1.0, -1);
  }

  /**
   * {@code scale} times a random matrix with orthonormal rows or columns (whichever are fewer):
   * the weights are seen as a matrix whose columns run along {@code columnAxis} and whose rows
   * are all other axes flattened.
   */
  public static Initializer orthogonal(double scale, int columnAxis) {
    return (key, shape, dtype) -> {
      if (shape.length < 2) {
        throw new IllegalArgumentException("orthogonal initializer requires at least a 2D shape,"
            + " got " + Shape.of(shape));
      }
      if (Shape.of(shape).size() == 0) {
        return zeros(key, shape, dtype);
      }
      int axis = Shape.canonicalAxis(columnAxis, shape.length, "orthogonal");
      int nCols = shape[axis];
      int nRows = Shape.of(shape).size() / nCols;
      Value q = Random.orthogonal(key, nRows, new int[0], dtype, nCols);
      int[] rowsThenColumn = new int[shape.length];
      int[] perm = new int[shape.length];
      for (int d = 0, k = 0; d < shape.length; d++) {
        if (d != axis) {
          rowsThenColumn[k++] = shape[d];
        }
      }
      rowsThenColumn[shape.length - 1] = nCols;
      // moveaxis(-1, axis): result axis d comes from axis d (< axis), the last, or d - 1.
      for (int d = 0; d < shape.length; d++) {
        perm[d] = d < axis ? d : d == axis ? shape.length - 1 : d - 1;
      }
      Value matrix = Lax.transpose(Lax.reshape(q, rowsThenColumn), perm);
      return Lax.mul(full(shape, constant(scale, dtype)), matrix);
    };
  }

  /** {@code samples * factor} for a scalar factor, as JAX's eager {@code *}. */
  private static Value scaled(Value samples, Value factor) {
    return Lax.mul(samples, full(samples.shape().dims(), factor));
  }

  /** {@code jnp.array(value, dtype)}: a Python number rounded once to the dtype. */
  private static Value constant(double value, DType dtype) {
    return Lax.convertElementType(Array.of(new double[] {value}), canonical(dtype));
  }

  /** {@code jnp.full(shape, value, dtype)}. */
  private static Value filled(int[] shape, double value, DType dtype) {
    return full(shape, constant(value, dtype));
  }

  /** The dtype JAX uses with 64-bit types disabled, as in {@link Random}: float64 is float32. */
  private static DType canonical(DType dtype) {
    return dtype == DType.FLOAT64 ? DType.FLOAT32 : dtype;
  }

  private static Value full(int[] shape, Value scalar) {
    return Lax.broadcastInDim(scalar, shape, new int[0]);
  }
}
