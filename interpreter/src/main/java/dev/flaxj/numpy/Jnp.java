package dev.flaxj.numpy;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import java.util.List;

/**
 * The {@code jax.numpy}-level Java API: numpy names in camelCase, built only from lax primitives
 * (so every transformation applies). Operands of elementwise functions are "array-like": a
 * {@link Value}, a Java number (a weakly typed scalar, like a Python scalar in JAX: {@code x * 2}
 * keeps {@code x}'s float32), a boolean, or a (nested) Java array. They promote on JAX's type
 * lattice and broadcast as numpy does. Axes may be negative. Bad input raises
 * {@link IllegalArgumentException} naming the operation and the shapes.
 */
public final class Jnp {
  private Jnp() {}

  // ---- creation ----

  /** An array from a Java number, boolean, (nested) Java array or value, as {@code jnp.array}. */
  public static Value array(Object data) {
    return ArrayLike.of("array", data);
  }

  /** {@code jnp.array(data, dtype)}. */
  public static Value array(Object data, DType dtype) {
    return Operands.convert(ArrayLike.of("array", data), dtype, false);
  }

  public static Value asarray(Object data) {
    return ArrayLike.of("asarray", data);
  }

  /** float32 zeros. */
  public static Value zeros(int... shape) {
    return Creation.full(shape, 0, DType.FLOAT32);
  }

  public static Value zeros(int[] shape, DType dtype) {
    return Creation.full(shape, 0, dtype);
  }

  /** float32 ones. */
  public static Value ones(int... shape) {
    return Creation.full(shape, 1, DType.FLOAT32);
  }

  public static Value ones(int[] shape, DType dtype) {
    return Creation.full(shape, 1, dtype);
  }

  /** Filled with {@code fill} (a scalar, or an array broadcast to {@code shape}), in its dtype. */
  public static Value full(int[] shape, Object fill) {
    return Creation.full(shape, fill, null);
  }

  public static Value full(int[] shape, Object fill, DType dtype) {
    return Creation.full(shape, fill, dtype);
  }

  /** Zeros of {@code x}'s shape and dtype (weak if {@code x} is). */
  public static Value zerosLike(Value x) {
    return Creation.fullLike(x, 0, null);
  }

  public static Value zerosLike(Value x, DType dtype) {
    return Creation.fullLike(x, 0, dtype);
  }

  public static Value onesLike(Value x) {
    return Creation.fullLike(x, 1, null);
  }

  public static Value onesLike(Value x, DType dtype) {
    return Creation.fullLike(x, 1, dtype);
  }

  public static Value fullLike(Value x, Object fill) {
    return Creation.fullLike(x, fill, null);
  }

  public static Value fullLike(Value x, Object fill, DType dtype) {
    return Creation.fullLike(x, fill, dtype);
  }

  /** {@code 0, 1, ..., stop - 1} in int32. */
  public static Value arange(int stop) {
    return Creation.arange(stop, null, null, null);
  }

  public static Value arange(int start, int stop) {
    return Creation.arange(start, stop, null, null);
  }

  public static Value arange(int start, int stop, int step) {
    return Creation.arange(start, stop, step, null);
  }

  /** {@code 0., 1., ...} below {@code stop}, float32. */
  public static Value arange(double stop) {
    return Creation.arange(stop, null, null, null);
  }

  public static Value arange(double start, double stop) {
    return Creation.arange(start, stop, null, null);
  }

  /** {@code start + i * step} for {@code i < ceil((stop - start) / step)}, in float32. */
  public static Value arange(double start, double stop, double step) {
    return Creation.arange(start, stop, step, null);
  }

  /**
   * {@code jnp.arange(start, stop, step, dtype)}: {@code stop} and {@code step} may be null;
   * integers ({@code Integer}) and floats ({@code Double}) set the default dtype as in JAX.
   */
  public static Value arange(Number start, Number stop, Number step, DType dtype) {
    return Creation.arange(start, stop, step, dtype);
  }

  /** {@code num} evenly spaced float32 values from {@code start} to {@code stop} inclusive. */
  public static Value linspace(double start, double stop, int num) {
    return Creation.linspace(start, stop, num, true, null);
  }

  public static Value linspace(double start, double stop, int num, boolean endpoint) {
    return Creation.linspace(start, stop, num, endpoint, null);
  }

  public static Value linspace(double start, double stop, int num, boolean endpoint,
      DType dtype) {
    return Creation.linspace(start, stop, num, endpoint, dtype);
  }

  /** The float32 identity matrix of size {@code n}. */
  public static Value eye(int n) {
    return Creation.eye(n, n, 0, null);
  }

  /** An {@code n x m} float32 matrix with ones on the {@code k}-th diagonal. */
  public static Value eye(int n, int m, int k) {
    return Creation.eye(n, m, k, null);
  }

  public static Value eye(int n, int m, int k, DType dtype) {
    return Creation.eye(n, m, k, dtype);
  }

  // ---- arithmetic ----

  public static Value add(Object x, Object y) {
    return Arithmetic.add(x, y);
  }

  public static Value subtract(Object x, Object y) {
    return Arithmetic.subtract(x, y);
  }

  public static Value multiply(Object x, Object y) {
    return Arithmetic.multiply(x, y);
  }

  /** True division; integer operands give float32. */
  public static Value divide(Object x, Object y) {
    return Arithmetic.divide(x, y);
  }

  public static Value trueDivide(Object x, Object y) {
    return Arithmetic.divide(x, y);
  }

  /** Python's {@code //}: rounds toward negative infinity. */
  public static Value floorDivide(Object x, Object y) {
    return Arithmetic.floorDivide(x, y);
  }

  /** Python's {@code %}: the result has the sign of {@code y}. */
  public static Value remainder(Object x, Object y) {
    return Arithmetic.remainder(x, y);
  }

  public static Value mod(Object x, Object y) {
    return Arithmetic.remainder(x, y);
  }

  public static Value power(Object x, Object y) {
    return Arithmetic.power(x, y);
  }

  public static Value maximum(Object x, Object y) {
    return Arithmetic.maximum(x, y);
  }

  public static Value minimum(Object x, Object y) {
    return Arithmetic.minimum(x, y);
  }

  public static Value negative(Object x) {
    return Arithmetic.negative(x);
  }

  public static Value abs(Object x) {
    return Arithmetic.abs(x);
  }

  public static Value absolute(Object x) {
    return Arithmetic.abs(x);
  }

  public static Value sign(Object x) {
    return Arithmetic.sign(x);
  }

  public static Value square(Object x) {
    return Arithmetic.square(x);
  }

  public static Value reciprocal(Object x) {
    return Arithmetic.reciprocal(x);
  }

  public static Value exp(Object x) {
    return MathFunctions.exp(x);
  }

  public static Value log(Object x) {
    return MathFunctions.log(x);
  }

  public static Value log1p(Object x) {
    return MathFunctions.log1p(x);
  }

  public static Value expm1(Object x) {
    return MathFunctions.expm1(x);
  }

  public static Value tanh(Object x) {
    return MathFunctions.tanh(x);
  }

  public static Value sqrt(Object x) {
    return MathFunctions.sqrt(x);
  }

  public static Value sin(Object x) {
    return MathFunctions.sin(x);
  }

  public static Value cos(Object x) {
    return MathFunctions.cos(x);
  }

  public static Value floor(Object x) {
    return MathFunctions.floor(x);
  }

  public static Value ceil(Object x) {
    return MathFunctions.ceil(x);
  }

  /** Rounds half to even. */
  public static Value round(Object x) {
    return MathFunctions.round(x);
  }

  // ---- comparison and logic ----

  public static Value equal(Object x, Object y) {
    return Logic.equal(x, y);
  }

  public static Value notEqual(Object x, Object y) {
    return Logic.notEqual(x, y);
  }

  public static Value less(Object x, Object y) {
    return Logic.less(x, y);
  }

  public static Value lessEqual(Object x, Object y) {
    return Logic.lessEqual(x, y);
  }

  public static Value greater(Object x, Object y) {
    return Logic.greater(x, y);
  }

  public static Value greaterEqual(Object x, Object y) {
    return Logic.greaterEqual(x, y);
  }

  public static Value logicalAnd(Object x, Object y) {
    return Logic.logicalAnd(x, y);
  }

  public static Value logicalOr(Object x, Object y) {
    return Logic.logicalOr(x, y);
  }

  public static Value logicalXor(Object x, Object y) {
    return Logic.logicalXor(x, y);
  }

  public static Value logicalNot(Object x) {
    return Logic.logicalNot(x);
  }

  /** {@code x} where {@code condition} is true (non-zero), else {@code y}; all three broadcast. */
  public static Value where(Object condition, Object x, Object y) {
    return Logic.where(condition, x, y);
  }

  /** Clips to {@code [min, max]}; either bound may be null. */
  public static Value clip(Object x, Object min, Object max) {
    return Logic.clip(x, min, max);
  }

  // ---- linear algebra ----

  /** Matrix product with numpy's batch broadcasting and 1-D rules. */
  public static Value matmul(Object a, Object b) {
    return LinearAlgebra.matmul(a, b);
  }

  public static Value dot(Object a, Object b) {
    return LinearAlgebra.dot(a, b);
  }

  /** Einstein summation, e.g. {@code einsum("bij,bjk->bik", a, b)}. */
  public static Value einsum(String subscripts, Object... operands) {
    return Einsum.einsum(subscripts, operands);
  }

  // ---- reductions (axes: all when omitted or null; duplicates are an error) ----

  public static Value sum(Value x) {
    return Reductions.sum(x, null, false);
  }

  public static Value sum(Value x, int... axes) {
    return Reductions.sum(x, axes, false);
  }

  public static Value sum(Value x, int[] axes, boolean keepdims) {
    return Reductions.sum(x, axes, keepdims);
  }

  public static Value prod(Value x) {
    return Reductions.prod(x, null, false);
  }

  public static Value prod(Value x, int... axes) {
    return Reductions.prod(x, axes, false);
  }

  public static Value prod(Value x, int[] axes, boolean keepdims) {
    return Reductions.prod(x, axes, keepdims);
  }

  public static Value max(Value x) {
    return Reductions.max(x, null, false);
  }

  public static Value max(Value x, int... axes) {
    return Reductions.max(x, axes, false);
  }

  public static Value max(Value x, int[] axes, boolean keepdims) {
    return Reductions.max(x, axes, keepdims);
  }

  public static Value min(Value x) {
    return Reductions.min(x, null, false);
  }

  public static Value min(Value x, int... axes) {
    return Reductions.min(x, axes, false);
  }

  public static Value min(Value x, int[] axes, boolean keepdims) {
    return Reductions.min(x, axes, keepdims);
  }

  public static Value all(Value x) {
    return Reductions.all(x, null, false);
  }

  public static Value all(Value x, int... axes) {
    return Reductions.all(x, axes, false);
  }

  public static Value all(Value x, int[] axes, boolean keepdims) {
    return Reductions.all(x, axes, keepdims);
  }

  public static Value any(Value x) {
    return Reductions.any(x, null, false);
  }

  public static Value any(Value x, int... axes) {
    return Reductions.any(x, axes, false);
  }

  public static Value any(Value x, int[] axes, boolean keepdims) {
    return Reductions.any(x, axes, keepdims);
  }

  public static Value mean(Value x) {
    return Reductions.mean(x, null, false);
  }

  public static Value mean(Value x, int... axes) {
    return Reductions.mean(x, axes, false);
  }

  public static Value mean(Value x, int[] axes, boolean keepdims) {
    return Reductions.mean(x, axes, keepdims);
  }

  public static Value var(Value x) {
    return Reductions.var(x, null, 0, false);
  }

  public static Value var(Value x, int... axes) {
    return Reductions.var(x, axes, 0, false);
  }

  /** Variance dividing by {@code n - ddof}. */
  public static Value var(Value x, int[] axes, int ddof, boolean keepdims) {
    return Reductions.var(x, axes, ddof, keepdims);
  }

  public static Value std(Value x) {
    return Reductions.std(x, null, 0, false);
  }

  public static Value std(Value x, int... axes) {
    return Reductions.std(x, axes, 0, false);
  }

  public static Value std(Value x, int[] axes, int ddof, boolean keepdims) {
    return Reductions.std(x, axes, ddof, keepdims);
  }

  /** int32 index of the first maximum of the flattened array. */
  public static Value argmax(Value x) {
    return Reductions.argmax(x, null, false);
  }

  public static Value argmax(Value x, int axis) {
    return Reductions.argmax(x, axis, false);
  }

  /** {@code axis} null: of the flattened array. */
  public static Value argmax(Value x, Integer axis, boolean keepdims) {
    return Reductions.argmax(x, axis, keepdims);
  }

  public static Value argmin(Value x) {
    return Reductions.argmin(x, null, false);
  }

  public static Value argmin(Value x, int axis) {
    return Reductions.argmin(x, axis, false);
  }

  public static Value argmin(Value x, Integer axis, boolean keepdims) {
    return Reductions.argmin(x, axis, keepdims);
  }

  /** Running sum of the flattened array. */
  public static Value cumsum(Value x) {
    return Reductions.cumsum(x, null);
  }

  public static Value cumsum(Value x, int axis) {
    return Reductions.cumsum(x, axis);
  }

  // ---- shapes ----

  /** Row-major reshape; one dimension may be -1. */
  public static Value reshape(Value x, int... shape) {
    return Shapes.reshape(x, shape);
  }

  public static Value ravel(Value x) {
    return Shapes.ravel(x);
  }

  /** Reverses the axes. */
  public static Value transpose(Value x) {
    return Shapes.transpose(x, null);
  }

  public static Value transpose(Value x, int... axes) {
    return Shapes.transpose(x, axes);
  }

  public static Value swapaxes(Value x, int axis1, int axis2) {
    return Shapes.swapaxes(x, axis1, axis2);
  }

  public static Value moveaxis(Value x, int source, int destination) {
    return Shapes.moveaxis(x, new int[] {source}, new int[] {destination});
  }

  public static Value moveaxis(Value x, int[] source, int[] destination) {
    return Shapes.moveaxis(x, source, destination);
  }

  /** Removes every size-1 axis. */
  public static Value squeeze(Value x) {
    return Shapes.squeeze(x, null);
  }

  public static Value squeeze(Value x, int... axes) {
    return Shapes.squeeze(x, axes);
  }

  /** Inserts size-1 axes at the given positions of the result. */
  public static Value expandDims(Value x, int... axes) {
    return Shapes.expandDims(x, axes);
  }

  public static Value concatenate(List<? extends Value> arrays) {
    return Shapes.concatenate(arrays, 0);
  }

  public static Value concatenate(List<? extends Value> arrays, int axis) {
    return Shapes.concatenate(arrays, axis);
  }

  public static Value stack(List<? extends Value> arrays) {
    return Shapes.stack(arrays, 0);
  }

  public static Value stack(List<? extends Value> arrays, int axis) {
    return Shapes.stack(arrays, axis);
  }

  /** {@code sections} equal parts along axis 0. */
  public static List<Value> split(Value x, int sections) {
    return Shapes.split(x, sections, 0);
  }

  public static List<Value> split(Value x, int sections, int axis) {
    return Shapes.split(x, sections, axis);
  }

  /** Parts before, between and after the given indices along axis 0. */
  public static List<Value> split(Value x, int[] indices) {
    return Shapes.split(x, indices, 0);
  }

  public static List<Value> split(Value x, int[] indices, int axis) {
    return Shapes.split(x, indices, axis);
  }

  public static Value broadcastTo(Value x, int... shape) {
    return Shapes.broadcastTo(x, shape);
  }

  /** {@code x.astype(dtype)}: converted, not weakly typed. */
  public static Value astype(Value x, DType dtype) {
    return Shapes.astype(x, dtype);
  }

  /** Upper triangle of the last two axes (zero below the main diagonal). */
  public static Value triu(Value x) {
    return Shapes.triu(x, 0);
  }

  /** Zero below the {@code k}-th diagonal. */
  public static Value triu(Value x, int k) {
    return Shapes.triu(x, k);
  }

  public static Value tril(Value x) {
    return Shapes.tril(x, 0);
  }

  /** Zero above the {@code k}-th diagonal. */
  public static Value tril(Value x, int k) {
    return Shapes.tril(x, k);
  }

  // ---- indexing ----

  /**
   * {@code x[index]} with numpy's basic and advanced indexing rules; out-of-range integers and
   * index-array entries clamp to the axis, as JAX's default does.
   */
  public static Value index(Value x, Index... index) {
    return Indexing.index(x, index);
  }

  /** {@code x.at[index]}: functional updates ({@code set}, {@code add}) and {@code get}. */
  public static IndexUpdate at(Value x, Index... index) {
    return new IndexUpdate(x, index);
  }
}
