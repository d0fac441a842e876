package dev.flaxj.nn;

import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.custom.CustomJvp;
import dev.flaxj.transform.partial.StopGradient;
import dev.flaxj.transform.staging.Jit;
import dev.flaxj.transform.staging.Jitted;
import dev.flaxj.tree.Tuple;
import java.util.Arrays;

/**
 * {@code jax.nn}'s activation functions and its softmax family, written as JAX 0.10.2 writes them
 * (same operations in the same order, so float32 results agree with JAX's), from Lax/Jnp calls
 * so that every transformation applies. Functions that JAX wraps in a {@code jit} are wrapped in
 * a {@link Jit} of the same name here too; {@link #relu} and {@link #relu6} are
 * {@code custom_jvp} functions with derivative 0 at their kinks, as in JAX.
 */
public final class Activations {
  private Activations() {}

  private static final double SELU_ALPHA = 1.6732632423543772848170429916717;
  private static final double SELU_SCALE = 1.0507009873554804934193349852946;

  private static final CustomJvp RELU = new CustomJvp("relu",
      named("relu", a -> Jnp.maximum(a[0], 0.)));
  private static final CustomJvp RELU6 = new CustomJvp("relu6",
      named("relu6", a -> Jnp.minimum(Jnp.maximum(a[0], 0.), 6.)));
  /** {@code jnp.logaddexp}, a custom_jvp in JAX (lax/other.py). */
  private static final CustomJvp LOGADDEXP = new CustomJvp("logaddexp",
      a -> logaddexpValue((Value) a[0], (Value) a[1]));

  static {
    RELU.defjvp(a -> {
      Value x = item(a[0], 0);
      return Tuple.of(RELU.apply(x), selectOrZero(Jnp.greater(x, 0.), item(a[1], 0)));
    });
    RELU6.defjvp(a -> {
      Value x = item(a[0], 0);
      Value inside = Jnp.logicalAnd(Jnp.greater(x, 0.), Jnp.less(x, 6.));
      return Tuple.of(RELU6.apply(x), selectOrZero(inside, item(a[1], 0)));
    });
    LOGADDEXP.defjvp(a -> {
      Value x1 = item(a[0], 0);
      Value x2 = item(a[0], 1);
      Value out = (Value) LOGADDEXP.apply(x1, x2);
      Value t1 = Lax.mul(item(a[1], 0), Lax.exp(Lax.sub(replaceInf(x1), replaceInf(out))));
      Value t2 = Lax.mul(item(a[1], 1), Lax.exp(Lax.sub(replaceInf(x2), replaceInf(out))));
      return Tuple.of(out, Lax.add(t1, t2));
    });
  }

  private static final Jitted SOFTPLUS = named("softplus",
      a -> LOGADDEXP.apply(a[0], Jnp.zerosLike((Value) a[0])));
  private static final Jitted SOFT_SIGN = named("soft_sign",
      a -> Jnp.divide(a[0], Jnp.add(Jnp.abs(a[0]), 1.)));
  private static final Jitted SILU = named("silu",
      a -> Jnp.multiply(a[0], sigmoid((Value) a[0])));
  private static final Jitted LOG_SIGMOID = named("log_sigmoid",
      a -> Jnp.negative(softplus(Jnp.negative(a[0]))));
  private static final Jitted ELU = named("elu", a -> {
    Value positive = Jnp.greater(a[0], 0.);
    return Jnp.where(positive, a[0],
        Jnp.multiply(a[1], Jnp.expm1(Jnp.where(positive, 0., a[0]))));
  });
  private static final Jitted LEAKY_RELU = named("leaky_relu",
      a -> Jnp.where(Jnp.greaterEqual(a[0], 0.), a[0], Jnp.multiply(a[1], a[0])));
  private static final Jitted HARD_TANH = named("hard_tanh",
      a -> Jnp.where(Jnp.greater(a[0], 1.), 1., Jnp.where(Jnp.less(a[0], -1.), -1., a[0])));
  private static final Jitted CELU = named("celu", a -> Jnp.add(Jnp.maximum(a[0], 0.),
      Jnp.multiply(a[1], Jnp.expm1(Jnp.divide(Jnp.minimum(a[0], 0.), a[1])))));
  private static final Jitted SELU = named("selu",
      a -> Jnp.multiply(SELU_SCALE, elu((Value) a[0], SELU_ALPHA)));

  /** {@code max(x, 0)}, with derivative 0 at 0. */
  public static Value relu(Value x) {
    return (Value) RELU.apply(x);
  }

  /** {@code min(max(x, 0), 6)}, with derivative 0 at 0 and at 6. */
  public static Value relu6(Value x) {
    return (Value) RELU6.apply(x);
  }

  /** {@code lax.logistic(x)} (JAX inlines its jit, so no jit here). */
  public static Value sigmoid(Value x) {
    return Lax.logistic(x);
  }

  /** {@code log(1 + exp(x))} as {@code jnp.logaddexp(x, 0)}. */
  public static Value softplus(Value x) {
    return (Value) SOFTPLUS.apply(x);
  }

  public static Value logSigmoid(Value x) {
    return (Value) LOG_SIGMOID.apply(x);
  }

  /** {@code x * sigmoid(x)}. */
  public static Value silu(Value x) {
    return (Value) SILU.apply(x);
  }

  /** Alias of {@link #silu}. */
  public static Value swish(Value x) {
    return silu(x);
  }

  /** {@code x / (|x| + 1)}. */
  public static Value softSign(Value x) {
    return (Value) SOFT_SIGN.apply(x);
  }

  public static Value tanh(Value x) {
    return Jnp.tanh(x);
  }

  /** -1 below -1, 1 above 1, else x. */
  public static Value hardTanh(Value x) {
    return (Value) HARD_TANH.apply(x);
  }

  /** {@link #elu(Value, double)} with alpha 1. */
  public static Value elu(Value x) {
    return elu(x, 1.0);
  }

  /** x for x > 0, else {@code alpha * expm1(x)}. */
  public static Value elu(Value x, double alpha) {
    return (Value) ELU.apply(x, alpha);
  }

  /** {@link #leakyRelu(Value, double)} with JAX's default slope 0.01. */
  public static Value leakyRelu(Value x) {
    return leakyRelu(x, 1e-2);
  }

  /** x for x >= 0, else {@code negativeSlope * x}. */
  public static Value leakyRelu(Value x, double negativeSlope) {
    return (Value) LEAKY_RELU.apply(x, negativeSlope);
  }

  /** {@link #celu(Value, double)} with alpha 1. */
  public static Value celu(Value x) {
    return celu(x, 1.0);
  }

  /** {@code max(x, 0) + alpha * expm1(min(x, 0) / alpha)}. */
  public static Value celu(Value x, double alpha) {
    return (Value) CELU.apply(x, alpha);
  }

  /** {@code scale * elu(x, alpha)} with JAX's self-normalising constants. */
  public static Value selu(Value x) {
    return (Value) SELU.apply(x);
  }

  /** {@link #gelu(Value, boolean)} with JAX's default, the tanh approximation. */
  public static Value gelu(Value x) {
    return gelu(x, true);
  }

  /**
   * Gaussian error linear unit: with {@code approximate}, {@code x * cdf} with the tanh form of
   * the normal cdf; without, {@code x/2 * erfc(-x/sqrt 2)}. Not jitted, as in JAX. There is no
   * {@code erfc} primitive yet, so the exact form computes {@code erfc(z)} as
   * {@code 1 - erf(z)}: that is XLA's own formula for |z| < 1 (|x| < sqrt 2); beyond it XLA uses
   * a separate rational approximation of erfc, and results there differ slightly (relatively
   * much for x well below -sqrt 2, where gelu is tiny).
   */
  public static Value gelu(Value x, boolean approximate) {
    Value v = inexact(x);
    if (approximate) {
      Value sqrt2OverPi = Jnp.array((float) Math.sqrt(2 / Math.PI), v.dtype());
      Value inner = Jnp.multiply(sqrt2OverPi,
          Jnp.add(v, Jnp.multiply(0.044715, Lax.integerPow(v, 3))));
      Value cdf = Jnp.multiply(0.5, Jnp.add(1.0, Jnp.tanh(inner)));
      return Jnp.multiply(v, cdf);
    }
    Value sqrtHalf = Jnp.array((float) Math.sqrt(0.5), v.dtype());
    Value erfc = Jnp.subtract(1., Lax.erf(Jnp.multiply(Jnp.negative(v), sqrtHalf)));
    return Jnp.multiply(Jnp.multiply(0.5, v), erfc);
  }

  /** {@link #softmax(Value, int...)} over the last axis. */
  public static Value softmax(Value x) {
    return softmax(x, -1);
  }

  /**
   * {@code exp(x - max) / sum(exp(x - max))} over {@code axes} (all of them for JAX's
   * {@code axis=None}), the max under {@code stop_gradient} (JAX's default, with
   * {@code jax_softmax_custom_jvp} off).
   */
  public static Value softmax(Value x, int... axes) {
    int[] dims = axes(x, "softmax", axes);
    Value unnormalized = Jnp.exp(Jnp.subtract(x, StopGradient.stopGradient(maxKeepdims(x, dims))));
    return Jnp.divide(unnormalized, Jnp.sum(unnormalized, dims, true));
  }

  /** {@link #logSoftmax(Value, int...)} over the last axis. */
  public static Value logSoftmax(Value x) {
    return logSoftmax(x, -1);
  }

  /** {@code shifted - log(sum(exp(shifted)))} with {@code shifted = x - stop_gradient(max)}. */
  public static Value logSoftmax(Value x, int... axes) {
    int[] dims = axes(x, "log_softmax", axes);
    Value shifted = Jnp.subtract(x, StopGradient.stopGradient(maxKeepdims(x, dims)));
    return Jnp.subtract(shifted, Jnp.log(Jnp.sum(Jnp.exp(shifted), dims, true)));
  }

  /** {@code logsumexp} over all axes. */
  public static Value logsumexp(Value x) {
    int[] all = new int[x.rank()];
    Arrays.setAll(all, i -> i);
    return logsumexp(x, all, false);
  }

  /**
   * {@code jax.nn.logsumexp} ({@code jax.scipy.special.logsumexp}) of a real array: the max
   * over {@code axes}, replaced by 0 where not finite and under {@code stop_gradient}, is
   * subtracted before exponentiating and added back after the log.
   */
  public static Value logsumexp(Value x, int[] axes, boolean keepdims) {
    Value a = inexact(x);
    int[] dims = axes(a, "logsumexp", axes);
    Value max = Lax.reduceMax(a, dims);
    Value finite = Lax.lt(Lax.abs(max), Jnp.fullLike(max, Double.POSITIVE_INFINITY));
    Value amax = StopGradient.stopGradient(Lax.selectN(finite, Jnp.zerosLike(max), max));
    Value amaxWithDims = Lax.expandDims(amax, dims);
    Value sumexp = Lax.abs(Jnp.sum(Lax.exp(Jnp.subtract(a, amaxWithDims)), dims, keepdims));
    return Lax.add(Lax.log(sumexp), keepdims ? amaxWithDims : amax);
  }

  /** {@link #oneHot(Value, int, DType, int)} as float32 along a new last axis. */
  public static Value oneHot(Value x, int numClasses) {
    return oneHot(x, numClasses, DType.FLOAT32, -1);
  }

  /**
   * One-hot encoding of the indices {@code x} along a new axis {@code axis} of size
   * {@code numClasses}; indices outside {@code [0, numClasses)} give all zeros.
   */
  public static Value oneHot(Value x, int numClasses, DType dtype, int axis) {
    if (numClasses < 0) {
      throw new IllegalArgumentException("one_hot: negative num_classes " + numClasses
          + " for indices of shape " + x.shape());
    }
    int position = Shape.canonicalAxis(axis, x.rank() + 1, "one_hot");
    int[] classesShape = new int[x.rank() + 1];
    Arrays.fill(classesShape, 1);
    classesShape[position] = numClasses;
    Value classes = Lax.iota(x.dtype(), classesShape, position);
    return Jnp.astype(Jnp.equal(Lax.expandDims(x, position), classes), dtype);
  }

  /** {@link #standardize(Value, int[], double)} over the last axis with epsilon 1e-5. */
  public static Value standardize(Value x) {
    return standardize(x, new int[] {-1}, 1e-5);
  }

  /**
   * {@code (x - mean) * rsqrt(var + epsilon)} over {@code axes}, with JAX's default "fast"
   * variance {@code mean(x^2) - mean(x)^2} clipped at 0.
   */
  public static Value standardize(Value x, int[] axes, double epsilon) {
    int[] dims = axes(x, "standardize", axes);
    Value mean = Jnp.mean(x, dims, true);
    Value variance = Jnp.subtract(Jnp.mean(Jnp.square(x), dims, true), Jnp.square(mean));
    variance = Jnp.clip(variance, 0, null);
    return Jnp.multiply(Jnp.subtract(x, mean), Lax.rsqrt(Jnp.add(variance, epsilon)));
  }

  private static Jitted named(String name, TreeFunction f) {
    return Jit.jit(f).name(name);
  }

  private static Value item(Object tuple, int i) {
    return (Value) ((Tuple) tuple).get(i);
  }

  /** {@code lax.select(pred, g, full_like(g, 0))}. */
  private static Value selectOrZero(Value pred, Value g) {
    return Lax.selectN(pred, Jnp.zerosLike(g), g);
  }

  /** The real-floating branch of JAX's {@code logaddexp} primal. */
  private static Value logaddexpValue(Value x1, Value x2) {
    Value amax = Lax.max(x1, x2);
    Value delta = Lax.sub(x1, x2);
    Value isNan = Lax.ne(delta, delta);
    return Lax.selectN(isNan,
        Lax.add(amax, Lax.log1p(Lax.exp(Lax.neg(Lax.abs(delta))))), Lax.add(x1, x2));
  }

  /** JAX's {@code _replace_inf}: +inf replaced by 0. */
  private static Value replaceInf(Value x) {
    Value isInf = Lax.eq(x, Jnp.fullLike(x, Double.POSITIVE_INFINITY));
    return Lax.selectN(isInf, x, Jnp.zerosLike(x));
  }

  /** JAX's {@code promote_args_inexact} for one argument: integers and bools become float32. */
  private static Value inexact(Value x) {
    return x.dtype().isFloating() ? x : Jnp.astype(x, DType.FLOAT32);
  }

  /** {@code max(x, axes, keepdims=True)}; empty axes give -inf as JAX's {@code initial}. */
  private static Value maxKeepdims(Value x, int[] dims) {
    return Lax.expandDims(Lax.reduceMax(x, dims), dims);
  }

  /** The axes canonicalised, sorted and checked for repeats. */
  private static int[] axes(Value x, String op, int[] axes) {
    int[] dims = new int[axes.length];
    for (int i = 0; i < axes.length; i++) {
      dims[i] = Shape.canonicalAxis(axes[i], x.rank(), op);
    }
    Arrays.sort(dims);
    for (int i = 1; i < dims.length; i++) {
      if (dims[i] == dims[i - 1]) {
        throw new IllegalArgumentException(op + ": repeated axis in " + Arrays.toString(axes)
            + " for shape " + x.shape());
      }
    }
    return dims;
  }
}
